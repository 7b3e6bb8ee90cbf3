// Unit tests: the SQLite store (frontier, pages, findings, documents, broken links, resume) and the site checks.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type CrawlStore, type StoredPage } from '../../crawler/store/crawl-store.js';
import { runSiteChecks } from '../../crawler/crawl/site-checks.js';
import { duplicateTitleFindings } from '../../rules-jis/site/duplicate-title.js';
import { linkNameFindings } from '../../rules-jis/site/link-names.js';
import { navOrderFindings } from '../../rules-jis/site/nav-order.js';
import type { CriterionResult, Finding } from '../../rules-jis/types.js';

let dir: string;
let store: CrawlStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-store-'));
  store = openStore(path.join(dir, 'x.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'image-alt', source: 'axe', kind: 'violation', criteria: ['1.1.1'], impact: 'critical', selector: 'img', html: '<img>',
  message: '画像に代替テキストがありません', help: 'alt を付けてください', helpUrl: 'https://example', ...over,
});
const crit = (id: string, outcome: CriterionResult['outcome']): CriterionResult => ({ id, level: 'A', outcome, counts: { violation: 0, review: 0, advisory: 0 } });

describe('CrawlStore', () => {
  it('runs: create, update, list, latest', () => {
    const a = store.createRun({ startUrls: ['https://e.jp/'], config: { x: 1 } });
    const b = store.createRun({ startUrls: ['https://e.jp/'], config: {}, label: '定期検査' });
    store.updateRun(a, { status: 'finished', finishedAt: '2026-11-25T00:00:00Z' });
    expect(store.listRuns().map((r) => r.id)).toEqual([b, a]);
    expect(store.getRun(a)).toMatchObject({ status: 'finished', config: { x: 1 }, target: 'AA', startUrls: ['https://e.jp/'] });
    expect(store.latestRun('finished')?.id).toBe(a);
    expect(store.latestRun()?.label).toBe('定期検査');
    expect(store.getRun(999)).toBeNull();
  });

  it('frontier: dedupes, caps pages, takes shallowest first, requeues and resets in-flight entries', () => {
    const run = store.createRun({ startUrls: [], config: {} });
    const added = store.enqueue(run, [
      { url: 'https://e.jp/a', depth: 1, kind: 'page' },
      { url: 'https://e.jp/', depth: 0, kind: 'page' },
      { url: 'https://e.jp/a', depth: 0, kind: 'page' },
      { url: 'https://e.jp/x.pdf', depth: 2, kind: 'document' },
      { url: 'https://e.jp/b', depth: 1, kind: 'page' },
    ], 2);
    expect(added).toEqual(['https://e.jp/a', 'https://e.jp/', 'https://e.jp/x.pdf']);
    const first = store.takeQueued(run, 2);
    expect(first.map((i) => i.url)).toEqual(['https://e.jp/', 'https://e.jp/a']);
    expect(store.frontierCounts(run)).toEqual({ queued: 1, active: 2, done: 0, failed: 0 });
    store.requeue(run, 'https://e.jp/a');
    expect(store.takeQueued(run, 5).find((i) => i.url === 'https://e.jp/a')?.attempts).toBe(1);
    expect(store.resetActive(run)).toBe(3);
    expect(store.frontierCounts(run).queued).toBe(3);
  });

  it('pages: one transaction with findings and links, replaced on rewrite, read back typed', () => {
    const run = store.createRun({ startUrls: [], config: {} });
    store.enqueue(run, [{ url: 'https://e.jp/', depth: 0, kind: 'page' }]);
    const rec = {
      url: 'https://e.jp/', title: 'トップ', lang: 'ja', depth: 0, auditedAt: '2026-11-25T00:00:00Z', status: 200, contentHash: 'abc',
      criteria: [crit('1.1.1', 'fail')], findings: [finding(), finding({ ruleId: 'source-parse', source: 'source', line: 3, column: 5 })],
      links: [{ toUrl: 'https://e.jp/a', text: 'A', area: 'nav' as const }], nav: [{ key: 'nav#gnav', hrefs: ['https://e.jp/a'] }],
    };
    store.savePage(run, rec);
    store.savePage(run, rec); // a page audited again (resume) replaces its row, findings and links
    expect(store.pagesOfRun(run)).toHaveLength(1);
    const p = store.pageByUrl(run, 'https://e.jp/')!;
    expect(p).toMatchObject({ title: 'トップ', status: 200, error: null, nav: [{ key: 'nav#gnav' }] });
    expect(p.criteria[0].outcome).toBe('fail');
    const fs = store.findingsOfRun(run);
    expect(fs).toHaveLength(2);
    expect(fs[1]).toMatchObject({ ruleId: 'source-parse', line: 3, column: 5, pageUrl: 'https://e.jp/' });
    expect(store.findingsOfRun(run, { source: 'axe' })).toHaveLength(1);
    expect(store.findingsOfPage(p.id)).toHaveLength(2);
    expect(store.linksOfRun(run)).toHaveLength(1);
    expect(store.frontierCounts(run).done).toBe(1);
  });

  it('documents with linking pages, broken links, errors and the run summary', () => {
    const run = store.createRun({ startUrls: [], config: {} });
    store.enqueue(run, [
      { url: 'https://e.jp/', depth: 0, kind: 'page' },
      { url: 'https://e.jp/gone', depth: 1, kind: 'page' },
      { url: 'https://e.jp/a.pdf', depth: 1, kind: 'document' },
      { url: 'https://e.jp/b.pdf', depth: 1, kind: 'document' },
    ]);
    store.savePage(run, {
      url: 'https://e.jp/', depth: 0, auditedAt: 'now', findings: [finding(), finding({ kind: 'review' })],
      links: [
        { toUrl: 'https://e.jp/gone', text: '古いページ', area: 'main' },
        { toUrl: 'https://e.jp/a.pdf', text: '計画（PDF形式：12KB）', area: 'main' },
        { toUrl: 'https://e.jp/b.pdf', text: '様式', area: 'main' },
      ],
    });
    store.savePage(run, { url: 'https://e.jp/gone', depth: 1, auditedAt: 'now', status: 404, error: { code: 'http-error', message: '404' } });
    store.saveDocument(run, { url: 'https://e.jp/a.pdf', type: 'PDF', size: 12000, status: 200, checkedAt: 'now' });
    store.saveDocument(run, { url: 'https://e.jp/b.pdf', type: 'PDF', status: 404, error: { code: 'http-error', message: '404' }, checkedAt: 'now' });
    store.addError(run, { url: 'https://e.jp/gone', code: 'http-error', message: '404' });
    const docs = store.documentsOfRun(run);
    expect(docs[0]).toMatchObject({ type: 'PDF', size: 12000, linkedFrom: [{ pageUrl: 'https://e.jp/', text: '計画（PDF形式：12KB）' }] });
    expect(store.brokenLinksOfRun(run).map((b) => b.toUrl)).toEqual(['https://e.jp/b.pdf', 'https://e.jp/gone']);
    expect(store.errorsOfRun(run)).toHaveLength(1);
    expect(store.runSummary(run)).toMatchObject({
      pages: 2, pagesAudited: 1, pagesFailed: 1, documents: 2, brokenLinks: 2, errors: 1,
      findings: { violation: 1, review: 1, advisory: 0 }, frontier: { done: 2, failed: 2 },
    });
  });
});

// ------------------------------------------------------------------------------------------ site checks

let nextId = 1;
const page = (url: string, title: string, nav: StoredPage['nav'] = [], hash = url): StoredPage => ({
  id: nextId++, runId: 1, url, finalUrl: url, status: 200, contentType: 'text/html', title, lang: 'ja', contentHash: hash,
  bytes: 1, depth: 0, auditedAt: 'now', durationMs: 1, error: null, criteria: [], nav,
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

  it('merges into stored criteria once, even when rerun (resume)', () => {
    const run = store.createRun({ startUrls: [], config: {} });
    for (const p of ['a', 'b']) {
      store.enqueue(run, [{ url: `https://e.jp/${p}`, depth: 0, kind: 'page' }]);
      store.savePage(run, { url: `https://e.jp/${p}`, title: '同じ', depth: 0, auditedAt: 'now', contentHash: p, criteria: [crit('2.4.2', 'pass'), crit('1.1.1', 'fail')] });
    }
    expect(runSiteChecks(store, run)).toBe(2);
    expect(runSiteChecks(store, run)).toBe(2);
    const a = store.pageByUrl(run, 'https://e.jp/a')!;
    expect(a.criteria.find((c) => c.id === '2.4.2')).toMatchObject({ outcome: 'review', counts: { review: 1 } });
    expect(a.criteria.find((c) => c.id === '1.1.1')?.outcome).toBe('fail');
    expect(store.findingsOfRun(run, { source: 'site' })).toHaveLength(2);
  });
});
