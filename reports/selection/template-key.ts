// What makes two pages "the same kind of page": the URL-shape template key (the old, fine signature) and the
// layout key that clusters them (coarse: directory names generalised, the navigation blocks kept). Why two: a
// CMS site puts the same template under hundreds of directories, so the fine key gave a 3,000-URL site a
// thousand "templates"; the layout key merges those while keeping pages built from different parts apart.
import type { SelectablePage } from './types.js';

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** The leaf of a path as a pattern: "(top)", "index", "news-#.html" (numbered) or "*.html" (named). */
function leafPattern(leaf: string, dirs: number): string {
  if (!leaf || /^index\./i.test(leaf)) return dirs === 0 ? '(top)' : 'index';
  if (/\d/.test(leaf)) return leaf.replace(/\d+/g, '#');
  return '*' + (leaf.includes('.') ? leaf.slice(leaf.lastIndexOf('.')) : '');
}

/** The navigation blocks as a signature: keys without their labels (a section's label differs, its part does not). */
function navSignature(page: SelectablePage): string {
  return [...new Set((page.navKeys ?? []).map((k) => k.replace(/\[.*\]/, '')))].sort().join('+');
}

/**
 * The page-template signature inferred from the URL shape: every directory is kept with its digit runs as
 * "#" (the first is the site section, which CMSs usually tie to a template), a directory index is "index"
 * and any other leaf is "*" unless it has a numbered pattern (news-#.html).
 * The navigation blocks of the page are part of the signature, so pages built from different parts differ.
 */
export function templateKey(page: SelectablePage): string {
  const segs = pathOf(page.url).split('/').slice(1);
  const leaf = segs.pop() ?? '';
  const dirs = segs.map((s) => s.replace(/\d+/g, '#'));
  const nav = navSignature(page);
  return '/' + [...dirs, leafPattern(leaf, dirs.length)].join('/') + (nav ? ` [${nav}]` : '');
}

/**
 * The layout cluster of a page: like templateKey, but every directory name is "*" (a number "#"), so the same
 * layout under many directories is one cluster; depth, the leaf pattern and the navigation blocks still part
 * pages built differently (a news article from a section page, a page with a local menu from one without).
 */
export function layoutKey(page: SelectablePage): string {
  const segs = pathOf(page.url).split('/').slice(1);
  const leaf = segs.pop() ?? '';
  const dirs = segs.map((s) => (/^\d+$/.test(s) ? '#' : '*'));
  const nav = navSignature(page);
  return '/' + [...dirs, leafPattern(leaf, dirs.length)].join('/') + (nav ? ` [${nav}]` : '');
}
