// "Did you mean …?" for a mistyped config key (rules-jis/config/validate.ts): the closest known key by
// edit distance (optimal string alignment: a swapped pair of letters counts as one edit, as in
// commander's suggestion for unknown options). Small enough that a dependency is not worth it.

/** Edit distance with adjacent transpositions, case-insensitive (maxpages → maxPages is 0). */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[s.length][t.length];
}

/**
 * The candidate closest to `word`, if it is close enough to be a typo: at most 1 edit for short words,
 * 2 from 5 letters, 3 from 9 (about a third of the word).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = word.length < 5 ? 1 : word.length < 9 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const dist = editDistance(word, c);
    if (dist < bestDistance) [best, bestDistance] = [c, dist];
  }
  return best;
}
