// Which CMS layout a page was built from, recognised by what the template owns and not by the content
// (issue 19). The old make-up (bench/makeup.ts, now only the bench's baseline) hashed every stylesheet and script (inline text included), the
// classes of every focusable element and the landmark it sat in: on a real CMS the inline scripts carry page
// ids, the current navigation item has a class of its own and the content brings its own classes, so nearly
// every page was a make-up of its own. Two parts instead:
// - the skeleton: the element structure outside the main content (header, navigation, side menus, footer) as a
//   set of parent>child signatures (tag, id, classes; no text; state classes such as "current" dropped, digit
//   runs as #; text-level elements and the body's own classes left out), the main container's own signature
//   (the template writes it; editors fill it), plus the stylesheets (URL without query). A set, so a longer
//   breadcrumb or menu is the same.
// - the widgets: the kinds of interactive elements inside the main content (tag, role, type, popup and
//   expanded state, tabindex sign, inline handlers, frame source; elements with a pointer cursor), inline
//   styles that touch focus, outline or hover, and the scripts of the page (URL without query; inline scripts
//   counted as a kind, not by their text). Plain links and text count as one kind.
// `window.jisA11y.templateIdentity()`; Node hashes the two strings (crawler/page/interaction/sampling.ts).

export interface TemplateIdentity {
  /** JSON of the template-owned structure and styles. */
  skeleton: string;
  /** JSON of the interactive widgets of the main content and the page's scripts. */
  widgets: string;
}

/** Where the main content is, in the order CMSs name it (CMS-8341 uses #tmp_contents). */
const MAIN = ['main', '[role="main"]', '#tmp_contents', '#tmp_main', '#main', '#contents', '#content', '#main_body', '.main-content', '#primary'];
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'link', 'meta', 'br', 'wbr']);
/** Text-level elements: their number and nesting follow the words, not the template. */
const INLINE = new Set(['a', 'span', 'em', 'strong', 'b', 'i', 'small', 'img', 'picture', 'source', 'abbr', 'time', 'mark', 'sup', 'sub', 'font', 'u', 's', 'q', 'cite', 'code', 'kbd', 'ruby', 'rt', 'rp']);
/** Classes that say the state of one page (its current menu item), not the template. */
const STATE = /^(current|active|selected|on|open|opened|here|stay|now|show|is-.*|has-.*|js-.*|focus.*|hover.*|visited|cur|crt|this|ac)$/i;
const MAX_DEPTH = 14;
const MAX_SIGNATURES = 3000;

/** The main content of the page (the first of MAIN, else the parent of the h1), or null. */
export function mainOf(doc: Document): Element | null {
  for (const s of MAIN) {
    const el = doc.querySelector(s);
    if (el && el !== doc.body) return el;
  }
  const h1 = doc.querySelector('h1');
  return h1?.parentElement && h1.parentElement !== doc.body ? h1.parentElement : null;
}

function norm(s: string): string {
  return s.replace(/\d+/g, '#');
}

function signature(el: Element): string {
  const classes = typeof el.className === 'string' ? el.className.split(/\s+/).filter((c) => c && !STATE.test(c)).map(norm).sort() : [];
  return el.localName + (el.id ? '#' + norm(el.id) : '') + (classes.length ? '.' + classes.join('.') : '');
}

function skeletonSet(doc: Document, main: Element | null): string[] {
  const out = new Set<string>();
  const walk = (el: Element, parentSig: string, depth: number) => {
    for (const child of Array.from(el.children)) {
      if (out.size >= MAX_SIGNATURES) return;
      if (SKIP.has(child.localName) || INLINE.has(child.localName)) continue;
      if (child === main) {
        out.add(parentSig + '>[main]' + signature(child)); // the container itself is the template's
        continue;
      }
      const sig = signature(child);
      out.add(parentSig + '>' + sig);
      if (depth < MAX_DEPTH) walk(child, sig, depth + 1);
    }
  };
  if (doc.body) walk(doc.body, 'body', 0);
  return [...out].sort();
}

// Without query and without the site's own origin: a template keeps its key on a staging host, after a move to https
// and on another port (the stored keys of last year's crawl still match).
const noQuery = (u: string) => {
  const own = typeof location !== 'undefined' && /^https?:$/.test(location.protocol) ? location.origin : '';
  const bare = String(u).replace(/[?#].*$/, '');
  return own && bare.startsWith(own + '/') ? bare.slice(own.length) : bare;
};

function stylesheets(doc: Document): string[] {
  const out = new Set<string>();
  for (const l of Array.from(doc.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"][href]'))) out.add(noQuery(l.href) + (l.media ? '|' + l.media : ''));
  return [...out].sort();
}

function scripts(doc: Document): string[] {
  const out = new Set<string>();
  for (const s of Array.from(doc.querySelectorAll<HTMLScriptElement>('script'))) {
    const type = (s.type || '').toLowerCase();
    if (type && !/(java|ecma)script|module/.test(type)) continue;
    out.add(s.src ? noQuery(s.src) : 'inline');
  }
  return [...out].sort();
}

const INTERACTIVE =
  'a[href],area[href],button,input,select,textarea,summary,details,iframe,object,embed,video,audio,[tabindex],[contenteditable],[role],[aria-haspopup],[aria-expanded],[onclick],[onkeydown],[onmouseover],[onmouseenter]';

function widgetKind(el: Element): string {
  const on = Array.from(el.attributes).filter((a) => a.name.startsWith('on')).map((a) => a.name).sort().join(' ');
  const tabindex = el.getAttribute('tabindex');
  const href = el.getAttribute('href');
  return [
    el.localName,
    el.getAttribute('type') || '',
    el.getAttribute('role') || '',
    el.getAttribute('aria-haspopup') || '',
    el.hasAttribute('aria-expanded') ? 'expanded' : '',
    tabindex === null ? '' : Number(tabindex) > 0 ? '+' : Number(tabindex) < 0 ? '-' : '0',
    el.hasAttribute('contenteditable') ? 'edit' : '',
    on,
    href === null ? '' : href.startsWith('#') ? '#' : /^javascript:/i.test(href) ? 'js' : 'url',
    el.localName === 'iframe' ? noQuery((el as HTMLIFrameElement).src || '') : '',
  ].join('|');
}

/** Inline styles that change what the keyboard sees (focus, outline, hover): a page's own focus style counts. */
function keyboardStyles(doc: Document): string[] {
  const out = new Set<string>();
  for (const st of Array.from(doc.querySelectorAll('style'))) {
    const text = (st.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (/focus|outline|hover/i.test(text)) out.add(text.slice(0, 2000));
  }
  return [...out].sort();
}

function widgetSet(main: Element | null, doc: Document): string[] {
  const root = main ?? doc.body;
  if (!root) return [];
  const out = new Set<string>();
  const all = root.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < 20000; i++) {
    const el = all[i]!;
    if (el.matches(INTERACTIVE)) out.add(widgetKind(el));
    // a clickable element scripts made of a div (no role, no handler attribute): only its cursor gives it away
    else if (getComputedStyle(el).cursor === 'pointer') out.add('pointer|' + el.localName);
  }
  for (const st of keyboardStyles(doc)) out.add('style|' + st);
  return [...out].sort();
}

/** The findings with their region: outside the main content is the template's, inside is the page's. */
export function withRegions<F extends { selector: string; region?: 'template' | 'content' }>(findings: F[], doc: Document = document): F[] {
  const main = mainOf(doc);
  if (!main) return findings;
  return findings.map((f) => {
    if (!f.selector || f.selector.includes('>>>')) return f;
    let el: Element | null = null;
    try {
      el = doc.querySelector(f.selector);
    } catch {
      return f;
    }
    return el ? { ...f, region: main.contains(el) ? 'content' : 'template' } : f;
  });
}

/** The page's template identity (see the header). */
export function templateIdentity(doc: Document = document): TemplateIdentity {
  const main = mainOf(doc);
  return {
    skeleton: JSON.stringify([main ? 'main' : 'no-main', stylesheets(doc), skeletonSet(doc, main)]),
    widgets: JSON.stringify([scripts(doc), widgetSet(main, doc)]),
  };
}
