// The store contract (issue 20): the same cases against the SQLite store and the PostgreSQL store, so a crawl, a
// report or a yearly test behaves the same whichever engine keeps it. Also: the two engines' migrations give the
// same tables and columns (they cannot drift), the parts not yet on PostgreSQL refuse in Japanese, and a bad
// PostgreSQL URL or an unreachable server gives a Japanese error naming it (never its password).
// PostgreSQL runs for real: a throwaway cluster for this file (tests/helpers/postgres.ts), a fresh database per test.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSiteChecks } from '../../crawler/crawl/site-checks.js';
import { collect, openStore, StoreError, type Store } from '../../crawler/store/store.js';
import type { CriterionResult, Finding } from '../../rules-jis/types.js';
import { postgresSkip, startPgCluster, type PgCluster } from '../helpers/postgres.js';

let cluster: PgCluster | null = null;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-contract-'));
  if (!postgresSkip) cluster = await startPgCluster();
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const ENGINES: { name: string; skip: string | null; open: () => Promise<string> }[] = [
  { name: 'SQLite', skip: null, open: async () => path.join(dir, `s${++n}.sqlite`) },
  { name: 'PostgreSQL', skip: postgresSkip, open: () => cluster!.createDatabase() },
];

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'image-alt', source: 'axe', kind: 'violation', criteria: ['1.1.1'], impact: 'critical', selector: 'img', html: '<img>',
  message: '画像に代替テキストがありません', help: 'alt を付けてください', helpUrl: 'https://example', ...over,
});
const crit = (id: string, outcome: CriterionResult['outcome']): CriterionResult => ({ id, level: 'A', outcome, counts: { violation: 0, review: 0, advisory: 0 } });
const owner = (token: string) => ({ token, host: 'm1', pid: 1, pidSpace: null });

describe.each(ENGINES)('store contract: $name', (engine) => {
  let store: Store;
  let location: string;
  const open = async () => {
    location = await engine.open();
    store = await openStore(location);
    return store;
  };
  afterEach(async () => {
    await store?.close();
  });

  it.skipIf(engine.skip)('runs: create, update, list, latest, unknown run', async () => {
    await open();
    const a = await store.runs.createRun({ startUrls: ['https://e.jp/'], config: { x: 1 } });
    const b = await store.runs.createRun({ startUrls: ['https://e.jp/'], config: {}, label: '定期検査' });
    await store.runs.updateRun(a, { status: 'finished', finishedAt: '2026-11-25T00:00:00Z' });
    expect((await store.runs.listRuns()).map((r) => r.id)).toEqual([b, a]);
    expect(await store.runs.getRun(a)).toMatchObject({ status: 'finished', config: { x: 1 }, target: 'AA', startUrls: ['https://e.jp/'], finishedAt: '2026-11-25T00:00:00Z' });
    expect((await store.runs.latestRun('finished'))?.id).toBe(a);
    expect((await store.runs.latestRun())?.label).toBe('定期検査');
    expect(await store.runs.getRun(999)).toBeNull();
    await expect(store.runs.updateRun(999, { status: 'failed' })).rejects.toThrow('検査 #999 がありません');
  });

  it.skipIf(engine.skip)('leases: one holder at a time, a second crawl of the same site refused, expiry, reap', async () => {
    await open();
    const terms = { ttlMs: 10_000, now: new Date('2026-11-30T00:00:00Z') };
    const first = await store.leases.createLeasedRun({ startUrls: ['https://e.jp/'], config: {} }, owner('a'), terms);
    expect(first.ok).toBe(true);
    const runId = first.ok ? first.runId : 0;
    // the same site (start URL written differently) while the lease is live: refused, nothing written
    const second = await store.leases.createLeasedRun({ startUrls: ['HTTPS://E.JP'], config: {} }, owner('b'), terms);
    expect(second).toMatchObject({ ok: false, holder: { runId, token: 'a' } });
    expect(await store.runs.listRuns()).toHaveLength(1);
    expect(await store.leases.acquire(runId, owner('b'), terms)).toMatchObject({ ok: false, holder: { token: 'a' } });
    const later = { ttlMs: 10_000, now: new Date('2026-11-30T00:00:05Z') };
    expect(await store.leases.renew(runId, 'a', later)).toMatchObject({ token: 'a', expiresAt: '2026-11-30T00:00:15.000Z', acquiredAt: '2026-11-30T00:00:00.000Z' });
    const expired = { ttlMs: 10_000, now: new Date('2026-11-30T00:01:00Z') };
    expect(await store.leases.acquire(runId, owner('b'), expired)).toMatchObject({ ok: true, lease: { token: 'b' }, replaced: { token: 'a' } });
    expect(await store.leases.renew(runId, 'a', expired)).toBeNull();
    expect(await store.leases.reap(runId, 'a')).toBe(false);
    expect(await store.leases.reap(runId, 'b')).toBe(true);
    expect((await store.runs.getRun(runId))?.status).toBe('interrupted');
    expect(await store.leases.listLeases()).toEqual([]);
    expect(await store.leases.release(runId, 'b')).toBe(false);
  });

  it.skipIf(engine.skip)('frontier: dedupes, caps pages, shallowest first, requeues, resets, aliases', async () => {
    await open();
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    const added = await store.frontier.enqueue(run, [
      { url: 'https://e.jp/a', depth: 1, kind: 'page' },
      { url: 'https://e.jp/', depth: 0, kind: 'page' },
      { url: 'https://e.jp/a', depth: 0, kind: 'page' },
      { url: 'https://e.jp/x.pdf', depth: 2, kind: 'document', parentUrl: 'https://e.jp/' },
      { url: 'https://e.jp/b', depth: 1, kind: 'page' },
    ], 2);
    expect(added).toEqual(['https://e.jp/a', 'https://e.jp/', 'https://e.jp/x.pdf']);
    const first = await store.frontier.takeQueued(run, 2);
    expect(first.map((i) => i.url)).toEqual(['https://e.jp/', 'https://e.jp/a']);
    expect(await store.frontier.frontierCounts(run)).toEqual({ queued: 1, active: 2, done: 0, failed: 0 });
    await store.frontier.requeue(run, 'https://e.jp/a');
    const again = await store.frontier.takeQueued(run, 5);
    expect(again.find((i) => i.url === 'https://e.jp/a')?.attempts).toBe(1);
    expect(again.find((i) => i.url === 'https://e.jp/x.pdf')).toMatchObject({ kind: 'document', parentUrl: 'https://e.jp/', depth: 2 });
    expect(await store.frontier.resetActive(run)).toBe(3);
    expect(await store.frontier.markAlias(run, 'https://e.jp/a', 1)).toBe(true);
    expect(await store.frontier.markAlias(run, 'https://e.jp/a', 1)).toBe(false);
    expect(await store.frontier.markAlias(run, 'https://e.jp/moved', 1)).toBe(true);
    expect(await store.frontier.frontierCounts(run)).toEqual({ queued: 2, active: 0, done: 2, failed: 0 });
    expect(await store.frontier.enqueue(run, [{ url: 'https://e.jp/c', depth: 1, kind: 'page' }], 3)).toEqual([]);
  });

  it.skipIf(engine.skip)('pages: findings and links in one write, replaced on rewrite, read back typed, streamed in order', async () => {
    await open();
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    await store.frontier.enqueue(run, [{ url: 'https://e.jp/', depth: 0, kind: 'page' }]);
    const rec = {
      url: 'https://e.jp/', title: 'トップ', lang: 'ja', depth: 0, auditedAt: '2026-11-25T00:00:00Z', status: 200, contentHash: 'abc', bytes: 1234, durationMs: 55,
      criteria: [crit('1.1.1', 'fail')], findings: [finding({ region: 'template' }), finding({ ruleId: 'source-parse', source: 'source', line: 3, column: 5 })],
      links: [{ toUrl: 'https://e.jp/b', text: 'B', area: 'main' as const }, { toUrl: 'https://e.jp/a', text: 'A', area: 'nav' as const }, { toUrl: 'https://e.jp/a', text: 'A', area: 'nav' as const }],
      nav: [{ key: 'nav#gnav', hrefs: ['https://e.jp/a'] }], templateKey: 't1', widgetKey: 'w1',
    };
    await store.results.savePage(run, rec);
    const id = await store.results.savePage(run, rec);
    const pages = await collect(store.results.iteratePages(run));
    expect(pages).toHaveLength(1);
    const p = (await store.results.pageByUrl(run, 'https://e.jp/'))!;
    expect(p.id).toBe(id);
    expect(await store.results.getPage(id)).toEqual(p);
    expect(p).toMatchObject({ title: 'トップ', status: 200, bytes: 1234, durationMs: 55, error: null, nav: [{ key: 'nav#gnav' }], templateKey: 't1', widgetKey: 'w1' });
    expect(await store.results.pageAuditCriteria(id)).toEqual([crit('1.1.1', 'fail')]);
    const fs = await collect(store.results.iterateFindings(run));
    expect(fs.map((f) => [f.ruleId, f.region ?? null, f.line ?? null])).toEqual([['image-alt', 'template', null], ['source-parse', null, 3]]);
    expect(await collect(store.results.iterateFindings(run, { source: 'axe' }))).toHaveLength(1);
    expect(await collect(store.results.iterateFindings(run, { kind: 'review' }))).toHaveLength(0);
    expect(await store.results.findingsOfPage(id)).toEqual(fs);
    expect((await collect(store.results.iterateLinks(run))).map((l) => l.toUrl)).toEqual(['https://e.jp/a', 'https://e.jp/b']);
    expect(await collect(store.results.iterateLinks(run, { toUrl: 'https://e.jp/b' }))).toEqual([{ runId: run, fromUrl: 'https://e.jp/', toUrl: 'https://e.jp/b', text: 'B', area: 'main' }]);
    expect((await store.frontier.frontierCounts(run)).done).toBe(1);
  });

  it.skipIf(engine.skip)('streams a run larger than a batch (500), sorted byte-wise like SQLite (ASCII case, Japanese)', async () => {
    await open();
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    const urls = Array.from({ length: 520 }, (_, i) => `https://e.jp/p${String(i).padStart(4, '0')}`);
    for (const url of urls) await store.results.savePage(run, { url, depth: 1, auditedAt: 'now', findings: [finding({ selector: url })], links: [{ toUrl: url + '/x', text: 'x', area: 'main' }] });
    expect((await collect(store.results.iteratePages(run))).map((p) => p.url)).toEqual(urls);
    expect((await collect(store.results.iterateFindings(run))).map((f) => f.selector)).toEqual(urls);
    expect(await collect(store.results.iterateLinks(run))).toHaveLength(urls.length);
    const other = await store.runs.createRun({ startUrls: [], config: {} });
    const texts = ['b', 'B', 'a', 'くらし', 'Z', '暮らし', 'カ'];
    await store.results.savePage(other, { url: 'https://e.jp/', depth: 0, auditedAt: 'now', links: texts.map((t) => ({ toUrl: 'https://e.jp/k', text: t, area: 'main' as const })) });
    // code point order (SQLite's BINARY), whatever the database's locale
    expect((await collect(store.results.iterateLinks(other))).map((l) => l.text)).toEqual([...texts].sort());
  });

  it.skipIf(engine.skip)('documents with their findings and linking pages, broken links, errors, the run summary', async () => {
    await open();
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    await store.frontier.enqueue(run, ['', 'gone', 'a.pdf', 'b.pdf'].map((p) => ({ url: `https://e.jp/${p}`, depth: p ? 1 : 0, kind: p.endsWith('.pdf') ? ('document' as const) : ('page' as const) })));
    await store.results.savePage(run, {
      url: 'https://e.jp/', depth: 0, auditedAt: 'now', findings: [finding(), finding({ kind: 'review' })],
      links: [{ toUrl: 'https://e.jp/gone', text: '古いページ', area: 'main' }, { toUrl: 'https://e.jp/a.pdf', text: '計画（PDF形式：12KB）', area: 'main' }, { toUrl: 'https://e.jp/b.pdf', text: '様式', area: 'main' }],
    });
    await store.results.savePage(run, { url: 'https://e.jp/gone', depth: 1, auditedAt: 'now', status: 404, error: { code: 'http-error', message: '404' } });
    const pdfFinding = finding({ ruleId: 'pdf-untagged', source: 'document' as Finding['source'], selector: '', html: '' });
    await store.results.saveDocument(run, { url: 'https://e.jp/a.pdf', type: 'PDF', size: 1, status: 200, checkedAt: 'now', findings: [finding()] });
    await store.results.saveDocument(run, { url: 'https://e.jp/a.pdf', type: 'PDF', size: 12000, status: 200, checkedAt: 'now', checked: true, format: 'pdf', title: '計画', lang: 'ja', pages: 3, contentHash: 'h', findings: [pdfFinding] });
    await store.results.saveDocument(run, { url: 'https://e.jp/b.pdf', type: 'PDF', status: 404, error: { code: 'http-error', message: '404' }, checkedAt: 'now' });
    await store.results.addError(run, { url: 'https://e.jp/gone', code: 'http-error', message: '404', at: 'then' });
    const docs = await store.results.documentsOfRun(run);
    expect(docs.map((d) => d.url)).toEqual(['https://e.jp/a.pdf', 'https://e.jp/b.pdf']);
    expect(docs[0]).toMatchObject({ size: 12000, checked: true, format: 'pdf', title: '計画', pages: 3, linkedFrom: [{ pageUrl: 'https://e.jp/', text: '計画（PDF形式：12KB）' }] });
    expect(docs[0].findings.map((f) => f.ruleId)).toEqual(['pdf-untagged']);
    expect(await store.results.documentOfRun(run, 'https://e.jp/a.pdf')).toEqual(docs[0]);
    expect(await store.results.documentOfRun(run, 'https://e.jp/none.pdf')).toBeNull();
    expect((await store.results.brokenLinksOfRun(run)).map((b) => [b.toUrl, b.status])).toEqual([['https://e.jp/b.pdf', 404], ['https://e.jp/gone', 404]]);
    expect(await store.results.errorsOfRun(run)).toMatchObject([{ url: 'https://e.jp/gone', code: 'http-error', attempt: 1, at: 'then' }]);
    expect(await store.runs.runSummary(run)).toEqual({
      runId: run, pages: 2, pagesAudited: 1, pagesFailed: 1, documents: 2, brokenLinks: 2, errors: 1,
      findings: { violation: 1, review: 1, advisory: 0 }, frontier: { queued: 0, active: 0, done: 2, failed: 2 },
    });
    expect(await store.runs.progressCounts(run)).toEqual({ frontier: { queued: 0, active: 0, done: 2, failed: 2 }, pagesFailed: 1, documents: 2, errors: 1 });
  });

  it.skipIf(engine.skip)('site checks on the store: merged once even when rerun; 3.2.4 namings (pages in error left out)', async () => {
    await open();
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    const nav = (text: string) => [{ toUrl: 'https://e.jp/k/', text, area: 'nav' as const }, { toUrl: 'https://e.jp/k/', text: 'ここ', area: 'main' as const }];
    for (const [p, text] of [['1', 'くらし・環境'], ['2', 'くらし・環境'], ['3', '暮らし']]) {
      await store.results.savePage(run, { url: `https://e.jp/${p}`, title: '同じ', depth: 0, auditedAt: 'now', contentHash: p, links: nav(text), criteria: [crit('2.4.2', 'pass')] });
    }
    await store.results.savePage(run, { url: 'https://e.jp/4', depth: 0, auditedAt: 'now', error: { code: 'timeout', message: '時間切れ' }, links: nav('別名') });
    const first = await runSiteChecks(store, run);
    expect(await runSiteChecks(store, run)).toBe(first);
    const site = await collect(store.results.iterateFindings(run, { source: 'site' }));
    expect(site.filter((f) => f.ruleId === 'site-link-name-consistency').map((f) => f.pageUrl)).toEqual(['https://e.jp/3']);
    expect(site.filter((f) => f.ruleId === 'site-duplicate-title')).toHaveLength(3);
    const p1 = (await store.results.pageByUrl(run, 'https://e.jp/1'))!;
    expect(p1.criteria.find((c) => c.id === '2.4.2')?.outcome).toBe('review');
    expect(await store.results.pageAuditCriteria(p1.id)).toEqual([crit('2.4.2', 'pass')]);
  });

  it.skipIf(engine.skip)('validators: remember, assets once, an unchanged page carried into the next run', async () => {
    await open();
    const prev = await store.runs.createRun({ startUrls: [], config: {} });
    const css = { url: 'https://e.jp/a.css', etag: '"1"', lastModified: null, hash: 'c' };
    const pid = await store.results.savePage(prev, {
      url: 'https://e.jp/', depth: 0, auditedAt: '2026-01-01T00:00:00Z', contentHash: 'h', criteria: [crit('1.1.1', 'fail')],
      findings: [finding()], links: [{ toUrl: 'https://e.jp/b', text: 'B', area: 'main' }, { toUrl: 'https://e.jp/a', text: 'A', area: 'nav' }],
    });
    await store.results.replaceSiteFindings(prev, new Map([[pid, [finding({ ruleId: 'site-duplicate-title', source: 'site', kind: 'review', criteria: ['2.4.2'] })]]]), (c) => c);
    await store.validators.remember(prev, 'https://e.jp/', { etag: '"p0"', lastModified: null, contentHash: 'h', assets: [css] });
    await store.validators.remember(prev, 'https://e.jp/', { etag: '"p1"', lastModified: null, contentHash: 'h', assets: [css] });
    await store.validators.remember(prev, 'https://e.jp/x', { etag: null, lastModified: 'yesterday', contentHash: 'x', assets: [{ ...css, hash: 'other' }] });
    expect(await store.validators.validatorsOf(prev, 'https://e.jp/')).toEqual({ etag: '"p1"', lastModified: null, contentHash: 'h', assets: [css] });
    expect(await store.validators.validatorsOf(prev, 'https://e.jp/none')).toBeNull();
    expect(await store.validators.assetsOfRun(prev)).toHaveLength(1);
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    await store.frontier.enqueue(run, [{ url: 'https://e.jp/', depth: 2, kind: 'page' }]);
    const r = await store.validators.carryOver(prev, run, { url: 'https://e.jp/', depth: 2 }, { etag: '"p2"', lastModified: null });
    expect(r.links).toEqual(['https://e.jp/a', 'https://e.jp/b']);
    const p = (await store.results.pageByUrl(run, 'https://e.jp/'))!;
    expect(p).toMatchObject({ depth: 2, contentHash: 'h', auditedAt: '2026-01-01T00:00:00Z', durationMs: 0, criteria: [crit('1.1.1', 'fail')] });
    expect((await store.results.findingsOfPage(p.id)).map((f) => f.ruleId)).toEqual(['image-alt']);
    expect(await store.validators.validatorsOf(run, 'https://e.jp/')).toEqual({ etag: '"p2"', lastModified: null, contentHash: 'h', assets: [css] });
    await expect(store.validators.carryOver(prev, run, { url: 'https://e.jp/none', depth: 1 }, { etag: null, lastModified: null })).rejects.toThrow('結果がありません');
  });

  it.skipIf(engine.skip)('yearly tests and judgements: one open test, runs attached, carry-over once, closed test refuses', async () => {
    await open();
    const run = await store.runs.createRun({ startUrls: ['https://e.jp/'], config: {} }, '2026-11-10T00:00:00Z');
    await store.runs.updateRun(run, { status: 'finished', finishedAt: '2026-11-10T01:00:00Z' });
    const t1 = await store.tests.create({ name: '2025年度', fiscalYear: 2025 }, '2026-11-01T00:00:00Z');
    await expect(store.tests.create({ name: '二つ目' })).rejects.toThrow(/試験/);
    expect((await store.tests.attachRunToOpenTest(run, '2026-11-10T02:00:00Z'))?.runIds).toEqual([run]);
    await store.tests.attachRun(t1.id, run);
    expect((await store.tests.testOfRun(run))?.id).toBe(t1.id);
    const [j1, j2] = await store.judgements.recordJudgements([
      { criterion: '2.4.6', result: 'pass', scope: { type: 'site' }, when: '2026-11-12T00:00:00Z', who: '検査 太郎' },
      { criterion: '3.1.2', result: 'pass', scope: { type: 'site' }, when: '2026-11-13T00:00:00Z' },
    ]);
    expect(await store.judgements.revokeJudgement(j2, '2026-11-14T00:00:00Z')).toBe(true);
    expect(await store.judgements.revokeJudgement(j2)).toBe(false);
    expect((await store.judgements.listJudgements()).map((j) => j.id)).toEqual([j1]);
    expect((await store.judgements.listJudgements({ includeRevoked: true, testId: t1.id })).map((j) => [j.id, j.testId, j.runId])).toEqual([[j1, t1.id, run], [j2, t1.id, run]]);
    expect(await store.tests.periodOf(t1.id)).toEqual({ from: '2026-11-10T00:00:00.000Z', to: '2026-11-12T00:00:00.000Z' });
    await expect(store.tests.close(t1.id, { statementDate: '2026-11-11' })).rejects.toThrow();
    const closed = await store.tests.close(t1.id, { statementDate: '2026-11-20', now: '2026-11-20T00:00:00Z' });
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-11-20T00:00:00Z', statement: { statementDate: '2026-11-20' } });
    await expect(store.judgements.recordJudgements([{ criterion: '1.1.1', result: 'pass', scope: { type: 'site' } }], { testId: t1.id })).rejects.toThrow(/終了/);
    const t2 = await store.tests.create({ name: '2026年度' });
    expect((await store.tests.openTest())?.id).toBe(t2.id);
    const ids = await store.tests.carryOver(t2.id, [{ judgementId: j1, recheck: true }], '2026-12-01T00:00:00Z');
    expect(await store.tests.carryOver(t2.id, [{ judgementId: j1, recheck: true }])).toEqual([]);
    expect(await store.tests.judgementsOf(t2.id)).toMatchObject([{ id: ids[0], carriedFrom: j1, recheck: true, who: '検査 太郎', when: '2026-11-12T00:00:00.000Z' }]);
    expect((await store.tests.list()).map((t) => t.status)).toEqual(['closed', 'open']);
  });

  it.skipIf(engine.skip)('selection: representative pages, a planned draw drawn once, listed in order', async () => {
    await open();
    const t = await store.tests.create({ name: '試験' });
    await store.selection.replaceRepresentative(t.id, [
      { url: 'https://e.jp/', kind: 'representative', reason: 'トップ', source: 'user' },
      { url: 'https://e.jp/', kind: 'representative', reason: '重複', source: 'user' },
      { url: 'https://e.jp/a', kind: 'representative', reason: '提案', source: 'suggested' },
    ]);
    const plan = await store.selection.planDraw(t.id, { n: 2, seed: 'seed', population: 10, plannedAt: '2026-11-30T00:00:00Z' });
    expect(plan).toMatchObject({ testId: t.id, n: 2, urls: null, drawnAt: null });
    const drawn = await store.selection.recordDraw(plan.id, [{ url: 'https://e.jp/r2', reason: '抽選' }, { url: 'https://e.jp/r1', reason: '抽選' }], '2026-11-30T00:01:00Z');
    expect(drawn).toMatchObject({ urls: ['https://e.jp/r2', 'https://e.jp/r1'], drawnAt: '2026-11-30T00:01:00Z' });
    await expect(store.selection.recordDraw(plan.id, [])).rejects.toThrow('済んでいます');
    await expect(store.selection.recordDraw(999, [])).rejects.toThrow('計画がストアにありません');
    expect((await store.selection.listSelection(t.id)).map((p) => [p.url, p.kind, p.drawId ?? null])).toEqual([
      ['https://e.jp/', 'representative', null], ['https://e.jp/a', 'representative', null], ['https://e.jp/r2', 'random', plan.id], ['https://e.jp/r1', 'random', plan.id],
    ]);
    expect(await store.selection.listDraws(t.id)).toEqual([drawn]);
    expect(await store.selection.getDraw(plan.id)).toEqual(drawn);
  });

  it.skipIf(engine.skip)('hook log: a verdict with its waiver uses, an error, newest first', async () => {
    await open();
    const waiver = { rule: 'image-alt', reason: '移行中', approvedBy: '広報広聴課', expires: '2027-03-31' };
    const id = await store.hookLog.logVerdict(
      { url: 'https://e.jp/new', verdict: 'pass', durationMs: 5, counts: { blocking: 0, review: 1, advisory: 0, waived: 1 }, policy: { source: 'p.json', hash: 'ph' },
        waived: [{ selector: 'img', waiver }], expiredWaivers: [{ finding: { selector: 'img.b' }, waiver: { ...waiver, expires: '2020-01-01' } }] } as never,
      { channel: 'http', mode: 'html', source: '<html></html>', client: '127.0.0.1' },
    );
    const err = await store.hookLog.logError({ channel: 'cli', mode: 'url', url: 'https://e.jp/x', code: 'timeout', message: '時間切れ' });
    expect(await store.hookLog.recentVerdicts(5)).toMatchObject([
      { id: err, verdict: 'error', errorCode: 'timeout', channel: 'cli' },
      { id, verdict: 'pass', waived: 1, errorCode: null, mode: 'html' },
    ]);
    expect((await store.hookLog.waiverUses(id)).map((u) => `${u.status} ${u.findingSelector}`)).toEqual(['applied img', 'expired img.b']);
  });

  it.skipIf(engine.skip)('audit log: stamped, newest first, with the total', async () => {
    await open();
    const a = await store.audit.record({ actor: 'admin', action: 'user.add', target: 'user:tanaka', after: { role: 'tester' } }, '2026-11-30T00:00:00.000Z');
    await store.audit.record({ actor: 'admin', action: 'user.update', target: 'user:tanaka', before: { role: 'tester' }, after: { role: 'approver' } });
    expect(a).toMatchObject({ actor: 'admin', at: '2026-11-30T00:00:00.000Z', before: null, after: { role: 'tester' } });
    const page = await store.audit.list({ limit: 1 });
    expect(page.total).toBe(2);
    expect(page.items).toMatchObject([{ action: 'user.update', before: { role: 'tester' }, after: { role: 'approver' } }]);
    expect((await store.audit.list({ offset: 1 })).items).toEqual([a]);
  });

  it.skipIf(engine.skip)('read only: reads, and refuses to write', async () => {
    await open();
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    const ro = await openStore(location, { readonly: true });
    try {
      expect((await ro.runs.getRun(run))?.id).toBe(run);
      await expect(ro.runs.createRun({ startUrls: [], config: {} })).rejects.toThrow(/read.?only/i);
    } finally {
      await ro.close();
    }
  });
});

describe.skipIf(postgresSkip)('PostgreSQL store', () => {
  it('has the same tables and columns (names, types, NOT NULL) as the SQLite store, after every migration', async () => {
    const file = path.join(dir, 'schema.sqlite');
    await (await openStore(file)).close();
    const db = new Database(file, { readonly: true });
    const lite = new Map<string, string[]>();
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]) {
      const cols = db.prepare(`PRAGMA table_info(${name})`).all() as { name: string; type: string; notnull: number; pk: number }[];
      lite.set(name, cols.map((c) => `${c.name} ${c.type === 'INTEGER' ? 'int' : 'text'}${c.notnull || (c.pk && c.type !== 'INTEGER') ? ' not null' : ''}`).sort());
    }
    db.close();
    const url = await cluster!.createDatabase();
    await (await openStore(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = (await client.query(
      "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, column_name",
    )).rows as { table_name: string; column_name: string; data_type: string; is_nullable: string }[];
    await client.end();
    const pgs = new Map<string, string[]>();
    for (const r of rows) {
      // a rowid alias (id INTEGER PRIMARY KEY) may hold NULL in SQLite's catalogue; PostgreSQL's identity is NOT NULL
      const idLike = r.data_type === 'bigint' && r.column_name.endsWith('id') && lite.get(r.table_name)?.includes(`${r.column_name} int`);
      const col = `${r.column_name} ${r.data_type === 'bigint' ? 'int' : r.data_type === 'text' ? 'text' : r.data_type}${r.is_nullable === 'NO' && !idLike ? ' not null' : ''}`;
      pgs.set(r.table_name, [...(pgs.get(r.table_name) ?? []), col]);
    }
    for (const [t, cols] of pgs) pgs.set(t, cols.sort());
    expect(Object.fromEntries([...pgs].sort())).toEqual(Object.fromEntries([...lite].sort()));
  });

  it('parts not yet on PostgreSQL refuse in Japanese, naming the part; the password never shows', async () => {
    const url = await cluster!.createDatabase();
    const store = await openStore(url);
    try {
      await expect(store.workspaceData.assignments(1)).rejects.toThrow(/ワークスペースの試験データ.*PostgreSQL のストア.*まだ使えません/);
      await expect(store.files.fileInfo('0'.repeat(64))).rejects.toThrow(/ワークスペースのファイル/);
      const e = await store.users.list().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(StoreError);
      expect((e as Error).message).toContain('ワークスペースの利用者');
    } finally {
      await store.close();
    }
    const secret = url.replace('postgres@', 'postgres:hunter2@').replace(/\/[^/]+$/, '/no_such_db');
    const missing = await openStore(secret).catch((x: unknown) => x);
    expect(missing).toBeInstanceOf(StoreError);
    expect((missing as Error).message).toMatch(/データベース postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/no_such_db がありません/);
    expect((missing as Error).message).not.toContain('hunter2');
    const down = await openStore('postgres://u:pw@127.0.0.1:1/x').catch((x: unknown) => x);
    expect(down).toBeInstanceOf(StoreError);
    expect((down as Error).message).toMatch(/サーバー postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x に接続できませんでした/);
    expect((down as StoreError).transient).toBe(true);
  });

  it('a database written by a newer jis-a11y is refused, not touched', async () => {
    const url = await cluster!.createDatabase();
    await (await openStore(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("UPDATE meta SET value = '99' WHERE key = 'schemaVersion'");
    await client.end();
    await expect(openStore(url)).rejects.toThrow(/新しい版の jis-a11y で作られています（形式: 版 99/);
  });

  it('several processes opening a new database at once migrate it once', async () => {
    const url = await cluster!.createDatabase();
    const stores = await Promise.all([openStore(url), openStore(url), openStore(url)]);
    const ids = await Promise.all(stores.map((s) => s.runs.createRun({ startUrls: [], config: {} })));
    expect(new Set(ids).size).toBe(3);
    await Promise.all(stores.map((s) => s.close()));
  });
});
