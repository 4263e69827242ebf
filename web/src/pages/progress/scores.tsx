// Questionnaire scores over time, as the engine reports them: each score, its change since the
// first one, whether that change matters (the engine's `responder`), and the smallest change that
// matters drawn as a line below the first score.
import type { Instrument, ProgressScore } from '../../api/types';
import { INSTRUMENT_NAMES, oneDecimal, scoreChangeText, scoreValueText, scoresByInstrument, shortDay } from './logic';

const SCALE_TOP: Record<Instrument, number> = { odi: 100, rmdq: 24, startback: 9 };

const BAND_WORDS: Record<string, string> = {
  minimal: 'minimal difficulty',
  moderate: 'moderate difficulty',
  severe: 'severe difficulty',
  crippling: 'very severe difficulty',
  bed_bound: 'largely confined to bed',
  low: 'low risk',
  medium: 'medium risk',
  high: 'high risk',
};

export function bandWords(band: string | null): string | null {
  if (!band) return null;
  return BAND_WORDS[band] ?? band.replace(/_/g, ' ');
}

/** A small line chart of one questionnaire's scores with the MCID line under the first one. */
function ScoreSparkline(props: { instrument: Instrument; scores: ProgressScore[] }) {
  const { instrument, scores } = props;
  if (scores.length < 2) return null;
  const width = 320;
  const height = 120;
  const pad = { left: 34, right: 10, top: 10, bottom: 20 };
  const top = SCALE_TOP[instrument];
  const x = (i: number) => pad.left + (i * (width - pad.left - pad.right)) / (scores.length - 1);
  const y = (value: number) => pad.top + (1 - value / top) * (height - pad.top - pad.bottom);
  const first = scores[0];
  const mcid = scores.find((score) => score.mcid)?.mcid;
  const target = mcid ? first.value - mcid.points : null;
  const path = scores.map((score, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(score.value).toFixed(1)}`).join(' ');
  return (
    <svg class="pg-sparkline" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${INSTRUMENT_NAMES[instrument]} scores over time; the list below has the same figures.`}>
      <line class="pg-spark-axis" x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} />
      <text class="pg-spark-tick" x={pad.left - 6} y={y(0) + 4} text-anchor="end">
        0
      </text>
      <text class="pg-spark-tick" x={pad.left - 6} y={y(top) + 4} text-anchor="end">
        {top}
      </text>
      {target !== null && target >= 0 && (
        <>
          <line class="pg-spark-mcid" x1={pad.left} x2={width - pad.right} y1={y(target)} y2={y(target)} />
          <text class="pg-spark-label" x={width - pad.right} y={y(target) - 4} text-anchor="end">
            {`${oneDecimal(mcid!.points)} points below your first score`}
          </text>
        </>
      )}
      <path class="pg-spark-line" d={path} />
      {scores.map((score, i) => (
        <circle key={score.id} class={score.responder ? 'pg-spark-dot pg-spark-dot-responder' : 'pg-spark-dot'} cx={x(i)} cy={y(score.value)} r={4} />
      ))}
    </svg>
  );
}

export function ScoresSection(props: { scores: ProgressScore[] }) {
  const groups = scoresByInstrument(props.scores);
  return (
    <>
      {groups.length === 0 && (
        <p class="muted">
          No questionnaire saved in this period. A function questionnaire every few weeks shows how much easier everyday
          things have become; the weekly review says when it is time.
        </p>
      )}
      {groups.map((group) => (
        <div class="pg-score-group" key={group.instrument}>
          <h3>{INSTRUMENT_NAMES[group.instrument]}</h3>
          <p class="muted">{group.instrument === 'startback' ? 'A higher total means a higher risk that pain lingers.' : 'Lower scores mean less difficulty in everyday life.'}</p>
          <ScoreSparkline instrument={group.instrument} scores={group.scores} />
          <ol class="pg-score-list">
            {[...group.scores].reverse().map((score) => {
              const band = bandWords(score.band);
              return (
                <li key={score.id} class={score.responder ? 'pg-score-item pg-score-responder' : 'pg-score-item'}>
                  <span class="pg-score-head">
                    <span>{shortDay(score.day)}</span>
                    <strong>{scoreValueText(score)}</strong>
                    {band && <span class="muted">({band})</span>}
                  </span>
                  <span class="pg-score-change">
                    {score.responder && (
                      <span class="pg-badge pg-badge-ok" aria-hidden="true">
                        ✓
                      </span>
                    )}
                    {scoreChangeText(score)}
                  </span>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
      <p>
        <a class="button" href="#/progress/questionnaire">
          Fill in a function questionnaire
        </a>
      </p>
    </>
  );
}
