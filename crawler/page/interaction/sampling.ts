// The keyboard phase once per interactive make-up, not once per page (issue 8: the phase costs several
// seconds a page, 15–30 ms per Tab stop). Two pages of a CMS template with the same stylesheets, the same
// scripts and the same kinds of focusable and clickable elements behave the same under the keyboard: the
// phase runs on the first page of each make-up, and the others keep the static audit's verdicts for those
// criteria (review, never pass). JIS X 8341-3 testing samples pages the same way (JB.1.2).
import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer';

/**
 * Runs in the page. The make-up: stylesheets and scripts (URL, or the text when inline), html/body classes,
 * and the set (not the sequence: pages differ in how many links they list) of descriptors of every element a
 * keyboard check looks at — focusable elements, elements with a role, an inline handler or a pointer cursor.
 * Kept as source text (tsx would wrap inner functions with a helper that does not exist in the page).
 */
const MAKEUP_IN_PAGE = `(() => {
  const sheets = [];
  for (const s of document.querySelectorAll('link[rel~="stylesheet"], style')) sheets.push(s.localName === 'link' ? 'L' + s.href + '|' + (s.media || '') : 'S' + s.textContent);
  const scripts = [];
  for (const s of document.querySelectorAll('script')) {
    const type = (s.type || '').toLowerCase();
    if (type && !/(java|ecma)script|module/.test(type)) continue;
    scripts.push(s.src ? 'U' + s.src : 'T' + s.textContent);
  }
  const FOCUSABLE = 'a[href],area[href],button,input,select,textarea,summary,iframe,object,embed,[tabindex],[contenteditable],audio[controls],video[controls],[role]';
  const LANDMARK = 'header,nav,main,footer,aside,form,dialog,[role=banner],[role=navigation],[role=main],[role=contentinfo],[role=complementary],[role=dialog]';
  const kinds = new Set();
  const all = document.body ? document.body.getElementsByTagName('*') : [];
  for (let i = 0; i < all.length && i < 20000; i++) {
    const el = all[i];
    const on = [];
    for (const a of el.attributes) if (a.name.startsWith('on')) on.push(a.name);
    const focusable = el.matches(FOCUSABLE);
    const pointer = !focusable && !on.length && getComputedStyle(el).cursor === 'pointer';
    if (!focusable && !on.length && !pointer) continue;
    const area = el.closest(LANDMARK);
    const href = el.getAttribute('href');
    kinds.add([
      area ? area.localName + (area.getAttribute('role') || '') + '.' + area.className : '',
      el.parentElement ? el.parentElement.localName : '',
      el.localName, el.getAttribute('type') || '', el.getAttribute('role') || '', el.getAttribute('tabindex') || '',
      el.getAttribute('contenteditable') || '', typeof el.className === 'string' ? el.className : '', el.getAttribute('style') || '',
      on.sort().join(' '), pointer ? 'pointer' : '',
      href == null ? '' : href.startsWith('#') ? '#' : /^javascript:/i.test(href) ? 'js' : 'url',
      el.localName === 'iframe' ? (el.src || '').replace(/[?#].*$/, '') : '',
    ].join('|'));
  }
  return JSON.stringify([sheets, scripts, document.documentElement.className, document.body ? document.body.className : '', [...kinds].sort()]);
})()`;

/** Hash of the page's interactive make-up (see MAKEUP_IN_PAGE). */
export async function interactiveMakeup(page: Page): Promise<string> {
  const json = (await page.evaluate(MAKEUP_IN_PAGE)) as string;
  return createHash('sha256').update(json).digest('hex');
}

export type InteractionScope = 'per-makeup' | 'every-page';

/** Which make-ups this run has already driven with the keyboard, and on which page. */
export class InteractionSampler {
  private seen = new Map<string, string>();
  skipped = 0;

  /** Claims a make-up for `url`: null when the phase should run, else the page that already covers it. */
  claim(makeup: string, url: string): string | null {
    const first = this.seen.get(makeup);
    if (first !== undefined) {
      this.skipped++;
      return first;
    }
    this.seen.set(makeup, url);
    return null;
  }

  /** The page's claim is given up (the phase did not get to run), so the next page of that make-up runs it. */
  release(makeup: string, url: string): void {
    if (this.seen.get(makeup) === url) this.seen.delete(makeup);
  }

  /** Make-ups driven so far (one page each). */
  get makeups(): number {
    return this.seen.size;
  }
}
