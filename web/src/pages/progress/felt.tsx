// "How the exercises felt": the person's answers after each session, counted per exercise over the
// period (GET /api/v1/progress `feedback`). Hidden until something was rated.
import type { ExerciseFeedback } from '../../api/types';
import { feltRows } from './logic';

export function FeltSection(props: { feedback: ExerciseFeedback[]; weeks: number }) {
  const rows = feltRows(props.feedback);
  if (rows.length === 0) return null;
  return (
    <section class="card" aria-labelledby="felt-title">
      <h2 id="felt-title">How the exercises felt</h2>
      <p class="muted">
        Your answers after each session over the last {props.weeks} weeks. Each number counts sessions.
      </p>
      <ul class="pg-felt">
        {rows.map((row) => (
          <li key={row.exercise} class="pg-felt-item">
            <p class="pg-felt-head">
              <strong>{row.name}</strong> <span class="muted">Last time: {row.latest.toLowerCase()}</span>
            </p>
            <dl class="pg-felt-counts">
              {row.counts.map((count) => (
                <div key={count.label} class={count.count > 0 ? 'pg-felt-count' : 'pg-felt-count pg-felt-none'}>
                  <dt>{count.label}</dt>
                  <dd>{count.count}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
