// The exercise library (#/exercises): every exercise Unload knows, grouped by phase, each with its
// picture, how to do it, its evidence and, when a program exists, what the program says about it
// for this person (in the routine, or left out and why). Techniques Unload rejects are listed apart
// as "not recommended, and why", without any steps. Data: GET /api/v1/exercises, /program, /stop.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { CurrentProgram, Exercise, Plan } from '../../api/types';
import { ExercisePicture } from '../../components/picture';
import { Because, ReasonText } from '../../components/reasons';
import { openStop, useSafetyStop } from '../../components/safety-stop';
import { ErrorNotice, Loading, Page, useApi } from '../../components/ui';
import { Instructions } from '../program/instructions';
import { useSources } from '../program/library';
import { evidenceWords, readableReference } from '../program/view';
import '../program/program.css';
import './library.css';
import { type LibraryFilter, type PersonalTag, groupExercises, personalTag, phaseWords, shownUnder } from './logic';

/** The program in force: null when none was started (404), undefined while loading or on error. */
function useCurrentPlan(): { plan: Plan | null | undefined; error: unknown } {
  const [plan, setPlan] = useState<Plan | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.get<CurrentProgram>('/api/v1/program').then(
      (current) => live && setPlan(current.plan),
      (caught: unknown) => {
        if (!live) return;
        if (caught instanceof ApiError && caught.status === 404) setPlan(null);
        else setError(caught);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { plan, error };
}

export function LibraryPage(_props: Record<string, unknown>) {
  const exercises = useApi<Exercise[]>('/api/v1/exercises');
  const { plan, error } = useCurrentPlan();
  const stop = useSafetyStop();
  const stopped = openStop(stop) !== null;
  return (
    <Page title="Exercise library" wide>
      <p>
        Every exercise Unload can put in a routine, with a picture, how to do it and what the research says. Only your
        own routine is planned for you: the rest is here to look up.
      </p>
      {stopped && (
        <div class="notice notice-warn">
          <p>
            Your program is on hold until the safety questions are answered again. <a href="#/">See today's page</a> for
            what to do first.
          </p>
        </div>
      )}
      {plan === null && (
        <p class="muted">
          Once you <a href="#/start">start a program</a>, this page also marks what is in your routine and what was left
          out for you, and why.
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
      {exercises.state === 'loading' && <Loading what="the exercises" />}
      {exercises.state === 'error' && <ErrorNotice error={exercises.error} retry={exercises.retry} />}
      {exercises.state === 'ready' && (
        <LibraryView exercises={exercises.data} plan={stopped ? null : (plan ?? null)} />
      )}
    </Page>
  );
}

function LibraryView(props: { exercises: Exercise[]; plan: Plan | null }) {
  const { exercises, plan } = props;
  const [filter, setFilter] = useState<LibraryFilter>('all');
  const library = useMemo(() => groupExercises(exercises), [exercises]);
  const tags = useMemo(() => new Map(exercises.map((exercise) => [exercise.id, personalTag(exercise.id, plan)])), [exercises, plan]);
  const visible = (exercise: Exercise) => shownUnder(filter, exercise, tags.get(exercise.id) ?? null);
  const groups = library.groups
    .map((group) => ({ ...group, exercises: group.exercises.filter(visible) }))
    .filter((group) => group.exercises.length > 0);
  const rejected = library.rejected.filter(visible);
  return (
    <>
      <div class="lib-filter">
        <label for="lib-filter">Show</label>
        <select id="lib-filter" value={filter} onChange={(event) => setFilter((event.currentTarget as HTMLSelectElement).value as LibraryFilter)}>
          <option value="all">Every exercise ({exercises.length})</option>
          {plan?.program && <option value="routine">Only what is in your routine</option>}
          {plan && <option value="left_out">Only what was left out for you</option>}
          {library.groups.map((group) => (
            <option key={group.phase} value={`phase:${group.phase}`}>
              {phaseWords(group.phase).title}
            </option>
          ))}
          {library.rejected.length > 0 && <option value="rejected">Not recommended</option>}
        </select>
      </div>
      {groups.length === 0 && rejected.length === 0 && <p>Nothing in the library matches this choice.</p>}
      {groups.map((group) => {
        const words = phaseWords(group.phase);
        const id = `lib-phase-${group.phase}`;
        return (
          <section key={group.phase} aria-labelledby={id}>
            <h2 id={id}>{words.title}</h2>
            {words.line && <p class="muted">{words.line}</p>}
            <ul class="lib-list">
              {group.exercises.map((exercise) => (
                <ExerciseCard key={exercise.id} exercise={exercise} tag={tags.get(exercise.id) ?? null} />
              ))}
            </ul>
          </section>
        );
      })}
      {rejected.length > 0 && (
        <section aria-labelledby="lib-rejected">
          <h2 id="lib-rejected">Not recommended</h2>
          <p class="muted">
            Techniques people ask about that are not part of Unload's program. Unload never puts them in a home routine;
            each one says why.
          </p>
          <ul class="lib-list">
            {rejected.map((exercise) => (
              <RejectedCard key={exercise.id} exercise={exercise} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Tag(props: { tag: PersonalTag | null }) {
  const tag = props.tag;
  if (!tag) return null;
  if (tag.kind === 'routine') return <p class="lib-tag lib-tag-routine">In your routine</p>;
  const [first, ...rest] = tag.because;
  return (
    <div class="lib-tag lib-tag-left-out">
      <p>
        <strong>Left out for you:</strong> {tag.text ?? (first !== undefined ? <ReasonText id={first} /> : 'your answers rule it out.')}
      </p>
      <Because ids={tag.text ? tag.because : rest} label="Because" />
    </div>
  );
}

function ExerciseCard(props: { exercise: Exercise; tag: PersonalTag | null }) {
  const { exercise } = props;
  const headingId = `lib-${exercise.id}`;
  return (
    <li class="card lib-card" data-exercise={exercise.id}>
      <ExercisePicture exercise={exercise.id} />
      <div class="lib-body">
        <h3 id={headingId}>{exercise.name}</h3>
        <Tag tag={props.tag} />
        <details class="disclosure">
          <summary>
            How to do it<span class="visually-hidden">: {exercise.name}</span>
          </summary>
          <Instructions exercise={exercise} />
          {exercise.modifications.length > 0 && (
            <>
              <h4>Other ways to do it</h4>
              <ul>
                {exercise.modifications.map((modification) => (
                  <li key={modification.id}>{modification.text}</li>
                ))}
              </ul>
            </>
          )}
        </details>
        <Evidence exercise={exercise} />
      </div>
    </li>
  );
}

/** A rejected technique: what it is not, and why; never its steps. */
function RejectedCard(props: { exercise: Exercise }) {
  const { exercise } = props;
  return (
    <li class="card lib-card lib-card-rejected" data-exercise={exercise.id}>
      <div class="lib-body">
        <h3>{exercise.name}</h3>
        <p class="lib-tag lib-tag-rejected">Not part of Unload's program</p>
        <p>{evidenceWords(exercise.evidence.strength, exercise.evidence.direction).join(' ')}</p>
        <Evidence exercise={exercise} title="Why Unload leaves it out" />
      </div>
    </li>
  );
}

function Evidence(props: { exercise: Exercise; title?: string }) {
  const { exercise } = props;
  const [open, setOpen] = useState(false);
  const sources = useSources(open);
  const rejected = props.title !== undefined;
  return (
    <details class="disclosure" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        {props.title ?? 'The evidence'}
        <span class="visually-hidden">: {exercise.name}</span>
      </summary>
      {!rejected && (
        <p>
          <strong>What research says:</strong> {evidenceWords(exercise.evidence.strength, exercise.evidence.direction).join(' ')}
        </p>
      )}
      {exercise.evidence.summary && <p>{exercise.evidence.summary}</p>}
      {exercise.evidence.references.length > 0 && (
        <>
          <p>Sources:</p>
          <ul class="sources">
            {exercise.evidence.references.map((id) => {
              const source = sources?.get(id);
              const reference = source ? readableReference(source.reference) : null;
              return (
                <li key={id}>
                  {source ? source.title : id}
                  {reference && <span class="muted"> ({reference})</span>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </details>
  );
}
