// The adherence calendar: the last weeks as rows of days, each with a mark and words (never colour
// alone), and the minutes and sessions of each week.
import { type CalendarWeek, type DayStatus, STATUS_WORDS, type WeekTotals, sessionsText, shortDay } from './logic';

const MARKS: Record<DayStatus, string> = {
  done: '✓',
  partly: '◐',
  missed: '✗',
  today: '○',
  rest: '·',
};

const WEEKDAYS = [
  ['Mo', 'Monday'],
  ['Tu', 'Tuesday'],
  ['We', 'Wednesday'],
  ['Th', 'Thursday'],
  ['Fr', 'Friday'],
  ['Sa', 'Saturday'],
  ['Su', 'Sunday'],
];

export function AdherenceCalendar(props: { weeks: CalendarWeek[] }) {
  return (
    <div class="pg-calendar-wrap">
      <table class="pg-calendar">
        <caption class="visually-hidden">Sessions done each day, a week per row</caption>
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">Week of</span>
            </th>
            {WEEKDAYS.map(([short, long]) => (
              <th scope="col" key={short}>
                <abbr title={long}>{short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.weeks.map((week) => (
            <tr key={week.start}>
              <th scope="row" class="pg-calendar-week">
                {shortDay(week.start).replace(/^\S+ /, '')}
              </th>
              {week.cells.map((cell, index) =>
                cell === null ? (
                  <td key={index} class="pg-calendar-empty">
                    <span class="visually-hidden">Not yet</span>
                  </td>
                ) : (
                  <td key={cell.day} class={`pg-calendar-day pg-status-${cell.status}${cell.isToday ? ' pg-is-today' : ''}`} data-day={cell.day} data-status={cell.status}>
                    <span class="pg-calendar-mark" aria-hidden="true">
                      {MARKS[cell.status]}
                    </span>
                    <span class="pg-calendar-date" aria-hidden="true">
                      {Number(cell.day.slice(8))}
                    </span>
                    <span class="visually-hidden">
                      {shortDay(cell.day)}
                      {cell.isToday ? ', today' : ''}: {cell.label}
                      {cell.flare ? ', a flare-up' : ''}
                    </span>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="pg-calendar-legend" aria-label="What the marks mean">
        {(Object.keys(MARKS) as DayStatus[]).map((status) => (
          <li key={status}>
            <span class={`pg-calendar-mark status-${status}`} aria-hidden="true">
              {MARKS[status]}
            </span>{' '}
            {STATUS_WORDS[status]}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function WeeklyMinutes(props: { weeks: WeekTotals[] }) {
  const most = Math.max(1, ...props.weeks.map((week) => week.minutes));
  return (
    <ul class="pg-week-list">
      {[...props.weeks].reverse().map((week) => (
        <li key={week.start} class="pg-week-row">
          <span class="pg-week-label">Week of {shortDay(week.start)}</span>
          <span class="pg-week-figures">
            <strong>{week.minutes} min</strong> · {sessionsText(week.done, week.planned)}
          </span>
          <span class="pg-week-bar" aria-hidden="true">
            <span class="pg-week-bar-fill" style={{ width: `${(100 * week.minutes) / most}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}
