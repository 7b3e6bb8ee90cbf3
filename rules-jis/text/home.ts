// 2.4.2: is this page the site's top page? There the site name alone (「ひばり県」「かわせ市公式ホームページ」) is the
// right title; below the top it is worth a look. CMSs put the top at "/", "/index.html", "/top.html", "/portal/"…,
// so the path alone cannot decide: the page's own links help. A logo or 「ホーム」 link that leads back to this very
// page says "I am the top"; a link to the site root from a page elsewhere says "the top is there". Pure: the DOM
// reading is rules-jis/dom/text.ts isHomePage.

/** What the page says about where its site's top is. */
export interface HomeFacts {
  /** The page's own path (`location.pathname`). */
  pathname: string;
  /** Paths of same-origin links that name the home (logo in the banner, 「ホーム」「トップページ」, breadcrumb start). */
  homeLinks: string[];
  /** Paths of all same-origin links. */
  links: string[];
}

// File names a CMS gives its top page, at the root or one folder down (/portal/index.html).
const TOP_FILE = /^(index|top|home|default|portal|toppage|top_page|main)\.(html?|php|aspx?|jsp|cgi|shtml)$/i;
// One folder that holds a CMS's whole public site: /portal/, /top/, /hp/, /www/.
const TOP_DIR = /^(portal|top|toppage|home|hp|www|index|site|public|jp|ja|web)$/i;

/** Path segments, the trailing file kept apart. "/a/b/index.html" → { dirs: [a, b], file: "index.html" }. */
function split(pathname: string): { dirs: string[]; file: string } {
  const parts = pathname.split('/').filter(Boolean);
  const file = pathname.endsWith('/') ? '' : (parts.pop() ?? '');
  return { dirs: parts, file };
}

/** The folder a path names, with a top file folded away: "/portal/index.html" → "/portal/". */
export function folderOf(pathname: string): string {
  const { dirs, file } = split(pathname);
  const base = '/' + dirs.map((d) => d + '/').join('');
  return !file || TOP_FILE.test(file) ? base : base + file;
}

/** "/", "/index.html", "/top.html": the site root by its path alone. */
export function isRootPath(pathname: string): boolean {
  return folderOf(pathname) === '/';
}

/** A path a CMS uses for its top one level down: "/portal/", "/top/index.html". */
function isTopLikePath(pathname: string): boolean {
  const { dirs, file } = split(pathname);
  if (dirs.length === 0) return !file || TOP_FILE.test(file);
  return dirs.length === 1 && TOP_DIR.test(dirs[0]) && (!file || TOP_FILE.test(file));
}

/** The page is its site's top page (the site name alone is then the right title). */
export function isTopPage(f: HomeFacts): boolean {
  const self = folderOf(f.pathname);
  if (self === '/') return true;
  // The logo / 「ホーム」 link leads back here: this page is the top (a site under /city/ or /portal/).
  if (f.homeLinks.some((p) => folderOf(p) === self)) return true;
  // The page points at the root or at a home elsewhere: the top is there, this page is below it.
  if (f.homeLinks.length || f.links.some((p) => isRootPath(p))) return false;
  return isTopLikePath(f.pathname);
}
