// Learn: the education topics of content/learn.toml (causes, warning signs, workstation, lifting,
// sleep, pacing, ...). `#/learn` lists them; `#/learn/{id}` shows one. Warning rules come from
// the screening content with their urgency, and the most urgent are shown first and unmistakably.
import { ApiError } from '../../api/client';
import type { LearnRule, LearnSection, LearnTopic, LearnTopics } from '../../api/types';
import { ExercisePicture } from '../../components/picture';
import { ErrorNotice, Loading, Page, useApi } from '../../components/ui';
import { useSources } from '../program/library';
import { readableReference } from '../program/view';
import { groupByUrgency } from './urgency';
import './learn.css';

export function LearnPage(props: { topic?: string }) {
  return props.topic ? <TopicPage id={props.topic} /> : <TopicList />;
}

function TopicList() {
  const loaded = useApi<LearnTopics>('/api/v1/learn');
  return (
    <Page title="Learn">
      <p>Short reads about your back: what usually causes pain, what needs a doctor, and everyday habits that help.</p>
      {loaded.state === 'loading' && <Loading what="the topics" />}
      {loaded.state === 'error' && <ErrorNotice error={loaded.error} retry={loaded.retry} />}
      {loaded.state === 'ready' && (
        <ul class="topic-list">
          {loaded.data.topics.map((topic) => (
            <li key={topic.id}>
              <a class={topic.id === 'warning_signs' ? 'card topic-link topic-link-warning' : 'card topic-link'} href={`#/learn/${encodeURIComponent(topic.id)}`}>
                <span class="topic-title">{topic.title}</span>
                <span class="topic-summary">{topic.summary}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function TopicPage(props: { id: string }) {
  const loaded = useApi<LearnTopic>(`/api/v1/learn/${encodeURIComponent(props.id)}`);
  const title = loaded.state === 'ready' ? loaded.data.title : loaded.state === 'error' ? 'Topic not found' : 'Learn';
  const notFound = loaded.state === 'error' && loaded.error instanceof ApiError && loaded.error.status === 404;
  return (
    <Page title={notFound ? 'Topic not found' : title}>
      <p class="back-link">
        <a href="#/learn">All topics</a>
      </p>
      {loaded.state === 'loading' && <Loading what="the topic" />}
      {loaded.state === 'error' &&
        (notFound ? (
          <p>There is no topic at this address. The list of topics has everything Unload explains.</p>
        ) : (
          <ErrorNotice error={loaded.error} retry={loaded.retry} />
        ))}
      {loaded.state === 'ready' && <Topic topic={loaded.data} />}
    </Page>
  );
}

function Topic(props: { topic: LearnTopic }) {
  const { topic } = props;
  const pressing = topic.rules.some((rule) => rule.urgency === 'emergency' || rule.urgency === 'urgent');
  return (
    <article class="topic">
      <p class="topic-lead">{topic.summary}</p>
      {pressing && <Rules rules={topic.rules} heading="Signs and what to do" />}
      {topic.sections.map((section, i) => (
        <Section key={i} section={section} />
      ))}
      {!pressing && topic.rules.length > 0 && <Rules rules={topic.rules} heading="When to see someone" />}
      {topic.exercises.length > 0 && (
        <section aria-labelledby="topic-exercises">
          <h2 id="topic-exercises">Exercises this topic mentions</h2>
          <ul class="topic-exercises">
            {topic.exercises.map((exercise) => (
              <li key={exercise.id} class="card">
                <ExercisePicture exercise={exercise.id} />
                <span>{exercise.name}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Sources ids={topic.source} />
    </article>
  );
}

function Section(props: { section: LearnSection }) {
  const { section } = props;
  return (
    <section>
      <h2>{section.heading}</h2>
      {section.text.map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      {section.points.length > 0 && (
        <ul>
          {section.points.map((point, i) => (
            <li key={i}>{point}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

const GROUP_CLASS: Record<string, string> = {
  emergency: 'notice notice-emergency warning-group',
  urgent: 'notice notice-error warning-group',
  consult: 'notice notice-warn warning-group',
};

function Rules(props: { rules: LearnRule[]; heading: string }) {
  const groups = groupByUrgency(props.rules);
  return (
    <section aria-labelledby="topic-rules">
      <h2 id="topic-rules">{props.heading}</h2>
      {groups.map((group) => (
        <div key={group.urgency} class={GROUP_CLASS[group.urgency]} data-urgency={group.urgency}>
          <h3>
            {group.urgency === 'emergency' && (
              <span class="urgency-mark" aria-hidden="true">
                !
              </span>
            )}
            {group.heading}
          </h3>
          <ul>
            {group.rules.map((rule) => (
              <li key={rule.id}>{rule.text}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Sources(props: { ids: string[] }) {
  const sources = useSources(props.ids.length > 0);
  if (props.ids.length === 0) return null;
  return (
    <section aria-labelledby="topic-sources" class="topic-sources">
      <h2 id="topic-sources">Sources</h2>
      <ul>
        {props.ids.map((id) => {
          const source = sources?.get(id);
          return (
            <li key={id}>
              {source ? (
                <>
                  {source.title}
                  {readableReference(source.reference) && <span class="muted"> ({readableReference(source.reference)})</span>}
                </>
              ) : (
                id
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
