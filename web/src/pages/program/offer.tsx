// A harder version on offer after an exercise felt too easy (`offers` of GET /api/v1/program): one
// small notice at the top of the routine with a button that takes it
// (POST /api/v1/program/harder/{exercise}); the program the server answers replaces the page's.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { CurrentProgram, Offer } from '../../api/types';
import { ErrorNotice } from '../../components/ui';
import { offerWords } from './view';

export function HarderOffer(props: { offer: Offer; onTaken: (program: CurrentProgram, said: string) => void }) {
  const words = offerWords(props.offer);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const take = async () => {
    setBusy(true);
    setError(null);
    try {
      const program = await api.post<CurrentProgram>(`/api/v1/program/harder/${encodeURIComponent(props.offer.exercise)}`, {});
      props.onTaken(program, words.taken);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <div class="notice notice-ok program-offer">
      <p>
        <strong>{words.question}</strong>
      </p>
      <p>{words.optional}</p>
      <p class="program-offer-action">
        <button type="button" class="button button-primary" onClick={take} disabled={busy}>
          {busy ? 'Changing your routine…' : words.button}
        </button>
      </p>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}

/** What taking an offer did, focused so that keyboard users are not left where the button was. */
export function OfferTaken(props: { said: string }) {
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    line.current?.focus();
  }, [props.said]);
  return (
    <p class="notice notice-ok program-offer-taken" tabIndex={-1} ref={line}>
      {props.said}
    </p>
  );
}
