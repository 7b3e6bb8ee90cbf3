// SVG charts for the trends, drawn as plain markup (no script, works offline and in print).
// Every chart is role="img" with a <title> and <desc> that state the numbers; the data table is printed
// beside it by the caller (reports/sections/trends.ts), so nothing is conveyed by the picture alone.
// Series differ by colour AND dash and marker shape (1.4.1), and colours contrast ≥ 3:1 with the white
// background (1.4.11-ready).
import { html, type Html } from './html.js';

export interface Series {
  name: string;
  values: number[];
}

interface SeriesStyle {
  color: string;
  dash: string;
  marker: 'circle' | 'square' | 'triangle';
}

const STYLES: SeriesStyle[] = [
  { color: '#b3261e', dash: '', marker: 'circle' },
  { color: '#1a5fb4', dash: '6 4', marker: 'square' },
  { color: '#26734d', dash: '2 3', marker: 'triangle' },
];

// ids count up over the process, so two charts in one document never share an id
let uid = 0;

/** The plotting area of a line chart and its scales. */
interface Frame {
  W: number;
  H: number;
  L: number;
  R: number;
  B: number;
  top: number;
  step: number;
  x: (i: number) => number;
  y: (v: number) => number;
}

function frame(labels: string[], series: Series[], W: number, H: number, fractional = false): Frame {
  const L = 56, R = 16, T = 20, B = labels.some((l) => l.includes('\n')) ? 62 : 48;
  const max = Math.max(fractional ? 0.1 : 1, ...series.flatMap((s) => s.values));
  const step = niceStep(max, fractional);
  const top = Math.ceil(max / step) * step;
  const x = (i: number) => L + (labels.length <= 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (labels.length - 1));
  const y = (v: number) => T + (H - T - B) * (1 - v / top);
  return { W, H, L, R, B, top, step, x, y };
}

/** Horizontal grid lines with their values, and the run labels under the axis. */
function axes(f: Frame, labels: string[]): Html[] {
  const parts: Html[] = [];
  for (let k = 0; k * f.step <= f.top + 1e-9; k++) {
    const v = Number((k * f.step).toFixed(6));
    parts.push(html`<line x1="${f.L}" x2="${f.W - f.R}" y1="${f.y(v)}" y2="${f.y(v)}" stroke="#c4c4c4" stroke-width="1"/>`);
    parts.push(html`<text x="${f.L - 8}" y="${f.y(v) + 4}" text-anchor="end" font-size="12" fill="#333">${v}</text>`);
  }
  // a label may have two lines ("11月25日\n2026年度"): one tspan each
  labels.forEach((l, i) => {
    const [first, second] = l.split('\n');
    const lines = second ? html`<tspan x="${f.x(i)}">${first}</tspan><tspan x="${f.x(i)}" dy="14">${second}</tspan>` : first;
    parts.push(html`<text x="${f.x(i)}" y="${f.H - f.B + 18}" text-anchor="middle" font-size="12" fill="#333">${lines}</text>`);
  });
  return parts;
}

/** One series: its line, its markers, and its entry in the legend under the chart. */
function seriesMarks(f: Frame, s: Series, k: number): Html[] {
  const st = STYLES[k % STYLES.length];
  const pts = s.values.map((v, i) => `${f.x(i)},${f.y(v)}`).join(' ');
  const lx = f.L + k * 190;
  const ly = f.H - 10;
  return [
    html`<polyline points="${pts}" fill="none" stroke="${st.color}" stroke-width="2.5" stroke-dasharray="${st.dash}"/>`,
    ...s.values.map((v, i) => marker(st.marker, f.x(i), f.y(v), st.color)),
    html`<line x1="${lx}" x2="${lx + 28}" y1="${ly - 4}" y2="${ly - 4}" stroke="${st.color}" stroke-width="2.5" stroke-dasharray="${st.dash}"/>`,
    marker(st.marker, lx + 14, ly - 4, st.color),
    html`<text x="${lx + 34}" y="${ly}" font-size="12" fill="#333">${s.name}</text>`,
  ];
}

/** `fractional`: the values are rates (e.g. violations per page), so the axis may step by 0.1, 0.2, 0.5 … */
export function lineChart(labels: string[], series: Series[], opts: { title: string; unit?: string; width?: number; height?: number; fractional?: boolean }): Html {
  const id = `chart${++uid}`;
  const f = frame(labels, series, opts.width ?? 640, opts.height ?? 260, opts.fractional);
  const desc = series
    .map((s) => `${s.name}: ${s.values.map((v, i) => `${labels[i].replace('\n', ' ')} ${v}${opts.unit ?? ''}`).join('、')}`)
    .join('。');
  const parts = [...axes(f, labels), ...series.flatMap((s, k) => seriesMarks(f, s, k))];
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f.W} ${f.H}" width="${f.W}" height="${f.H}" font-family="Noto Sans CJK JP, Noto Sans JP, sans-serif" role="img" aria-labelledby="${id}t ${id}d" focusable="false"><title id="${id}t">${opts.title}</title><desc id="${id}d">${desc}</desc>${parts}</svg>`;
}

/**
 * A chart as an image (data: URL) with its alternative text: the SVG's lettering is then part of a picture
 * whose numbers the table beside it gives, and not page text that contrast checks cannot place on a
 * background (axe reports text inside an inline <svg> as 要確認).
 */
export function chartImage(svg: Html, alt: string): Html {
  const data = Buffer.from(svg.toString(), 'utf8').toString('base64');
  return html`<img class="chart" src="data:image/svg+xml;base64,${data}" alt="${alt}">`;
}

/** A small bar sparkline for one criterion (pages failing per run). */
export function sparkBars(labels: string[], values: number[], title: string, unit = 'ページ'): Html {
  const id = `spark${++uid}`;
  const W = Math.max(60, values.length * 14), H = 24;
  const max = Math.max(1, ...values);
  const bw = W / Math.max(1, values.length);
  const bars = values.map((v, i) => {
    const h = v === 0 ? 1 : Math.max(2, (v / max) * (H - 2));
    return html`<rect x="${i * bw + 1}" y="${H - h}" width="${bw - 2}" height="${h}" fill="${v === 0 ? '#767676' : '#b3261e'}"/>`;
  });
  const desc = values.map((v, i) => `${labels[i].replace('\n', ' ')} ${v}${unit}`).join('、');
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${id}t ${id}d" focusable="false"><title id="${id}t">${title}</title><desc id="${id}d">${desc}</desc>${bars}</svg>`;
}

function marker(kind: SeriesStyle['marker'], x: number, y: number, color: string): Html {
  if (kind === 'square') return html`<rect x="${x - 4}" y="${y - 4}" width="8" height="8" fill="${color}"/>`;
  if (kind === 'triangle') return html`<polygon points="${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}" fill="${color}"/>`;
  return html`<circle cx="${x}" cy="${y}" r="4" fill="${color}"/>`;
}

function niceStep(max: number, fractional = false): number {
  const raw = max / 5;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  const step = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  return fractional ? Number(step.toPrecision(6)) : Math.max(1, step);
}
