// The random part of a selection: a seeded shuffle (the same seed and the same pages give the same sample,
// whatever the crawl order), a fresh seed from crypto when none is given (so nobody picks a seed to get a
// kind sample), and the fingerprint of the population a draw saw.
import { createHash, randomBytes } from 'node:crypto';
import seedrandom from 'seedrandom';

/** Fisher–Yates on a seeded generator: the same seed and input order give the same sample. */
export function seededSample<T>(items: T[], n: number, seed: string): T[] {
  const rng = seedrandom(seed);
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, Math.max(0, Math.min(n, a.length)));
}

/** A new seed nobody chose: 16 hex digits from the system's cryptographic generator. */
export function newSeed(): string {
  return randomBytes(8).toString('hex');
}

/** The URLs a draw is made from, in the one order a draw uses (sorted, each once). */
export function drawOrder(urls: Iterable<string>): string[] {
  return [...new Set(urls)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** SHA-256 of the population in draw order: shows later which pages a draw was made from. */
export function populationHash(urls: Iterable<string>): string {
  return createHash('sha256').update(drawOrder(urls).join('\n')).digest('hex');
}
