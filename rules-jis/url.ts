// URL normalisation: every spelling of one page must map to one key, so each page is audited once.
// Rules: drop the fragment, lower-case scheme and host (WHATWG URL does), drop default ports,
// treat a default document (index.html …) as its directory, apply the query-string policy,
// and apply the trailing-slash policy.

export type QueryPolicy =
  /** keep the query string as it is (sorted, so `?b=1&a=2` and `?a=2&b=1` are one page) */
  | 'keep'
  /** drop every query string: `/news?page=2` is `/news` */
  | 'drop'
  /** drop only tracking parameters (utm_*, fbclid, gclid …) and keep the rest, sorted */
  | 'strip-tracking';

export interface NormalizeOptions {
  query?: QueryPolicy;
  /** File names that mean "the directory" (default index.html, index.htm, default.html, default.htm, index.php). */
  defaultDocuments?: string[];
  /**
   * 'keep' (default) keeps the path as written; 'add' adds a slash to paths whose last segment has no
   * dot (`/kurashi` → `/kurashi/`); 'remove' removes the trailing slash (except for `/`).
   */
  trailingSlash?: 'keep' | 'add' | 'remove';
}

export const DEFAULT_DOCUMENTS = ['index.html', 'index.htm', 'default.html', 'default.htm', 'index.php', 'index.shtml'];
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|yclid|mc_cid|mc_eid|_ga|_gl)$/i;

/** Normalises `href` (resolved against `base` when relative). Returns null for non-http(s) or unparsable URLs. */
export function normalizeUrl(href: string, base?: string | URL, opts: NormalizeOptions = {}): string | null {
  let u: URL;
  try {
    u = base === undefined ? new URL(href.trim()) : new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);
  // collapse duplicate slashes in the path: `/a//b` is served as `/a/b` by most CMSs
  let path = u.pathname.replace(/\/{2,}/g, '/');
  const docs = opts.defaultDocuments ?? DEFAULT_DOCUMENTS;
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (last && docs.includes(last.toLowerCase())) path = path.slice(0, path.length - last.length);
  const ts = opts.trailingSlash ?? 'keep';
  if (ts === 'add' && path !== '/' && !path.endsWith('/') && !last.includes('.')) path += '/';
  if (ts === 'remove' && path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  u.pathname = path;
  const policy = opts.query ?? 'keep';
  if (policy === 'drop') {
    u.search = '';
  } else {
    const params = [...u.searchParams.entries()].filter(([k]) => policy === 'keep' || !TRACKING.test(k));
    params.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
    u.search = params.length ? '?' + new URLSearchParams(params).toString() : '';
  }
  return u.toString();
}

/** Non-HTML documents that are inventoried instead of audited, by file extension. */
export const DOCUMENT_TYPES: Record<string, string> = {
  pdf: 'PDF',
  doc: 'Word',
  docx: 'Word',
  xls: 'Excel',
  xlsx: 'Excel',
  xlsm: 'Excel',
  csv: 'CSV',
  ppt: 'PowerPoint',
  pptx: 'PowerPoint',
  odt: 'ODF',
  ods: 'ODF',
  odp: 'ODF',
  rtf: 'RTF',
  txt: 'Text',
  jtd: '一太郎',
  zip: 'ZIP',
};

/** Binary files that are neither pages nor documents worth inventorying (not fetched at all). */
const SKIP_EXT = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'ico', 'bmp', 'tif', 'tiff', 'mp3', 'mp4', 'm4a', 'wav', 'avi', 'mov', 'wmv', 'webm', 'css', 'js', 'mjs', 'json', 'xml', 'woff', 'woff2', 'ttf', 'otf', 'eot', 'exe', 'dmg', 'gz', 'tar', 'lzh']);

export function extensionOf(url: string): string {
  try {
    const p = new URL(url).pathname;
    const last = p.slice(p.lastIndexOf('/') + 1);
    const dot = last.lastIndexOf('.');
    return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
  } catch {
    return '';
  }
}

/** 'page' (audit it), 'document' (inventory it), or 'asset' (ignore it), judged from the URL alone. */
export function classifyUrl(url: string): 'page' | 'document' | 'asset' {
  const ext = extensionOf(url);
  if (ext in DOCUMENT_TYPES) return 'document';
  if (SKIP_EXT.has(ext)) return 'asset';
  return 'page';
}

/** Document type from a Content-Type header (for URLs whose extension says nothing). */
export function documentTypeFromContentType(ct: string | null | undefined): string | null {
  const t = (ct ?? '').split(';')[0].trim().toLowerCase();
  if (!t) return null;
  if (t === 'application/pdf') return 'PDF';
  if (t === 'application/msword' || t.includes('wordprocessingml')) return 'Word';
  if (t === 'application/vnd.ms-excel' || t.includes('spreadsheetml')) return 'Excel';
  if (t === 'application/vnd.ms-powerpoint' || t.includes('presentationml')) return 'PowerPoint';
  if (t.startsWith('application/vnd.oasis.opendocument')) return 'ODF';
  if (t === 'text/csv') return 'CSV';
  if (t === 'application/zip') return 'ZIP';
  return null;
}
