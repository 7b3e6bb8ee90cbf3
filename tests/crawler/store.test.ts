// Unit tests: the store API (runs, frontier, pages, findings, documents, broken links, validators, hook log,
// streaming reads, one connection) and the site checks on it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect, openStore, type Store, type StoredPage } from '../../crawler/store/store.js';
import { runSiteChecks } from '../../crawler/crawl/site-checks.js';
import { duplicateTitleFindings } from '../../rules-jis/site/duplicate-title.js';
import { linkNameFindings } from '../../rules-jis/site/link-names.js';
import { navOrderFindings } from '../../rules-jis/site/nav-order.js';
import type { CriterionResult, Finding } from '../../rules-jis/types.js';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-store-'));
  store = await openStore(path.join(dir, 'x.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'image-alt', source: 'axe', kind: 'violation', criteria: ['1.1.1'], impact: 'critical', selector: 'img', html: '<img>',
  message: '画像に代替テキストがありません', help: 'alt を付けてください', helpUrl: 'https://example', ...over,
});
const crit = (id: string, outcome: CriterionResult['outcome']): CriterionResult => ({ id, level: 'A', outcome, counts: { violation: 0, review: 0, advisory: 0 } });

describe('Store', () => {
  it('runs: create, update, list, latest', async () => {
    const a = await store.runs.createRun({ startUrls: ['https://e.jp/'], config: { x: 1 } });
    const b = await store.runs.createRun({ startUrls: ['https://e.jp/'], config: {}, label: '定期検査' });
    await store.runs.updateRun(a, { status: 'finished', finishedAt: '2026-11-25T00:00:00Z' });
    expect((await store.runs.listRuns()).map((r) => r.id)).toEqual([b, a]);
    expect(await store.runs.getRun(a)).toMatchObject({ status: 'finished', config: { x: 1 }, target: 'AA', startUrls: ['https://e.jp/'] });
    expect((await store.runs.latestRun('finished'))?.id).toBe(a);
    expect((await store.runs.latestRun())?.label).toBe('定期検査');
    expect(await store.runs.getRun(999)).toBeNull();
    await expect(store.runs.updateRun(999, { status: 'failed' })).rejects.toThrow('検査 #999 がありません');
  });

  it('frontier: dedupes, caps pages, takes shallowest first, requeues and resets in-flight entries', async () => {
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    const added = await store.frontier.enqueue(run, [
      { url: 'https://e.jp/a', depth: 1, kind: 'page' },
      { url: 'https://e.jp/', depth: 0, kind: 'page' },
      { url: 'https://e.jp/a', depth: 0, kind: 'page' },
      { url: 'https://e.jp/x.pdf', depth: 2, kind: 'document' },
      { url: 'https://e.jp/b', depth: 1, kind: 'page' },
    ], 2);
    expect(added).toEqual(['https://e.jp/a', 'https://e.jp/', 'https://e.jp/x.pdf']);
    const first = await store.frontier.takeQueued(run, 2);
    expect(first.map((i) => i.url)).toEqual(['https://e.jp/', 'https://e.jp/a']);
    expect(await store.frontier.frontierCounts(run)).toEqual({ queued: 1, active: 2, done: 0, failed: 0 });
    await store.frontier.requeue(run, 'https://e.jp/a');
    expect((await store.frontier.takeQueued(run, 5)).find((i) => i.url === 'https://e.jp/a')?.attempts).toBe(1);
    expect(await store.frontier.resetActive(run)).toBe(3);
    expect((await store.frontier.frontierCounts(run)).queued).toBe(3);
  });

  it('frontier: a redirect target is marked done once, and counts towards the page cap', async () => {
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    await store.frontier.enqueue(run, [{ url: 'https://e.jp/', depth: 0, kind: 'page' }, { url: 'https://e.jp/new', depth: 1, kind: 'page' }]);
    expect(await store.frontier.markAlias(run, 'https://e.jp/new', 1)).toBe(true); // queued → done
    expect(await store.frontier.markAlias(run, 'https://e.jp/new', 1)).toBe(false);
    expect(await store.frontier.markAlias(run, 'https://e.jp/moved', 1)).toBe(true); // added as done
    expect(await store.frontier.frontierCounts(run)).toEqual({ queued: 1, active: 0, done: 2, failed: 0 });
    expect(await store.frontier.enqueue(run, [{ url: 'https://e.jp/c', depth: 1, kind: 'page' }], 3)).toEqual([]);
  });

  it('pages: one transaction with findings and links, replaced on rewrite, read back typed', async () => {
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    await store.frontier.enqueue(run, [{ url: 'https://e.jp/', depth: 0, kind: 'page' }]);
    const rec = {
      url: 'https://e.jp/', title: 'トップ', lang: 'ja', depth: 0, auditedAt: '2026-11-25T00:00:00Z', status: 200, contentHash: 'abc',
      criteria: [crit('1.1.1', 'fail')], findings: [finding(), finding({ ruleId: 'source-parse', source: 'source', line: 3, column: 5 })],
      links: [{ toUrl: 'https://e.jp/a', text: 'A', area: 'nav' as const }], nav: [{ key: 'nav#gnav', hrefs: ['https://e.jp/a'] }],
    };
    await store.results.savePage(run, rec);
    const id = await store.results.savePage(run, rec); // a page audited again (resume) replaces its row, findings and links
    expect(await collect(store.results.iteratePages(run))).toHaveLength(1);
    const p = (await store.results.pageByUrl(run, 'https://e.jp/'))!;
    expect(p.id).toBe(id);
    expect(await store.results.getPage(id)).toEqual(p);
    expect(p).toMatchObject({ title: 'トップ', status: 200, error: null, nav: [{ key: 'nav#gnav' }] });
    expect(p.criteria[0].outcome).toBe('fail');
    expect(await store.results.pageAuditCriteria(id)).toEqual(p.criteria);
    const fs = await collect(store.results.iterateFindings(run));
    expect(fs).toHaveLength(2);
    expect(fs[1]).toMatchObject({ ruleId: 'source-parse', line: 3, column: 5, pageUrl: 'https://e.jp/' });
    expect(await collect(store.results.iterateFindings(run, { source: 'axe' }))).toHaveLength(1);
    expect(await collect(store.results.iterateFindings(run, { kind: 'review' }))).toHaveLength(0);
    expect(await store.results.findingsOfPage(p.id)).toHaveLength(2);
    expect(await collect(store.results.iterateLinks(run))).toEqual([{ runId: run, fromUrl: 'https://e.jp/', toUrl: 'https://e.jp/a', text: 'A', area: 'nav' }]);
    expect((await store.frontier.frontierCounts(run)).done).toBe(1);
  });

  it('documents with linking pages, broken links, errors and the run summary', async () => {
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    await store.frontier.enqueue(run, [
      { url: 'https://e.jp/', depth: 0, kind: 'page' },
      { url: 'https://e.jp/gone', depth: 1, kind: 'page' },
      { url: 'https://e.jp/a.pdf', depth: 1, kind: 'document' },
      { url: 'https://e.jp/b.pdf', depth: 1, kind: 'document' },
    ]);
    await store.results.savePage(run, {
      url: 'https://e.jp/', depth: 0, auditedAt: 'now', findings: [finding(), finding({ kind: 'review' })],
      links: [
        { toUrl: 'https://e.jp/gone', text: '古いページ', area: 'main' },
        { toUrl: 'https://e.jp/a.pdf', text: '計画（PDF形式：12KB）', area: 'main' },
        { toUrl: 'https://e.jp/b.pdf', text: '様式', area: 'main' },
      ],
    });
    await store.results.savePage(run, { url: 'https://e.jp/gone', depth: 1, auditedAt: 'now', status: 404, error: { code: 'http-error', message: '404' } });
    await store.results.saveDocument(run, { url: 'https://e.jp/a.pdf', type: 'PDF', size: 12000, status: 200, checkedAt: 'now' });
    await store.results.saveDocument(run, { url: 'https://e.jp/b.pdf', type: 'PDF', status: 404, error: { code: 'http-error', message: '404' }, checkedAt: 'now' });
    await store.results.addError(run, { url: 'https://e.jp/gone', code: 'http-error', message: '404' });
    const docs = await store.results.documentsOfRun(run);
    expect(docs[0]).toMatchObject({ type: 'PDF', size: 12000, linkedFrom: [{ pageUrl: 'https://e.jp/', text: '計画（PDF形式：12KB）' }] });
    expect((await store.results.brokenLinksOfRun(run)).map((b) => b.toUrl)).toEqual(['https://e.jp/b.pdf', 'https://e.jp/gone']);
    expect(await store.results.errorsOfRun(run)).toMatchObject([{ url: 'https://e.jp/gone', code: 'http-error', attempt: 1 }]);
    expect(await store.runs.runSummary(run)).toMatchObject({
      pages: 2, pagesAudited: 1, pagesFailed: 1, documents: 2, brokenLinks: 2, errors: 1,
      findings: { violation: 1, review: 1, advisory: 0 }, frontier: { done: 2, failed: 2 },
    });
    expect(await store.runs.progressCounts(run)).toEqual({ frontier: { queued: 0, active: 0, done: 2, failed: 2 }, pagesFailed: 1, documents: 2, errors: 1 });
  });

  it('streams big runs in batches, and the caller may write between two items', async () => {
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    const other = await store.runs.createRun({ startUrls: [], config: {} });
    const urls = Array.from({ length: 1203 }, (_, i) => `https://e.jp/p${String(i).padStart(4, '0')}`);
    for (const [i, url] of urls.entries()) {
      await store.results.savePage(i % 3 ? run : other, { url, depth: 1, auditedAt: 'now', findings: [finding({ selector: `#a${i}` }), finding({ selector: `#b${i}`, kind: 'review' })], links: [{ toUrl: url + '/x', text: 'x', area: 'main' }] });
    }
    const mine = urls.filter((_, i) => i % 3);
    let seen = 0;
    for await (const p of store.results.iteratePages(run)) {
      expect(p.url).toBe(mine[seen++]);
      if (seen === 600) await store.results.addError(run, { url: p.url, code: 'internal', message: '途中で書き込み' });
    }
    expect(seen).toBe(mine.length);
    const fs = await collect(store.results.iterateFindings(run));
    expect(fs).toHaveLength(mine.length * 2);
    expect(fs.slice(0, 2).map((f) => f.selector)).toEqual(['#a1', '#b1']);
    expect((await collect(store.results.iterateFindings(run, { kind: 'review' }))).every((f) => f.kind === 'review' && f.runId === run)).toBe(true);
    expect(await collect(store.results.iterateLinks(run))).toHaveLength(mine.length);
    expect(await collect(store.results.iterateLinks(run, { fromUrl: mine[5] }))).toEqual([{ runId: run, fromUrl: mine[5], toUrl: mine[5] + '/x', text: 'x', area: 'main' }]);
  });

  it('validators: remembers a page, lists assets once, carries an unchanged page into the next run', async () => {
    const prev = await store.runs.createRun({ startUrls: [], config: {} });
    const css = { url: 'https://e.jp/a.css', etag: '"1"', lastModified: null, hash: 'c' };
    await store.results.savePage(prev, {
      url: 'https://e.jp/', depth: 0, auditedAt: '2026-01-01T00:00:00Z', contentHash: 'h', criteria: [crit('1.1.1', 'fail')],
      findings: [finding()], links: [{ toUrl: 'https://e.jp/a', text: 'A', area: 'nav' }, { toUrl: 'https://e.jp/b', text: 'B', area: 'main' }],
    });
    await store.results.replaceSiteFindings(prev, new Map([[1, [finding({ ruleId: 'site-duplicate-title', source: 'site', kind: 'review', criteria: ['2.4.2'] })]]]), (c) => c);
    await store.validators.remember(prev, 'https://e.jp/', { etag: '"p1"', lastModified: null, contentHash: 'h', assets: [css] });
    await store.validators.remember(prev, 'https://e.jp/x', { etag: null, lastModified: null, contentHash: 'x', assets: [{ ...css, hash: 'other' }] });
    expect(await store.validators.validatorsOf(prev, 'https://e.jp/')).toEqual({ etag: '"p1"', lastModified: null, contentHash: 'h', assets: [css] });
    expect(await store.validators.validatorsOf(prev, 'https://e.jp/none')).toBeNull();
    expect(await store.validators.assetsOfRun(prev)).toEqual([css]);

    const run = await store.runs.createRun({ startUrls: [], config: {} });
    await store.frontier.enqueue(run, [{ url: 'https://e.jp/', depth: 2, kind: 'page' }]);
    const r = await store.validators.carryOver(prev, run, { url: 'https://e.jp/', depth: 2 }, { etag: '"p2"', lastModified: null });
    expect(r.links).toEqual(['https://e.jp/a', 'https://e.jp/b']);
    const p = (await store.results.pageByUrl(run, 'https://e.jp/'))!;
    expect(p).toMatchObject({ depth: 2, contentHash: 'h', auditedAt: '2026-01-01T00:00:00Z', durationMs: 0, criteria: [crit('1.1.1', 'fail')] });
    expect((await store.results.findingsOfPage(p.id)).map((f) => f.ruleId)).toEqual(['image-alt']); // the site finding is recomputed, not copied
    expect(await store.validators.validatorsOf(run, 'https://e.jp/')).toEqual({ etag: '"p2"', lastModified: null, contentHash: 'h', assets: [css] });
    expect((await store.frontier.frontierCounts(run)).done).toBe(1);
  });

  it('hook log: verdicts with waiver uses, errors, on the store\'s connection', async () => {
    const waiver = { rule: 'image-alt', reason: '移行中', approvedBy: '広報広聴課', expires: '2027-03-31' };
    const id = await store.hookLog.logVerdict(
      { url: 'https://e.jp/new', verdict: 'pass', durationMs: 5, counts: { blocking: 0, review: 1, advisory: 0, waived: 1 }, policy: { source: 'p.json', hash: 'ph' },
        waived: [{ selector: 'img', waiver }], expiredWaivers: [{ finding: { selector: 'img.b' }, waiver: { ...waiver, expires: '2020-01-01' } }] },
      { channel: 'http', mode: 'html', source: '<html></html>', client: '127.0.0.1' },
    );
    const err = await store.hookLog.logError({ channel: 'cli', mode: 'url', url: 'https://e.jp/x', code: 'timeout', message: '時間切れ' });
    expect(await store.hookLog.recentVerdicts(5)).toMatchObject([
      { id: err, verdict: 'error', errorCode: 'timeout', channel: 'cli' },
      { id, verdict: 'pass', waived: 1, errorCode: null, mode: 'html' },
    ]);
    expect((await store.hookLog.waiverUses(id)).map((u) => `${u.status} ${u.findingSelector}`)).toEqual(['applied img', 'expired img.b']);
  });

  it('readonly: reads, and refuses to write', async () => {
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    const ro = await openStore(path.join(dir, 'x.sqlite'), { readonly: true });
    try {
      expect((await ro.runs.getRun(run))?.id).toBe(run);
      await expect(ro.runs.createRun({ startUrls: [], config: {} })).rejects.toThrow(/readonly/i);
    } finally {
      await ro.close();
    }
    await expect(openStore(path.join(dir, 'missing.sqlite'), { readonly: true })).rejects.toThrow();
  });
});

// ------------------------------------------------------------------------------------------ site checks

let nextId = 1;
const page = (url: string, title: string, nav: StoredPage['nav'] = [], hash = url): StoredPage => ({
  id: nextId++, runId: 1, url, finalUrl: url, status: 200, contentType: 'text/html', title, lang: 'ja', contentHash: hash,
  bytes: 1, depth: 0, auditedAt: 'now', durationMs: 1, error: null, criteria: [], nav, templateKey: null, widgetKey: null,
});

describe('site checks', () => {
  it('2.4.2: the same title on different pages, not on the same content served twice', () => {
    const a = page('https://e.jp/a', 'イベント情報｜県');
    const b = page('https://e.jp/b', 'イベント情報｜県');
    const c = page('https://e.jp/c', '別のページ｜県');
    const d1 = page('https://e.jp/d?x=1', '同じ内容', [], 'h');
    const d2 = page('https://e.jp/d?x=2', '同じ内容', [], 'h');
    const r = duplicateTitleFindings([a, b, c, d1, d2]);
    expect([...r.keys()]).toEqual([a.id, b.id]);
    expect(r.get(a.id)![0]).toMatchObject({ ruleId: 'site-duplicate-title', kind: 'review', source: 'site', criteria: ['2.4.2'] });
    expect(r.get(a.id)![0].message).toContain('https://e.jp/b');
  });

  it('3.2.3: a navigation block whose links, or blocks, come in another order', () => {
    const g = ['/', '/k', '/f', '/n'].map((p) => 'https://e.jp' + p);
    const std = [{ key: 'nav#gnav', hrefs: g }, { key: 'nav#fnav', hrefs: [g[0]] }];
    const pages = [page('https://e.jp/1', '1', std), page('https://e.jp/2', '2', std), page('https://e.jp/3', '3', std)];
    const swapped = page('https://e.jp/4', '4', [{ key: 'nav#gnav', hrefs: [g[0], g[2], g[1], g[3]] }, std[1]]);
    const moved = page('https://e.jp/5', '5', [std[1], std[0]]);
    const fewer = page('https://e.jp/6', '6', [{ key: 'nav#gnav', hrefs: [g[0], g[1], g[3]] }, std[1]]);
    const r = navOrderFindings([...pages, swapped, moved, fewer]);
    expect([...r.keys()].sort()).toEqual([swapped.id, moved.id].sort());
    expect(r.get(swapped.id)![0]).toMatchObject({ ruleId: 'site-nav-order', criteria: ['3.2.3'], kind: 'review' });
  });

  it('3.2.4: the same destination named differently in navigation areas', () => {
    const pages = [page('https://e.jp/1', '1'), page('https://e.jp/2', '2'), page('https://e.jp/3', '3')];
    const links: Record<string, { toUrl: string; text: string; area: string }[]> = {
      'https://e.jp/1': [{ toUrl: 'https://e.jp/k/', text: 'くらし・環境', area: 'nav' }, { toUrl: 'https://e.jp/', text: 'みどり県', area: 'nav' }, { toUrl: 'https://e.jp/', text: 'トップページ', area: 'nav' }],
      'https://e.jp/2': [{ toUrl: 'https://e.jp/k/', text: 'くらし・環境', area: 'nav' }, { toUrl: 'https://e.jp/', text: 'みどり県', area: 'nav' }, { toUrl: 'https://e.jp/', text: 'トップページ', area: 'nav' }, { toUrl: 'https://e.jp/k/', text: 'ここ', area: 'main' }],
      'https://e.jp/3': [{ toUrl: 'https://e.jp/k/', text: '暮らし', area: 'nav' }, { toUrl: 'https://e.jp/', text: 'みどり県', area: 'nav' }, { toUrl: 'https://e.jp/', text: 'トップページ', area: 'nav' }],
    };
    const r = linkNameFindings(pages, (u) => links[u]);
    expect([...r.keys()]).toEqual([pages[2].id]);
    expect(r.get(pages[2].id)![0]).toMatchObject({ ruleId: 'site-link-name-consistency', criteria: ['3.2.4'] });
    expect(r.get(pages[2].id)![0].message).toContain('暮らし');
  });

  it('merges into stored criteria once, even when rerun (resume)', async () => {
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    for (const p of ['a', 'b']) {
      await store.frontier.enqueue(run, [{ url: `https://e.jp/${p}`, depth: 0, kind: 'page' }]);
      await store.results.savePage(run, { url: `https://e.jp/${p}`, title: '同じ', depth: 0, auditedAt: 'now', contentHash: p, criteria: [crit('2.4.2', 'pass'), crit('1.1.1', 'fail')] });
    }
    expect(await runSiteChecks(store, run)).toBe(2);
    expect(await runSiteChecks(store, run)).toBe(2);
    const a = (await store.results.pageByUrl(run, 'https://e.jp/a'))!;
    expect(a.criteria.find((c) => c.id === '2.4.2')).toMatchObject({ outcome: 'review', counts: { review: 1 } });
    expect(a.criteria.find((c) => c.id === '1.1.1')?.outcome).toBe('fail');
    expect(await store.results.pageAuditCriteria(a.id)).toEqual([crit('2.4.2', 'pass'), crit('1.1.1', 'fail')]);
    expect(await collect(store.results.iterateFindings(run, { source: 'site' }))).toHaveLength(2);
  });

  it('3.2.4 on the store: the same destination named differently in navigation (pages in error left out)', async () => {
    const run = await store.runs.createRun({ startUrls: [], config: {} });
    const nav = (text: string) => [{ toUrl: 'https://e.jp/k/', text, area: 'nav' as const }, { toUrl: 'https://e.jp/k/', text: 'ここ', area: 'main' as const }];
    for (const [p, text] of [['1', 'くらし・環境'], ['2', 'くらし・環境'], ['3', '暮らし']]) {
      await store.results.savePage(run, { url: `https://e.jp/${p}`, title: p, depth: 0, auditedAt: 'now', contentHash: p, links: nav(text) });
    }
    await store.results.savePage(run, { url: 'https://e.jp/4', depth: 0, auditedAt: 'now', error: { code: 'timeout', message: '時間切れ' }, links: nav('別名') });
    expect(await runSiteChecks(store, run)).toBe(1);
    const [f] = await collect(store.results.iterateFindings(run, { source: 'site' }));
    expect(f).toMatchObject({ ruleId: 'site-link-name-consistency', pageUrl: 'https://e.jp/3', criteria: ['3.2.4'] });
    expect(f.message).toContain('暮らし');
  });
});
