// The pain chart's drawing, with uPlot. This module is only ever loaded with `import()`, so uPlot
// and its CSS stay out of the first-load bundle. Colours come from the page's CSS variables, so
// the chart reads the same palette as everything else in light and dark.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { PainSeries } from './logic';

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Draws `series` into `target` at its width; returns the chart so the caller can resize or destroy it. */
export function drawPainChart(target: HTMLElement, series: PainSeries, width: number): uPlot {
  const muted = cssVar('--muted', '#4d5853');
  const grid = cssVar('--border', '#c9c4b8');
  const accent = cssVar('--accent', '#2f6f62');
  const warn = cssVar('--warn', '#7a4b00');
  const font = `13px ${cssVar('--font', 'system-ui, sans-serif')}`;
  const axis = {
    stroke: muted,
    font,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
  };
  const options: uPlot.Options = {
    width,
    height: 220,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 8 } },
    scales: {
      x: { time: false },
      y: { range: [0, 10] },
    },
    axes: [
      {
        ...axis,
        space: 56,
        values: (_chart, ticks) => ticks.map((seconds) => dayLabel.format(new Date(seconds * 1000))),
        incrs: [86_400, 2 * 86_400, 7 * 86_400, 14 * 86_400, 28 * 86_400],
      },
      { ...axis, size: 36, incrs: [2, 5], values: (_chart, ticks) => ticks.map(String) },
    ],
    series: [
      {},
      {
        label: 'Pain',
        stroke: accent,
        width: 2.5,
        spanGaps: true,
        points: { show: true, size: 7, stroke: accent, fill: accent },
      },
      {
        label: 'At the start',
        stroke: warn,
        width: 1.5,
        dash: [6, 5],
        points: { show: false },
      },
    ],
  };
  return new uPlot(options, [series.xs, series.pain, series.baseline], target);
}
