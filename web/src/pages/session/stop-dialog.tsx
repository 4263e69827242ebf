// "Stop — this hurts": a modal dialog that asks what is happening, offering the engine's stop
// reasons in its order. The session is paused while it is open; Escape or "Go back" resumes.
import { useEffect, useRef } from 'preact/hooks';
import type { StopReasonChoice } from '../../api/types';

export function StopDialog(props: {
  reasons: StopReasonChoice[];
  onChoose: (reason: string) => void;
  onQuit: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="stop-dialog"
      aria-labelledby="stop-title"
      aria-describedby="stop-help"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="stop-title">What is happening?</h2>
      <p id="stop-help">
        The session is paused. Choose what fits best and Unload will tell you what to do next.
      </p>
      {props.reasons.length > 0 ? (
        <ul class="stop-reasons">
          {props.reasons.map((reason) => (
            <li key={reason.id}>
              <button type="button" class="button stop-reason" onClick={() => props.onChoose(reason.id)}>
                {reason.label}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <div class="button-row">
          <button type="button" class="button button-danger" onClick={props.onQuit}>
            End the session now
          </button>
        </div>
      )}
      <div class="button-row">
        <button type="button" class="button" onClick={props.onCancel}>
          Go back to the session
        </button>
      </div>
    </dialog>
  );
}
