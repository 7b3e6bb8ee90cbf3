// 1.4.1 「下の赤いボタンを押して」: a colour + a part of the page with no の between them is an instruction by
// colour (issue 16 item 8), while 赤い羽根, a quoted name and a button whose own label is 「赤いボタン」 are not.
// Every entry of tests/corpus/ja/colour-noun.json, in real Chromium with the real bundle.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { buildBundle, BUNDLE_PATH } from '../../rules-jis/bundle/build.js';
import { loadCorpus, mustNotBreaches, runCorpus, type EntryResult } from '../conformance/ja-corpus.js';

describe('colour + UI noun without の (jis-colour-instruction)', () => {
  let results: EntryResult[];
  beforeAll(async () => {
    if (!existsSync(BUNDLE_PATH)) await buildBundle();
    results = await runCorpus(loadCorpus().filter((e) => e.file === 'colour-noun.json'));
  }, 180_000);

  it('fires on every page that names a control or mark by its colour alone', () => {
    const positives = results.filter((r) => r.entry.expect.length > 0);
    expect(positives.length).toBeGreaterThanOrEqual(7);
    const missed = positives.filter((r) => !r.got.includes('jis-colour-instruction review')).map((r) => `${r.entry.id}: ${r.entry.html}`);
    expect(missed).toEqual([]);
    // 「下の赤いボタンを押して」 itself
    expect(results.find((r) => r.entry.html.includes('下の赤いボタンを押して'))?.got).toContain('jis-colour-instruction review');
  });

  it('stays silent on names and on a control labelled 「赤いボタン」', () => {
    expect(results.filter((r) => r.error)).toEqual([]);
    expect(results.filter((r) => r.entry.expect.length === 0).length).toBeGreaterThanOrEqual(7);
    expect(mustNotBreaches(results)).toEqual([]);
  });
});
