// What a person sees of a finding's element, read in the panel from the HTML snippet of the finding: its
// aria-label, its text, the alt of an image inside, alt / value / placeholder / title, else the image's file
// name. The same order as the reports' reports/model/visible-text.ts (which parses with cheerio in Node);
// here the browser's own parser (a <template>, whose content never runs or loads anything).

/** Longest text kept (one line in the list). */
export const MAX_TEXT = 40;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + '…' : s);

const ATTRS = ['alt', 'value', 'placeholder', 'title'];

/** The element's name or text; "" when the snippet shows nothing a person could recognise. */
export function snippetText(snippet: string, max = MAX_TEXT): string {
  if (!snippet.trim()) return '';
  const t = document.createElement('template');
  t.innerHTML = snippet;
  const el = t.content.firstElementChild;
  if (!el) return cut(squash(t.content.textContent ?? ''), max);
  const label = squash(el.getAttribute('aria-label') ?? '');
  if (label) return cut(label, max);
  for (const x of Array.from(el.querySelectorAll('script, style, template'))) x.remove();
  const text = squash(el.textContent ?? '');
  if (text) return cut(text, max);
  const innerAlt = squash(el.querySelector('img[alt]')?.getAttribute('alt') ?? '');
  if (innerAlt) return cut(innerAlt, max);
  for (const a of ATTRS) {
    const v = squash(el.getAttribute(a) ?? '');
    if (v) return cut(v, max);
  }
  const src = el.getAttribute('src') ?? el.querySelector('img[src]')?.getAttribute('src');
  // an image written into the page (data:) has no file name a person would recognise
  return src && !/^data:/i.test(src.trim()) ? cut(src.split(/[?#]/)[0].split('/').pop() || src, max) : '';
}
