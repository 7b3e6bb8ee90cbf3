// "Did you mean …?" for `jis-a11y judge --page / --pattern`: the audited URLs closest to a mistyped URL or URL
// pattern, by edit distance (Levenshtein). No well-kept edit-distance package is among the dependencies, so the
// distance is the textbook two-row dynamic programme below (a dozen lines). No Node APIs.

/** Levenshtein distance (insert, delete, substitute = 1), in O(a·b) time and O(b) memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The texts compared: paths for a path pattern or two URLs of one origin (the host would dilute the limit), else whole URLs. */
function compared(typed: string, typedUrl: URL | null, url: string): { a: string; b: string } {
  const u = parse(url);
  if (!u) return { a: typed, b: url };
  if (typed.startsWith('/')) return { a: typed, b: u.pathname };
  if (typedUrl && typedUrl.origin === u.origin) return { a: typedUrl.pathname + typedUrl.search, b: u.pathname + u.search };
  return { a: typed, b: url };
}

/** The literal start of a glob (up to its first wildcard), and whether it has one. */
function literalPart(pattern: string): { text: string; glob: boolean } {
  const i = pattern.search(/[*?[\]{}()!]/);
  return i < 0 ? { text: pattern, glob: false } : { text: pattern.slice(0, i), glob: true };
}

/**
 * Up to `n` of `urls` closest to `typed` (a URL, or a pattern: on the path when it starts with "/"). A glob is
 * compared by its literal start with the same length of each URL. Only URLs within a few edits (a quarter of the
 * compared text, from 2 to 6 edits) are suggested.
 */
export function closestUrls(typed: string, urls: Iterable<string>, n = 3): string[] {
  const typedUrl = typed.startsWith('/') ? null : parse(typed);
  const scored: { url: string; d: number }[] = [];
  for (const url of urls) {
    const { a, b } = compared(typed, typedUrl, url);
    const { text, glob } = literalPart(a);
    const d = editDistance(text, glob ? b.slice(0, text.length) : b);
    if (d <= Math.max(2, Math.min(6, Math.ceil(text.length / 4)))) scored.push({ url, d });
  }
  return scored
    .sort((a, b) => a.d - b.d || a.url.length - b.url.length || (a.url < b.url ? -1 : 1))
    .slice(0, n)
    .map((s) => s.url);
}
