// Text-only zoom for the 200% pass (1.4.4): every element's font size doubled, as Firefox's "zoom text only"
// and the text-size settings of older browsers do — whatever unit the author used. Chrome's own font-size
// setting (CDP setDefaultFontSize) and `html { font-size: 200% }` only grow text set in em/rem/%, so a page set
// in px would look unchanged; doubling the computed size of every element is what "text-only zoom" means.
// A line height set in px is doubled with it (a fixed line height would otherwise make lines overlap, a fault
// the author may not have under the browser's zoom). zoomTextOff() puts every style attribute back as it was
// written (not re-serialised: a finding's markup snippet taken later must show the author's own text).

interface Saved {
  el: HTMLElement;
  /** The style attribute as the author wrote it (null: none). */
  style: string | null;
}

let saved: Saved[] = [];
const MAX_ELEMENTS = 12000;

/** Doubles (by `factor`) the font size of every element; returns how many were changed. */
export function zoomTextOn(factor = 2): number {
  zoomTextOff();
  const els = [document.documentElement, ...Array.from(document.body.getElementsByTagName('*'))]
    .filter((e): e is HTMLElement => e instanceof HTMLElement && !e.closest('svg,[data-jis-kbd]'))
    .slice(0, MAX_ELEMENTS);
  // all reads first, then all writes: one style recalculation, not one per element
  const reads = els.map((el) => {
    const cs = getComputedStyle(el);
    return { fs: parseFloat(cs.fontSize), lh: cs.lineHeight };
  });
  els.forEach((el, i) => {
    const { fs, lh } = reads[i];
    if (!(fs > 0)) return;
    saved.push({ el, style: el.getAttribute('style') });
    el.style.setProperty('font-size', `${fs * factor}px`, 'important');
    if (/px$/.test(lh)) el.style.setProperty('line-height', `${parseFloat(lh) * factor}px`, 'important');
  });
  return saved.length;
}

/** Puts back the style attribute of every element zoomTextOn changed, character for character. */
export function zoomTextOff(): void {
  for (const s of saved) {
    // Chrome writes an inline style back to the attribute lazily: removing the attribute while that write is
    // pending leaves style="" in outerHTML. Reading it first flushes the write, so the removal is final.
    s.el.getAttribute('style');
    if (s.style === null) s.el.removeAttribute('style');
    else s.el.setAttribute('style', s.style);
  }
  saved = [];
}
