// SVG charts for the trends, drawn as plain markup (no script, works offline and in print).
// Every chart is role="img" with a <title> and <desc> that state the numbers; the data table is printed
// beside it by the caller, so nothing is conveyed by the picture alone. Series differ by colour AND dash
// and marker shape (1.4.1), and colours contrast ≥ 3:1 with the white background (1.4.11-ready).
import { esc } from './format.js';

export interface Series {
  name: string;
  values: number[];
}

const STYLES = [
  { color: '#b3261e', dash: '', marker: 'circle' },
  { color: '#1a5fb4', dash: '6 4', marker: 'square' },
  { color: '#26734d', dash: '2 3', marker: 'triangle' },
];

let uid = 0;

export function lineChart(labels: string[], series: Series[], opts: { title: string; unit?: string; width?: number; height?: number }): string {
  const id = `chart${++uid}`;
  const W = opts.width ?? 640;
  const H = opts.height ?? 260;
  const L = 56, R = 16, T = 20, B = 48;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const x = (i: number) => L + (labels.length <= 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (labels.length - 1));
  const y = (v: number) => T + (H - T - B) * (1 - v / top);
  const desc = series
    .map((s) => `${s.name}: ${s.values.map((v, i) => `${labels[i]} ${v}${opts.unit ?? ''}`).join('、')}`)
    .join('。');
  const parts: string[] = [];
  for (let v = 0; v <= top; v += step) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#c4c4c4" stroke-width="1"/>`);
    parts.push(`<text x="${L - 8}" y="${y(v) + 4}" text-anchor="end" font-size="12" fill="#333">${v}</text>`);
  }
  labels.forEach((l, i) => parts.push(`<text x="${x(i)}" y="${H - B + 18}" text-anchor="middle" font-size="12" fill="#333">${esc(l)}</text>`));
  series.forEach((s, k) => {
    const st = STYLES[k % STYLES.length];
    const pts = s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
    parts.push(`<polyline points="${pts}" fill="none" stroke="${st.color}" stroke-width="2.5" stroke-dasharray="${st.dash}"/>`);
    s.values.forEach((v, i) => parts.push(marker(st.marker, x(i), y(v), st.color)));
    // legend
    const lx = L + k * 190;
    const ly = H - 10;
    parts.push(`<line x1="${lx}" x2="${lx + 28}" y1="${ly - 4}" y2="${ly - 4}" stroke="${st.color}" stroke-width="2.5" stroke-dasharray="${st.dash}"/>`);
    parts.push(marker(st.marker, lx + 14, ly - 4, st.color));
    parts.push(`<text x="${lx + 34}" y="${ly}" font-size="12" fill="#333">${esc(s.name)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" style="max-width:${W}px" role="img" aria-labelledby="${id}t ${id}d" focusable="false"><title id="${id}t">${esc(opts.title)}</title><desc id="${id}d">${esc(desc)}</desc>${parts.join('')}</svg>`;
}

/** A small bar sparkline for one criterion (pages failing per run). */
export function sparkBars(labels: string[], values: number[], title: string): string {
  const id = `spark${++uid}`;
  const W = Math.max(60, values.length * 14), H = 24;
  const max = Math.max(1, ...values);
  const bw = W / Math.max(1, values.length);
  const bars = values
    .map((v, i) => {
      const h = v === 0 ? 1 : Math.max(2, (v / max) * (H - 2));
      return `<rect x="${i * bw + 1}" y="${H - h}" width="${bw - 2}" height="${h}" fill="${v === 0 ? '#767676' : '#b3261e'}"/>`;
    })
    .join('');
  const desc = values.map((v, i) => `${labels[i]} ${v}ページ`).join('、');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${id}t ${id}d" focusable="false"><title id="${id}t">${esc(title)}</title><desc id="${id}d">${esc(desc)}</desc>${bars}</svg>`;
}

function marker(kind: string, x: number, y: number, color: string): string {
  if (kind === 'square') return `<rect x="${x - 4}" y="${y - 4}" width="8" height="8" fill="${color}"/>`;
  if (kind === 'triangle') return `<polygon points="${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}" fill="${color}"/>`;
  return `<circle cx="${x}" cy="${y}" r="4" fill="${color}"/>`;
}

function niceStep(max: number): number {
  const raw = max / 5;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return Math.max(1, (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p);
}
