// Draws that cannot be shopped (JB.1.2): the plan (seed, n, population, time) is in the store — committed,
// visible to another connection — when the draw function is entered; every draw is logged, a second draw in
// the same test too, and the 試験結果's selection says how many were made and which one is used; a plan is
// drawn once; the same seed gives the same pages. Real SQLite file, two connections.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../crawler/store/store.js';
import type { DrawLog } from '../../../rules-jis/jis-test.js';
import { drawForTest, drawFromPlan, populationHash, selectPages, storedSelection, type DrawFn, type SelectablePage } from '../../../reports/selection/index.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-draws-'));
const file = path.join(tmp, 'store.sqlite');
let store: Store;
let other: Store;
const urls = Array.from({ length: 120 }, (_, i) => `https://pref.example.jp/p/page-${String(i).padStart(3, '0')}.html`);
const pages: SelectablePage[] = urls.map((url) => ({ url }));

beforeAll(async () => {
  store = await openStore(file);
  other = await openStore(file); // a second connection: sees only what was committed
});
afterAll(async () => {
  await store?.close();
  await other?.close();
});

describe('a test\'s random draw', () => {
  it('the plan with its seed and time is committed before the draw function is entered', async () => {
    const seen: DrawLog[][] = [];
    const spy: DrawFn = async (plan, pop) => {
      seen.push(await other.selection.listDraws(1));
      expect(pop).toHaveLength(120);
      return drawFromPlan(plan, pop);
    };
    const before = Date.now();
    const d = await drawForTest(store.selection, { testId: 1, n: 40, seed: '令和8年度', population: [...urls].reverse() }, spy);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toHaveLength(1);
    expect(seen[0][0]).toMatchObject({ id: d.id, testId: 1, n: 40, seed: '令和8年度', population: 120, urls: null, drawnAt: null, populationHash: populationHash(urls) });
    expect(Date.parse(seen[0][0].plannedAt)).toBeGreaterThanOrEqual(before - 1000);
    // after: the draw is recorded against the plan, and its pages are the test's random pages
    expect(d.urls).toHaveLength(40);
    expect(Date.parse(d.drawnAt!)).toBeGreaterThanOrEqual(Date.parse(d.plannedAt));
    const sel = await other.selection.listSelection(1);
    expect(sel.map((p) => p.url)).toEqual(d.urls);
    expect(sel.every((p) => p.kind === 'random' && p.drawId === d.id && p.reason.includes('令和8年度'))).toBe(true);
  });

  it('without a seed, a new one from crypto is recorded', async () => {
    const d = await drawForTest(store.selection, { testId: 2, n: 5, population: urls });
    expect(d.seed).toMatch(/^[0-9a-f]{16}$/);
    const again = await drawForTest(store.selection, { testId: 3, n: 5, population: urls });
    expect(again.seed).not.toBe(d.seed);
  });

  it('the same seed gives the same pages, whatever the order of the population; another seed other pages', async () => {
    const a = await drawForTest(store.selection, { testId: 4, n: 40, seed: 'same', population: urls });
    const b = await drawForTest(store.selection, { testId: 5, n: 40, seed: 'same', population: [...urls].reverse() });
    const c = await drawForTest(store.selection, { testId: 6, n: 40, seed: 'other', population: urls });
    expect(b.urls).toEqual(a.urls);
    expect(c.urls).not.toEqual(a.urls);
    // and the on-the-fly selection draws the same way
    expect(selectPages(pages, { method: 'random', n: 40, seed: 'same' }).random).toEqual(a.urls);
  });

  it('a second draw in the same test is allowed, logged, and the selection says which one is used', async () => {
    const first = await drawForTest(store.selection, { testId: 7, n: 40, seed: 'first', population: urls });
    const second = await drawForTest(store.selection, { testId: 7, n: 40, seed: 'second', population: urls });
    const log = await other.selection.listDraws(7);
    expect(log.map((d) => d.id)).toEqual([first.id, second.id]);
    expect(log.every((d) => d.urls !== null)).toBe(true);
    const sel = (await storedSelection(other.selection, 7, pages, 1))!;
    expect(sel.random).toEqual(second.urls);
    expect(sel.draws).toMatchObject({ count: 2, ordinal: 2, used: { id: second.id, seed: 'second' } });
    expect(sel.draws!.sentence).toContain('抽選は 2 回行い、2 回目の結果を使用しました');
    expect(sel.warnings.find((w) => w.code === 'draws-repeated')!.message).toContain('2 回');
  });

  it('a plan is drawn once: recording it again is refused and nothing changes', async () => {
    const d = await drawForTest(store.selection, { testId: 8, n: 3, seed: 's', population: urls });
    await expect(store.selection.recordDraw(d.id, urls.slice(0, 3).map((url) => ({ url, reason: 'x' })))).rejects.toThrow(/やり直すことはできません/);
    expect((await store.selection.listSelection(8)).map((p) => p.url)).toEqual(d.urls);
    await expect(store.selection.recordDraw(99999, [])).rejects.toThrow(/計画がストアにありません/);
  });

  it('a plan whose draw never happened stays in the log and is noted', async () => {
    await store.selection.planDraw(9, { n: 40, seed: 'abandoned', population: 120 });
    await drawForTest(store.selection, { testId: 9, n: 40, seed: 'kept', population: urls });
    const sel = (await storedSelection(store.selection, 9, pages))!;
    expect(sel.draws!.log).toHaveLength(2);
    expect(sel.draws!.count).toBe(1);
    expect(sel.warnings.find((w) => w.code === 'plan-not-drawn')!.message).toContain('abandoned');
  });
});
