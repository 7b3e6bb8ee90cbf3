// The absolute destination of a link element, HTML or SVG. An SVG <a>'s `href` is an SVGAnimatedString, not a
// string (reading it as one once made whole pages fail to audit), so every reader of links goes through here.

/** The absolute URL the link leads to; '' when it has none. */
export function hrefOf(el: Element, doc: Document = el.ownerDocument): string {
  const own = (el as Element & { href?: string | SVGAnimatedString }).href;
  if (typeof own === 'string') return own;
  const raw = own ? own.baseVal : (el.getAttribute('href') ?? '');
  if (!raw) return '';
  try {
    return new URL(raw, doc.baseURI).href;
  } catch {
    return raw;
  }
}
