import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../crawler/store/store.js';
import { targetCriteria } from '../../rules-jis/criteria.js';
import type { CriterionResult, Finding, Outcome } from '../../rules-jis/types.js';
import { JudgementFormatError } from '../../rules-jis/judgements.js';
import { parseJudgementCsv, parseJudgementJson } from '../../rules-jis/judgement-import.js';
import { buildReportModel } from '../../reports/model.js';

const O = 'https://pref.example.jp';
const criteria = (over: Record<string, Outcome>): CriterionResult[] =>
  targetCriteria('AA').map((c) => ({ id: c.wcag, level: c.level, outcome: over[c.wcag] ?? 'pass', counts: { violation: over[c.wcag] === 'fail' ? 1 : 0, review: over[c.wcag] === 'review' ? 1 : 0, advisory: 0 } }));
const finding = (ruleId: string, crit: string, kind: Finding['kind'], selector: string, html: string): Finding => ({
  ruleId, source: 'axe', kind, criteria: [crit], impact: 'serious', selector, html, message: 'm', help: 'h', helpUrl: '',
});

function freshStore(): Promise<Store> {
  return openStore(path.join(mkdtempSync(path.join(os.tmpdir(), 'jis-judge-')), 's.sqlite'));
}

/** One run of three pages: top (1.1.1 review from one finding), news-1 (2.4.6 untested), news-2 (1.1.1 fail). */
async function crawl(store: Store, hashes: Record<string, string>, snippet = '<img src="a.png" alt="写真">'): Promise<number> {
  const run = await store.runs.createRun({ startUrls: [O + '/'], config: {}, target: 'AA' });
  await store.results.savePage(run, { url: O + '/', depth: 0, auditedAt: new Date().toISOString(), title: 'トップ', contentHash: hashes['/'], criteria: criteria({ '1.1.1': 'review', '2.4.6': 'untested' }), findings: [finding('image-alt-review', '1.1.1', 'review', 'img.photo', snippet)] });
  await store.results.savePage(run, { url: O + '/news/1.html', depth: 1, auditedAt: new Date().toISOString(), title: 'お知らせ1', contentHash: hashes['/news/1.html'], criteria: criteria({ '2.4.6': 'untested' }) });
  await store.results.savePage(run, { url: O + '/news/2.html', depth: 1, auditedAt: new Date().toISOString(), title: 'お知らせ2', contentHash: hashes['/news/2.html'], criteria: criteria({ '1.1.1': 'fail', '2.4.6': 'untested' }), findings: [finding('image-alt', '1.1.1', 'violation', 'img', '<img src="b.png">')] });
  await store.runs.updateRun(run, { status: 'finished', finishedAt: new Date().toISOString() });
  return run;
}
const H1 = { '/': 'h-top-1', '/news/1.html': 'h-n1-1', '/news/2.html': 'h-n2-1' };
const outcome = async (store: Store, run: number, url: string, id: string) => (await buildReportModel(store, { runId: run })).pages.find((p) => p.url === O + url)!.criteria.find((c) => c.id === id)!;

describe('human judgements', () => {
  it('a page judgement outranks untested, and gives 「再確認」 (not an older result) when the page content changes', async () => {
    const store = await freshStore();
    const r1 = await crawl(store, H1);
    await store.judgements.recordJudgements([{ criterion: '2.4.6', result: 'pass', who: '広報広聴課 山田', note: '見出しは内容を表している', scope: { type: 'page', url: O + '/news/1.html' } }]);
    expect((await outcome(store, r1, '/news/1.html', '2.4.6')).outcome).toBe('pass');
    expect((await outcome(store, r1, '/news/1.html', '2.4.6')).reason).toContain('山田');
    expect((await outcome(store, r1, '/', '2.4.6')).outcome).toBe('untested');
    // next crawl: news-1 changed, so the judgement no longer decides it: a person must judge again
    const r2 = await crawl(store, { ...H1, '/news/1.html': 'h-n1-2' });
    const m = await buildReportModel(store, { runId: r2 });
    expect(m.pages.find((p) => p.url === O + '/news/1.html')!.criteria.find((c) => c.id === '2.4.6')!.outcome).toBe('recheck');
    expect(m.judgements.stale).toHaveLength(1);
    expect(m.judgements.stale[0].urls).toEqual([O + '/news/1.html']);
    await store.close();
  });

  it('a judgement never overrides an automated violation; precedence page > pattern > site', async () => {
    const store = await freshStore();
    const r = await crawl(store, H1);
    // a site-wide ○ on 1.1.1 while news-2 fails it is refused when recorded (rules-jis/judgement-conflicts.ts)
    await expect(store.judgements.recordJudgements([{ criterion: '1.1.1', result: 'pass', scope: { type: 'site' } }])).rejects.toThrow(/1\.1\.1.*news\/2\.html/);
    await store.judgements.recordJudgements([
      { criterion: '1.1.1', result: 'pass', scope: { type: 'page', url: O + '/' }, when: '2026-11-01T00:00:00Z' },
      { criterion: '2.4.6', result: 'pass', scope: { type: 'site' }, when: '2026-11-01T00:00:00Z' },
      { criterion: '2.4.6', result: 'fail', note: 'お知らせの見出しが「お知らせ」だけ', scope: { type: 'pattern', pattern: '/news/**' }, when: '2026-11-02T00:00:00Z' },
      { criterion: '2.4.6', result: 'pass', scope: { type: 'page', url: O + '/news/2.html' }, when: '2026-10-01T00:00:00Z' },
    ]);
    expect((await outcome(store, r, '/news/2.html', '1.1.1')).outcome).toBe('fail'); // violation stands
    expect((await outcome(store, r, '/', '1.1.1')).outcome).toBe('pass'); // page judgement over review
    expect((await outcome(store, r, '/', '2.4.6')).outcome).toBe('pass'); // site
    expect((await outcome(store, r, '/news/1.html', '2.4.6')).outcome).toBe('fail'); // pattern beats site
    expect((await outcome(store, r, '/news/2.html', '2.4.6')).outcome).toBe('pass'); // page beats pattern even if older
    const m = await buildReportModel(store, { runId: r });
    const row = m.checklist.find((c) => c.id === '2.4.6')!;
    expect(row.outcome).toBe('fail');
    expect(row.note).toContain('お知らせの見出し');
    await store.close();
  });

  it('a finding judgement: pass dismisses the review finding; 「再確認」 once the snippet changes; fail makes it fail', async () => {
    const store = await freshStore();
    const r1 = await crawl(store, H1);
    await store.judgements.recordJudgements([{ criterion: '1.1.1', result: 'pass', scope: { type: 'finding', url: O + '/', ruleId: 'image-alt-review', selector: 'img.photo' } }]);
    expect((await outcome(store, r1, '/', '1.1.1')).outcome).toBe('pass');
    const r2 = await crawl(store, H1, '<img src="a.png" alt="画像">');
    expect((await outcome(store, r2, '/', '1.1.1')).outcome).toBe('recheck');
    const [id] = await store.judgements.recordJudgements([{ criterion: '1.1.1', result: 'fail', scope: { type: 'finding', url: O + '/', ruleId: 'image-alt-review', selector: 'img.photo' } }], { runId: r2 });
    expect((await outcome(store, r2, '/', '1.1.1')).outcome).toBe('fail');
    await store.judgements.revokeJudgement(id);
    // the judgement on the old snippet is still the newest on this element
    expect((await outcome(store, r2, '/', '1.1.1')).outcome).toBe('recheck');
    expect(await store.judgements.listJudgements({ includeRevoked: true })).toHaveLength(2);
    await store.close();
  });

  it('imports the extension JSON format (docs/judgement-format.md) plus other scopes', async () => {
    const doc = {
      format: 'jis-a11y-judgements',
      version: 1,
      judgements: [
        { criterion: '1.3.3', result: 'pass', note: '色や形だけで示す説明はない', who: '拡張機能 佐藤', when: '2026-11-20T10:00:00+09:00', scope: { type: 'page', url: O + '/news/1.html' } },
        { criterion: '2.1.1', result: 'inapplicable', scope: { type: 'site' } },
      ],
      result: { schemaVersion: '1.0.0', pages: [] },
    };
    const js = parseJudgementJson(JSON.stringify(doc));
    expect(js).toHaveLength(2);
    expect(js[0]).toMatchObject({ criterion: '1.3.3', result: 'pass', who: '拡張機能 佐藤', scope: { type: 'page', url: O + '/news/1.html' } });
    expect(js[0].when).toBe('2026-11-20T01:00:00.000Z');
    expect(() => parseJudgementJson(JSON.stringify({ ...doc, format: 'other' }))).toThrow(JudgementFormatError);
    expect(() => parseJudgementJson(JSON.stringify({ ...doc, extra: 1 }))).toThrow(/extra/);
    expect(() => parseJudgementJson(JSON.stringify({ ...doc, result: null }))).not.toThrow();
    expect(() => parseJudgementJson(JSON.stringify({ ...doc, judgements: [{ criterion: '1.4.6', result: 'pass', scope: { type: 'site' } }] }))).toThrow(/AAA/);
    const store = await freshStore();
    const r = await crawl(store, H1);
    await store.judgements.recordJudgements(js, { source: 'json:test' });
    expect((await outcome(store, r, '/news/1.html', '1.3.3')).outcome).toBe('pass');
    await store.close();
  });

  it('imports a CSV with Japanese headings and ○ / × / − marks', async () => {
    const csv = '\uFEFF達成基準,結果,注記,確認者,URL,pattern\r\n"1.4.1 色の使用",○,"色だけで区別していない, 確認済み",田中,,/news/**\r\n2.4.6,×,,田中,https://pref.example.jp/,\r\n3.3.2,−,,田中,,\r\n';
    const js = parseJudgementCsv(csv);
    expect(js.map((j) => [j.criterion, j.result, j.scope.type])).toEqual([
      ['1.4.1', 'pass', 'pattern'],
      ['2.4.6', 'fail', 'page'],
      ['3.3.2', 'inapplicable', 'site'],
    ]);
    expect(js[0].note).toBe('色だけで区別していない, 確認済み');
    expect(() => parseJudgementCsv('criterion,result\n1.1.1,たぶん\n')).toThrow(/2 行目/);
  });
});
