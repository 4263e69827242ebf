// The pain chart: uPlot, loaded on demand, drawn in the page's colours and redrawn when the
// system switches between light and dark. A table of the same figures stands beside it for screen
// readers and for anyone who prefers numbers; it opens by itself if the chart cannot load.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type PainSeries, oneDecimal, shortDay } from './logic';

interface Chart {
  destroy(): void;
  setSize(size: { width: number; height: number }): void;
}

const HEIGHT = 220;

export function PainChart(props: { series: PainSeries; baseline: number | null }) {
  const { series, baseline } = props;
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const target = box.current;
    if (!target || series.rows.length === 0) return;
    let chart: Chart | null = null;
    let live = true;
    const draw = async () => {
      const { drawPainChart } = await import('./pain-plot');
      if (!live) return;
      chart?.destroy();
      chart = drawPainChart(target, series, Math.max(200, target.clientWidth));
    };
    draw().catch(() => live && setFailed(true));
    const resize = new ResizeObserver(() => chart?.setSize({ width: Math.max(200, target.clientWidth), height: HEIGHT }));
    resize.observe(target);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const redraw = () => void draw().catch(() => live && setFailed(true));
    scheme.addEventListener('change', redraw);
    return () => {
      live = false;
      resize.disconnect();
      scheme.removeEventListener('change', redraw);
      chart?.destroy();
    };
  }, [series]);

  if (series.rows.length === 0) {
    return <p class="muted">No pain ratings in this period yet. Log one with the form on this page, or rate your pain before a session, and the chart starts.</p>;
  }
  const first = series.rows[0].day;
  const last = series.rows[series.rows.length - 1].day;
  return (
    <figure class="pg-pain-chart">
      <div
        ref={box}
        class="pg-pain-chart-plot"
        role="img"
        aria-label={`Chart of your daily pain from ${shortDay(first)} to ${shortDay(last)}, on a scale of 0 to 10. The table below holds the same figures.`}
      />
      <figcaption class="pg-chart-key">
        <span class="pg-key pg-key-pain">Your pain, daily average (0 no pain, 10 the worst)</span>
        {baseline !== null && <span class="pg-key pg-key-start">When you started: {oneDecimal(baseline)}</span>}
      </figcaption>
      {failed && (
        <p class="notice notice-warn" role="status">
          The chart could not be drawn just now. The table below has the same figures.
        </p>
      )}
      <details class="pg-details" open={failed}>
        <summary>Pain figures as a table</summary>
        <div class="pg-table-scroll">
          <table class="pg-figures">
            <caption class="visually-hidden">Daily average pain</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Pain (0 to 10)</th>
                <th scope="col">Flare-up</th>
              </tr>
            </thead>
            <tbody>
              {series.rows.map((row) => (
                <tr key={row.day}>
                  <th scope="row">{shortDay(row.day)}</th>
                  <td>{oneDecimal(row.pain)}</td>
                  <td>{row.flare ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
