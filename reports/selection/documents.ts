// The documents of a test (issue 18): which linked PDF and Office files are tested with the pages, by the
// statement's `documents` policy. Only a document the checks could read can be tested (the rest stay in the
// exclusions, with their count). A sample is a seeded shuffle (seeded-sample.ts) whose seed nobody chooses: it
// comes from the test's number and creation time, so the same test and crawl give the same documents every time
// the report is made, and a person cannot redraw until the sample suits them.
import { createHash } from 'node:crypto';
import type { DocumentPolicy, JisTest } from '../../rules-jis/jis-test.js';
import type { StoredDocument } from '../../crawler/store/types.js';
import { testableDocument } from '../../crawler/store/testable-document.js';
import { drawOrder, seededSample } from './seeded-sample.js';

export interface DocumentSelection {
  include: DocumentPolicy['include'];
  /** Documents of the run, checked or not. */
  total: number;
  /** Of them, the ones whose content the checks downloaded and read (with or without an error). */
  checked: number;
  /** Documents whose content the checks read without an error: what can be tested. */
  population: number;
  /** The seed of a sample, null otherwise. */
  seed: string | null;
  /** The tested documents' URLs, in URL order. */
  urls: string[];
  /** How they were chosen, as a sentence for the 試験結果. */
  description: string;
}

/** The sample's seed: fixed by the test, chosen by nobody. */
export function documentSeed(test: Pick<JisTest, 'id' | 'createdAt'>): string {
  return createHash('sha256').update(`documents:${test.id}:${test.createdAt}`).digest('hex').slice(0, 16);
}

const EXCLUDED: DocumentPolicy = { include: 'exclude' };

export function selectDocuments(docs: StoredDocument[], policy: DocumentPolicy | undefined, test: Pick<JisTest, 'id' | 'createdAt'> | null): DocumentSelection {
  const p = policy ?? EXCLUDED;
  const pool = drawOrder(docs.filter(testableDocument).map((d) => d.url));
  const base = { include: p.include, total: docs.length, checked: docs.filter((d) => d.checked).length, population: pool.length };
  if (p.include === 'exclude' || !pool.length)
    return { ...base, seed: null, urls: [], description: docs.length ? '文書は試験の対象に含めない（文書の一覧だけを掲載）' : '文書なし' };
  if (p.include === 'all' || !test || (p.n ?? 0) >= pool.length)
    return { ...base, seed: null, urls: pool, description: `自動検査できた文書をすべて試験（${pool.length} 件）` };
  const seed = documentSeed(test);
  const urls = drawOrder(seededSample(pool, p.n ?? 0, seed));
  return { ...base, seed, urls, description: `自動検査できた文書 ${pool.length} 件から ${urls.length} 件をランダムに選択（抽出の種 ${seed}）` };
}
