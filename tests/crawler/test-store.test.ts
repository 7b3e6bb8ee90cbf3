// The yearly test (試験) in the store (issue 14): one open test, runs and judgements owned by a test, the
// 試験実施期間 and the 表明日 check, carry-over as copies, contradictions refused when recorded, and the
// migration from the files users have (0.2.0 and schema version 3: tests/fixtures/stores/). Real SQLite files.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, TestStateError, type Store } from '../../crawler/store/store.js';
import { STORE_SCHEMA_VERSION } from '../../crawler/store/sqlite/migrations.js';
import { planCarryOver } from '../../crawler/store/carry-over.js';
import { targetCriteria } from '../../rules-jis/criteria.js';
import { JudgementFormatError } from '../../rules-jis/judgements.js';
import type { CriterionResult, Finding, Outcome } from '../../rules-jis/types.js';
import { buildReportModel } from '../../reports/model.js';
import { generateReports } from '../../reports/generate.js';

const O = 'https://pref.example.jp';
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/stores');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-test-store-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshStore = () => openStore(path.join(dir, `s${++n}.sqlite`));

const criteria = (over: Record<string, Outcome>): CriterionResult[] =>
  targetCriteria('AA').map((c) => ({ id: c.wcag, level: c.level, outcome: over[c.wcag] ?? 'untested', counts: { violation: over[c.wcag] === 'fail' ? 1 : 0, review: 0, advisory: 0 } }));
const violation = (ruleId: string, crit: string, selector: string): Finding => ({
  ruleId, source: 'axe', kind: 'violation', criteria: [crit], impact: 'serious', selector, html: `<${selector}>`, message: 'm', help: 'h', helpUrl: '',
});

/**
 * One run of three pages: the top page (no form: 3.3.x inapplicable), the form (fails 2.1.1 automatically),
 * a news page. `hashes` are the pages' contents.
 */
async function crawl(store: Store, startedAt: string, hashes: Record<string, string> = {}, newsFails = false): Promise<number> {
  const run = await store.runs.createRun({ startUrls: [O + '/'], config: {}, target: 'AA' }, startedAt);
  await store.tests.attachRunToOpenTest(run, startedAt);
  const noForm = { '3.3.1': 'inapplicable', '3.3.2': 'inapplicable', '3.3.3': 'inapplicable', '3.3.4': 'inapplicable' } as const;
  const save = (url: string, over: Record<string, Outcome>, findings: Finding[] = []) =>
    store.results.savePage(run, { url: O + url, depth: 0, auditedAt: startedAt, title: url, contentHash: hashes[url] ?? `h${url}`, criteria: criteria(over), findings });
  await save('/', { ...noForm });
  await save('/form.html', { '2.1.1': 'fail', '3.3.2': 'pass' }, [violation('scrollable-region-focusable', '2.1.1', 'div.map')]);
  await save('/news/1.html', newsFails ? { ...noForm, '2.1.1': 'fail' } : { ...noForm });
  const end = new Date(new Date(startedAt).getTime() + 3600_000).toISOString();
  await store.runs.updateRun(run, { status: 'finished', finishedAt: end });
  return run;
}

describe('the test store', () => {
  it('keeps one open test at a time, with a Japanese refusal naming the open one', async () => {
    const s = await freshStore();
    const t = await s.tests.create({ name: '令和8年度 試験', fiscalYear: 2026 });
    expect(t).toMatchObject({ name: '令和8年度 試験', fiscalYear: 2026, target: 'AA', status: 'open', runIds: [], closedAt: null });
    await expect(s.tests.create({ name: '二つ目' })).rejects.toThrow(TestStateError);
    await expect(s.tests.create({ name: '二つ目' })).rejects.toThrow(/試験 #1「令和8年度 試験」がまだ実施中です/);
    await expect(s.tests.create({ name: '  ' })).rejects.toThrow(/名前/);
    expect((await s.tests.list()).map((x) => x.id)).toEqual([t.id]);
    await s.close();
  });

  it('the crawl attaches its run to the open test; a closed test takes no run and no judgement', async () => {
    const s = await freshStore();
    const before = await crawl(s, '2026-10-01T00:00:00Z'); // no test yet: owned by none
    const t = await s.tests.create({ name: '令和8年度 試験', fiscalYear: 2026 });
    const run = await crawl(s, '2026-11-10T00:00:00Z');
    expect((await s.tests.get(t.id))!.runIds).toEqual([run]);
    expect((await s.tests.testOfRun(before))).toBeNull();
    const [jid] = await s.judgements.recordJudgements([{ criterion: '2.4.6', result: 'pass', scope: { type: 'site' }, when: '2026-11-12T00:00:00Z' }]);
    expect((await s.tests.judgementsOf(t.id)).map((j) => [j.id, j.testId, j.runId])).toEqual([[jid, t.id, run]]);
    await s.tests.close(t.id, { statementDate: '2026-12-01' });
    await expect(s.tests.attachRun(t.id, run)).rejects.toThrow(/終了しています/);
    await expect(s.judgements.recordJudgements([{ criterion: '2.4.6', result: 'pass', scope: { type: 'site' } }], { testId: t.id })).rejects.toThrow(/終了しています/);
    // with no open test, a judgement belongs to none
    const [free] = await s.judgements.recordJudgements([{ criterion: '2.4.7', result: 'pass', scope: { type: 'site' } }]);
    expect((await s.judgements.listJudgements({ testId: null })).map((j) => j.id)).toContain(free);
    await s.close();
  });

  it('the 試験実施期間 runs from the first crawl or judgement to the last; the 表明日 may not come before its end', async () => {
    const s = await freshStore();
    const t = await s.tests.create({ name: '令和8年度 試験' });
    await crawl(s, '2026-11-10T00:00:00Z'); // ends 01:00Z
    await s.judgements.recordJudgements([{ criterion: '2.4.6', result: 'pass', scope: { type: 'site' }, when: '2026-11-20T03:00:00Z' }]);
    expect(await s.tests.periodOf(t.id)).toEqual({ from: '2026-11-10T00:00:00.000Z', to: '2026-11-20T03:00:00.000Z' });
    await expect(s.tests.updateStatement(t.id, { statementDate: '2026-11-19' })).rejects.toThrow(/表明日が試験実施期間より前です/);
    await expect(s.tests.close(t.id, { statementDate: '2026-11-19' })).rejects.toThrow(/2026年11月20日 以降/);
    await expect(s.tests.updateStatement(t.id, { statementDate: '2026-02-30' })).rejects.toThrow(/読めません/);
    expect((await s.tests.get(t.id))!.status).toBe('open'); // refused: nothing changed
    const ok = await s.tests.updateStatement(t.id, { statementDate: '2026-11-20', futurePlan: '令和9年3月までに修正します' });
    expect(ok.statement).toEqual({ statementDate: '2026-11-20', futurePlan: '令和9年3月までに修正します' });
    const closed = await s.tests.close(t.id);
    expect(closed).toMatchObject({ status: 'closed', statement: { statementDate: '2026-11-20' } });
    await s.close();
  });

  it('a report made with a statement date before the period says so', async () => {
    const s = await freshStore();
    const t = await s.tests.create({ name: '令和8年度 試験', statement: { organisation: 'みどり県 広報広聴課' } });
    await crawl(s, '2026-11-10T00:00:00Z');
    const m = await buildReportModel(s, { testId: t.id, statement: { statementDate: '2026-11-01' }, now: '2026-11-15T00:00:00Z' });
    expect(m.test?.id).toBe(t.id);
    expect(m.statement.organisation).toBe('みどり県 広報広聴課');
    expect(m.statement.period).toEqual({ from: '2026-11-10T00:00:00.000Z', to: '2026-11-10T01:00:00.000Z' });
    expect(m.statementProblems?.join()).toContain('表明日が試験実施期間より前です');
    const r = await generateReports({ store: s, testId: t.id, outDir: path.join(dir, 'early'), formats: ['test-result'], statement: { statementDate: '2026-11-01' } });
    expect(readFileSync(r.files.testResult!, 'utf8')).toContain('表明日が試験実施期間より前です（表明日 2026年11月1日、試験実施期間 2026年11月10日）');
    await s.close();
  });
});

describe('contradictions are refused when recorded', () => {
  let s: Store;
  beforeAll(async () => {
    s = await freshStore();
    await s.tests.create({ name: '試験' });
    await crawl(s, '2026-11-10T00:00:00Z');
  });
  afterAll(() => s.close());

  it('a site-wide ○ on 2.1.1 while a page fails it, naming the failing page', async () => {
    const err = await s.judgements.recordJudgements([{ criterion: '2.1.1', result: 'pass', scope: { type: 'site' } }]).catch((e: Error) => e);
    expect(err).toBeInstanceOf(JudgementFormatError);
    expect((err as Error).message).toContain('達成基準 2.1.1 に ○ は付けられません');
    expect((err as Error).message).toContain(`${O}/form.html`);
    expect((err as Error).message).toContain('waiver');
  });

  it('a page ○ on the failing page, and a ○ on the violation itself', async () => {
    await expect(s.judgements.recordJudgements([{ criterion: '2.1.1', result: 'pass', scope: { type: 'page', url: O + '/form.html' } }])).rejects.toThrow(/form\.html/);
    await expect(
      s.judgements.recordJudgements([{ criterion: '2.1.1', result: 'pass', scope: { type: 'finding', url: O + '/form.html', ruleId: 'scrollable-region-focusable', selector: 'div.map' } }]),
    ).rejects.toThrow(/2\.1\.1/);
  });

  it('nothing of a batch is recorded when one entry is refused, and the refusal names the entry', async () => {
    const before = (await s.judgements.listJudgements()).length;
    const err = await s.judgements
      .recordJudgements([
        { criterion: '2.4.6', result: 'pass', scope: { type: 'site' } },
        { criterion: '2.1.1', result: 'pass', scope: { type: 'pattern', pattern: '/*.html' } },
      ])
      .catch((e: Error) => e);
    expect((err as Error).message).toMatch(/^2 件目: /);
    expect((await s.judgements.listJudgements()).length).toBe(before);
  });

  it('a ○ on the pages that pass is fine, and a waiver with its reason is recorded as such', async () => {
    await s.judgements.recordJudgements([{ criterion: '2.1.1', result: 'pass', scope: { type: 'page', url: O + '/' } }]);
    const [id] = await s.judgements.recordJudgements([
      { criterion: '2.1.1', result: 'pass', scope: { type: 'site' }, waiver: '地図は別ページの住所一覧で同じ情報を提供しているため' },
    ]);
    expect((await s.judgements.listJudgements()).find((j) => j.id === id)!.waiver).toBe('地図は別ページの住所一覧で同じ情報を提供しているため');
  });

  it('a waiver needs a reason of 10 characters or more, and only on a ○', async () => {
    await expect(s.judgements.recordJudgements([{ criterion: '2.1.1', result: 'pass', scope: { type: 'site' }, waiver: '問題なし' }])).rejects.toThrow(/短すぎます/);
    await expect(s.judgements.recordJudgements([{ criterion: '2.1.1', result: 'fail', scope: { type: 'site' }, waiver: '地図は別ページで提供しています' }])).rejects.toThrow(/○（pass）の判断にだけ/);
  });

  it('a ○ or × on a criterion that is 適用なし on every page it covers', async () => {
    // 3.3.2 applies on the form only: site-wide is fine, the pages without a form are not
    await expect(s.judgements.recordJudgements([{ criterion: '3.3.2', result: 'pass', scope: { type: 'page', url: O + '/' } }])).rejects.toThrow(
      '適用なしの達成基準に ○ は付けられません。− を選んでください',
    );
    await expect(s.judgements.recordJudgements([{ criterion: '3.3.1', result: 'fail', scope: { type: 'pattern', pattern: '/news/**' } }])).rejects.toThrow(/適用なし/);
    await s.judgements.recordJudgements([{ criterion: '3.3.1', result: 'inapplicable', scope: { type: 'site' } }]);
    await s.judgements.recordJudgements([{ criterion: '3.3.2', result: 'pass', scope: { type: 'site' } }]);
  });
});

describe('carry-over in the store', () => {
  it('a new test starts empty; carried copies keep date, who and origin; a changed page makes a 「再確認」 copy only', async () => {
    const s = await freshStore();
    const t1 = await s.tests.create({ name: '令和7年度 試験', fiscalYear: 2025 });
    await crawl(s, '2025-11-10T00:00:00Z');
    const [site, page] = await s.judgements.recordJudgements([
      { criterion: '2.4.6', result: 'pass', who: '山田', note: '見出しは内容を表している', scope: { type: 'site' }, when: '2025-11-12T00:00:00Z' },
      { criterion: '1.3.3', result: 'pass', who: '山田', scope: { type: 'page', url: O + '/news/1.html' }, when: '2025-11-12T00:00:00Z' },
    ]);
    await s.tests.close(t1.id, { statementDate: '2025-12-01' });
    const t2 = await s.tests.create({ name: '令和8年度 試験', fiscalYear: 2026 });
    await crawl(s, '2026-11-10T00:00:00Z', { '/news/1.html': 'changed' });
    expect(await s.tests.judgementsOf(t2.id)).toEqual([]);
    const plan = await planCarryOver(s);
    expect(plan).toMatchObject({ toTestId: t2.id, fromTestId: t1.id });
    // both are changed: the site judgement covers the news page, the page judgement was made on it
    expect(plan.candidates.map((c) => [c.judgement.id, c.state, c.changedUrls])).toEqual([
      [site, 'changed', [O + '/news/1.html']],
      [page, 'changed', [O + '/news/1.html']],
    ]);
    const ids = await s.tests.carryOver(t2.id, [{ judgementId: page, recheck: true }]);
    const [copy] = await s.tests.judgementsOf(t2.id);
    expect(copy).toMatchObject({ id: ids[0], who: '山田', when: '2025-11-12T00:00:00.000Z', carriedFrom: page, recheck: true, testId: t2.id });
    expect(await s.tests.carryOver(t2.id, [{ judgementId: page, recheck: true }])).toEqual([]); // carried once only
    expect((await planCarryOver(s)).candidates.find((c) => c.judgement.id === page)!.state).toBe('carried');
    // the 「再確認」 copy is no result, and it does not stretch the period back a year
    const m = await buildReportModel(s, { testId: t2.id });
    expect(m.judgements.used).toEqual([]);
    expect(m.judgements.recheck?.map((j) => j.id)).toEqual(ids);
    expect(m.judgements.stale.map((x) => x.judgement.id)).toContain(ids[0]);
    expect(m.statement.period.from).toBe('2026-11-10T00:00:00.000Z');
    await s.close();
  });
});

describe('carry-over refuses what recording would refuse', () => {
  it('a ○ that now contradicts an automated fail on the same content is listed as a conflict and never carried', async () => {
    const s = await freshStore();
    const t1 = await s.tests.create({ name: '令和7年度 試験' });
    await crawl(s, '2025-11-10T00:00:00Z');
    const [id] = await s.judgements.recordJudgements([{ criterion: '2.1.1', result: 'pass', scope: { type: 'page', url: O + '/news/1.html' }, when: '2025-11-12T00:00:00Z' }]);
    await s.tests.close(t1.id, { statementDate: '2025-12-01' });
    const t2 = await s.tests.create({ name: '令和8年度 試験' });
    await crawl(s, '2026-11-10T00:00:00Z', {}, true); // same content, but the checks now find a keyboard failure
    const [c] = (await planCarryOver(s)).candidates;
    expect(c).toMatchObject({ state: 'conflict', changedUrls: [O + '/news/1.html'] });
    expect(c.conflict).toContain('達成基準 2.1.1 に ○ は付けられません');
    await expect(planCarryOver(s, { fromTestId: t2.id })).rejects.toThrow(/同じ|すでに/);
    expect(id).toBeGreaterThan(0);
    await s.close();
  });
});

describe('reports of a run belong to its test', () => {
  it('the reports the crawl and the service write (generateReports as they call it) use the run\'s test only', async () => {
    const s = await freshStore();
    const t1 = await s.tests.create({ name: '令和7年度 試験' });
    await crawl(s, '2025-11-10T00:00:00Z');
    await s.judgements.recordJudgements([{ criterion: '2.4.6', result: 'pass', scope: { type: 'site' }, when: '2025-11-12T00:00:00Z' }]);
    await s.tests.close(t1.id, { statementDate: '2025-12-01' });
    const t2 = await s.tests.create({ name: '令和8年度 試験' });
    const run2 = await crawl(s, '2026-11-10T00:00:00Z');
    const next = await generateReports({ store: s, runId: run2, outDir: path.join(dir, 'r2'), formats: ['json'] });
    expect(next.model.test?.id).toBe(t2.id);
    expect(next.model.checklist.find((r) => r.id === '2.4.6')!.outcome).toBe('untested');
    const last = await generateReports({ store: s, runId: 1, outDir: path.join(dir, 'r1'), formats: ['json'] });
    expect(last.model.test?.id).toBe(t1.id);
    expect(last.model.checklist.find((r) => r.id === '2.4.6')!.outcome).toBe('pass');
    await s.close();
  });
});

describe('migration 4 on the files users have', () => {
  for (const name of ['store-0.2.0.sqlite', 'store-v3.sqlite']) {
    it(`${name} opens, keeps its judgements owned by no test, and takes a test`, async () => {
      const file = path.join(dir, name);
      copyFileSync(path.join(FIXTURES, name), file);
      const before = new Database(file, { readonly: true });
      const count = (before.prepare('SELECT COUNT(*) n FROM judgements').get() as { n: number }).n;
      before.close();
      const s = await openStore(file);
      try {
        const js = await s.judgements.listJudgements({ includeRevoked: true });
        expect(js).toHaveLength(count);
        expect(js.every((j) => j.testId === null && j.recheck === false && j.carriedFrom === null)).toBe(true);
        expect(await s.tests.list()).toEqual([]);
        const t = await s.tests.create({ name: '令和8年度 試験', fiscalYear: 2026 });
        const latest = (await s.runs.latestRun('finished'))!;
        await s.tests.attachRun(t.id, latest.id);
        const plan = await planCarryOver(s);
        expect(plan.fromTestId).toBeNull();
        expect(plan.candidates).toHaveLength(js.filter((j) => !j.revokedAt).length);
        // the old judgements do not apply to the new test's report until carried
        const m = await buildReportModel(s, { testId: t.id });
        expect(m.judgements.all).toEqual([]);
        expect(m.test?.name).toBe('令和8年度 試験');
      } finally {
        await s.close();
      }
      const after = new Database(file, { readonly: true });
      expect(after.pragma('user_version', { simple: true })).toBe(STORE_SCHEMA_VERSION);
      after.close();
    });
  }
});
