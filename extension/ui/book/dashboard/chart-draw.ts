import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** What a Painel chart draws: a value per category (months, activity groups) per series. */
export interface ChartSpec {
  kind: 'lines' | 'bars';
  /** The category under each point, in order (numbers and dates as the seller reads them; drawn on the canvas). */
  labels: readonly string[];
  series: readonly { label: string; values: readonly (number | null)[]; colour: '--chart-1' | '--chart-2'; dash?: boolean }[];
  /** A y value as the axis shows it. */
  formatY: (value: number) => string;
  /** Fixed y range (scores); otherwise from zero to the largest value. */
  yRange?: [number, number];
}

const HEIGHT = 240;

/**
 * Draws a chart with uPlot into `host` (uPlot makes its own DOM: canvases and divs, text through textContent; its
 * legend is off, the page lists the series itself). Colours come from the page's CSS variables, read again when
 * the colour scheme changes; the width follows the host. Returns what takes it down.
 */
export function drawChart(host: HTMLElement, spec: ChartSpec): () => void {
  let chart: uPlot | null = null;
  const draw = () => {
    chart?.destroy();
    chart = new uPlot(options(host, spec), data(spec), host);
  };
  draw();
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', draw);
  const resize = new ResizeObserver(() => chart?.setSize({ width: widthOf(host), height: HEIGHT }));
  resize.observe(host);
  return () => {
    scheme.removeEventListener('change', draw);
    resize.disconnect();
    chart?.destroy();
  };
}

function widthOf(host: HTMLElement): number {
  return Math.max(240, host.clientWidth || 640);
}

function data(spec: ChartSpec): uPlot.AlignedData {
  return [spec.labels.map((_, k) => k), ...spec.series.map((series) => series.values.map((value) => value))] as uPlot.AlignedData;
}

function options(host: HTMLElement, spec: ChartSpec): uPlot.Options {
  const style = getComputedStyle(host);
  const colour = (name: string) => style.getPropertyValue(name).trim() || style.color;
  const text = colour('--fg');
  const grid = colour('--border');
  const indices = spec.labels.map((_, k) => k);
  const bars = spec.kind === 'bars' ? uPlot.paths.bars?.({ size: [0.6, 80] }) : undefined;
  return {
    width: widthOf(host),
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: [-0.5, spec.labels.length - 0.5] },
      y: { range: (_u, _min, max) => spec.yRange ?? [0, max > 0 ? max * 1.1 : 1] },
    },
    axes: [
      // Labels may hold a second line (the year under a month).
      { stroke: text, grid: { show: false }, ticks: { stroke: grid }, size: 50, splits: () => indices, values: (_u, splits) => splits.map((k) => spec.labels[k] ?? '') },
      { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 96, values: (_u, splits) => splits.map((value) => spec.formatY(value)) },
    ],
    series: [
      {},
      ...spec.series.map((series) => ({
        label: series.label,
        stroke: colour(series.colour),
        width: 2,
        ...(series.dash ? { dash: [6, 4] } : {}),
        ...(bars ? { paths: bars, fill: colour(series.colour), points: { show: false } } : { points: { show: true, size: 6, fill: colour(series.colour) } }),
      })),
    ],
  };
}

