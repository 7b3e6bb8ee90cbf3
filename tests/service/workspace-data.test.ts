// The workspace's test data API (issue 15 items 2, 3, 5, 6; ws-data) over real HTTP on 127.0.0.1 and a real
// SQLite store: the demo's (the sample site crawled in real Chromium). What a person would check: the sheet says
// what the 試験結果 says, page by page, and pages on the server; a judgement the claim rules refuse is refused with
// the reason (and nothing is recorded); one decision in the review queue covers every page of the template and
// says which; approving writes the five published files as version 1, and a change makes version 2 while version 1
// stays byte for byte; every write is in the audit log.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../reports/model.js';
import { REPORT_FILES } from '../../reports/generate.js';
import { demoStoreFile, startWsServer, type WsServer } from './workspace-harness.js';

let s: WsServer;

beforeAll(async () => {
  s = await startWsServer(await demoStoreFile());
}, 300_000);

afterAll(async () => s?.close());

const testId = async () => (await s.store.tests.list()).at(-1)!.id;

describe('the sheet', () => {
  it('pages on the server: every selected page once over the pages, 38 criteria a row', async () => {
    const first = await s.call('GET', '/api/v1/ws/sheet?limit=5');
    expect(first.status).toBe(200);
    const { total } = first.json;
    expect(first.json.criteria).toHaveLength(38);
    expect(first.json.pages).toHaveLength(5);
    expect(first.json.cells).toHaveLength(5 * 38);
    const seen: string[] = [];
    for (let offset = 0; offset < total; offset += 7) {
      const r = await s.call('GET', `/api/v1/ws/sheet?limit=7&offset=${offset}`);
      seen.push(...r.json.pages.map((p: { url: string }) => p.url));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const past = await s.call('GET', `/api/v1/ws/sheet?limit=7&offset=${total}`);
    expect(past.json.pages).toEqual([]);
    expect((await s.call('GET', '/api/v1/ws/sheet?limit=100000')).status).toBe(400);
  });

  it('says what the 試験結果 says: each cell is the report model’s outcome of that page and criterion', async () => {
    const m = await buildReportModel(s.store, { testId: await testId() });
    const r = await s.call('GET', '/api/v1/ws/sheet?limit=200');
    const word = (o: string, judged: boolean) => (o === 'fail' ? (judged ? 'fail-judged' : 'fail') : o === 'inapplicable' ? 'na' : o);
    for (const c of r.json.cells) {
      const page = m.pages.find((p) => p.url === c.pageUrl)!;
      const crit = page.criteria.find((x) => x.id === c.criterion);
      expect(c.state, `${c.pageUrl} ${c.criterion}`).toBe(crit ? word(crit.outcome, !!crit.judgement) : 'untested');
    }
  });

  it('filters by state and criterion on the server (the total counts the rows that keep a cell)', async () => {
    const r = await s.call('GET', '/api/v1/ws/sheet?state=fail&limit=200');
    expect(r.json.cells.length).toBeGreaterThan(0);
    expect(r.json.cells.every((c: { state: string }) => c.state === 'fail')).toBe(true);
    expect(r.json.total).toBe(new Set(r.json.cells.map((c: { pageUrl: string }) => c.pageUrl)).size);
    const one = await s.call('GET', '/api/v1/ws/sheet?criterion=1.1.1&limit=3');
    expect(one.json.criteria.map((c: { id: string }) => c.id)).toEqual(['1.1.1']);
    expect(one.json.cells.every((c: { criterion: string }) => c.criterion === '1.1.1')).toBe(true);
    const bad = await s.call('GET', '/api/v1/ws/sheet?state=maru');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('maru');
  });
});

describe('judgements', () => {
  it('refuses a ○ over an automated violation with the reason, as the CLI does, and records nothing', async () => {
    const fail = (await s.call('GET', '/api/v1/ws/sheet?state=fail&limit=1')).json.cells[0];
    const before = (await s.store.tests.judgementsOf(await testId())).length;
    const r = await s.call('POST', '/api/v1/ws/judgements', { as: 'tester', body: { criterion: fail.criterion, pageUrl: fail.pageUrl, result: 'pass', note: '確認しました' } });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('refused');
    expect(r.json.error.message).toContain(`達成基準 ${fail.criterion} に ○ は付けられません`);
    expect(r.json.error.message).toContain(fail.pageUrl);
    expect((await s.store.tests.judgementsOf(await testId())).length).toBe(before);
  });

  it('refuses a template judgement where the kit judges the criterion per page', async () => {
    const cell = (await s.call('GET', '/api/v1/ws/sheet?criterion=1.1.1&limit=1')).json;
    const r = await s.call('POST', '/api/v1/ws/judgements', { as: 'tester', body: { criterion: '1.1.1', template: cell.pages[0].template, result: 'pass' } });
    expect(r.status).toBe(422);
    expect(r.json.error.message).toContain('ページごとに判断してください');
  });

  it('records a judgement of the signed-in person; the cell shows it and the audit log has it', async () => {
    const open = (await s.call('GET', '/api/v1/ws/sheet?state=untested&criterion=1.3.3&limit=1')).json.cells[0];
    const r = await s.call('POST', '/api/v1/ws/judgements', { as: 'tester', body: { criterion: '1.3.3', pageUrl: open.pageUrl, result: 'pass', note: '<b>形や位置だけの指示なし</b>' } });
    expect(r.status).toBe(201);
    expect(r.json.judgement).toMatchObject({ criterion: '1.3.3', result: 'pass', who: 'kakunin さん' });
    const after = (await s.call('GET', `/api/v1/ws/sheet?criterion=1.3.3&page=${encodeURIComponent(open.pageUrl)}`)).json.cells[0];
    expect(after).toMatchObject({ state: 'pass', judgement: { id: r.json.judgement.id } });
    const audit = await s.store.audit.list({ limit: 5 });
    expect(audit.items.some((e) => e.action === 'judgement.record' && e.actor === 'kakunin' && e.target === `judgement:${r.json.judgement.id}`)).toBe(true);
  });

  it('assigns a criterion with a due date (承認者); a bad date is refused in Japanese', async () => {
    const ok = await s.call('POST', '/api/v1/ws/assignments', { as: 'approver', body: { criterion: '1.4.1', assignee: 'kakunin', due: '2026-12-25' } });
    expect(ok.status).toBe(201);
    const r = await s.call('GET', '/api/v1/ws/sheet?assignee=kakunin&limit=200');
    expect(r.json.cells.length).toBe(r.json.total);
    expect(r.json.cells.every((c: { criterion: string; due: string }) => c.criterion === '1.4.1' && c.due === '2026-12-25')).toBe(true);
    const bad = await s.call('POST', '/api/v1/ws/assignments', { as: 'approver', body: { criterion: '1.4.1', assignee: 'kakunin', due: '12/25' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('YYYY-MM-DD');
  });
});

describe('the review queue', () => {
  it('groups 要確認 by rule × template and applies one decision to every page of the group, listing them', async () => {
    const q = await s.call('GET', '/api/v1/ws/queue');
    expect(q.status).toBe(200);
    const g = q.json.groups.find((x: { count: number }) => x.count > 1);
    expect(g, 'a group with several pages').toBeDefined();
    expect(g.pages).toHaveLength(g.count);
    const r = await s.call('POST', '/api/v1/ws/queue/decide', { as: 'tester', body: { rule: g.rule, template: g.template, criterion: g.criteria[0], result: 'fail', note: 'テンプレートの問題' } });
    expect(r.status).toBe(201);
    expect([...r.json.pages].sort()).toEqual(g.pages.map((p: { url: string }) => p.url).sort());
    // every page of the group now fails the criterion by a person's judgement
    for (const url of r.json.pages) {
      const c = (await s.call('GET', `/api/v1/ws/sheet?criterion=${g.criteria[0]}&page=${encodeURIComponent(url)}`)).json.cells.find((x: { pageUrl: string }) => x.pageUrl === url);
      if (c) expect(c.state).toBe('fail-judged');
    }
    const audit = await s.store.audit.list({ limit: 5 });
    expect(audit.items.find((e) => e.action === 'queue.decide')?.after).toMatchObject({ pages: r.json.pages });
  });
});

describe('approval and versions', () => {
  it('refuses approval while the claim rules refuse the claim, and shows why', async () => {
    const a = await s.call('GET', '/api/v1/ws/approval');
    expect(a.json.ready).toBe(false);
    expect(a.json.blockers.join('')).toContain('対応度は表記できません');
    const html = readFileSync(path.join(s.reportsDir, a.json.draftUrl.replace(/^\/reports\//, '')), 'utf8');
    expect(html).toContain('試験未完了');
    const r = await s.call('POST', '/api/v1/ws/approval', { as: 'approver' });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('refused');
    expect(await s.store.workspaceData.versions(await testId())).toEqual([]);
  });

  it('approving writes HTML, fragment, XLSX, PDF and JSON as version 1; a change makes version 2 and version 1 stays', async () => {
    const id = await testId();
    // a tester completes the test (every open cell, page by page) and the body writes its 今後の対応方針
    const missing = (await buildReportModel(s.store, { testId: id })).claim.missing;
    await s.store.judgements.recordJudgements(
      missing.flatMap((m) => m.pages.map((p) => ({ criterion: m.criterion, result: 'pass' as const, who: '試験担当', note: '手順書に沿って確認', scope: { type: 'page' as const, url: p.url } }))),
      { testId: id },
    );
    const t = (await s.store.tests.get(id))!;
    await s.store.tests.updateStatement(id, { ...t.statement, futurePlan: '令和9年3月までにテンプレートを改修します。' });
    const ready = await s.call('GET', '/api/v1/ws/approval');
    expect(ready.json).toMatchObject({ ready: true, blockers: [] });
    const draft = readFileSync(path.join(s.reportsDir, ready.json.draftUrl.replace(/^\/reports\//, '')), 'utf8');

    const v1 = await s.call('POST', '/api/v1/ws/approval', { as: 'approver' });
    expect(v1.status).toBe(201);
    expect(v1.json.version).toMatchObject({ version: 1, approvedBy: 'shonin' });
    const dir1 = path.join(s.reportsDir, v1.json.version.folder);
    for (const f of [REPORT_FILES.testResult, REPORT_FILES.fragment, REPORT_FILES.xlsx, REPORT_FILES.testResultPdf, REPORT_FILES.testResultJson]) expect(statSync(path.join(dir1, f)).size, f).toBeGreaterThan(0);
    const html1 = readFileSync(path.join(dir1, REPORT_FILES.testResult), 'utf8');
    // the draft was the page as published (only the moment it was generated may differ)
    const strip = (h: string) => h.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '').replace(/生成[^<]*/g, '');
    expect(strip(html1)).toBe(strip(draft));
    expect((await s.store.tests.get(id))!.statement.statementDate).toBe(v1.json.version.statementDate);
    expect(readFileSync(path.join(dir1, REPORT_FILES.testResultPdf)).subarray(0, 5).toString()).toBe('%PDF-');

    // nothing changed: no new version
    const same = await s.call('POST', '/api/v1/ws/approval', { as: 'approver' });
    expect(same.status).toBe(409);

    // a change after approval: a new version, the old one kept as it was
    const json1 = readFileSync(path.join(dir1, REPORT_FILES.testResultJson));
    const open = (await s.call('GET', '/api/v1/ws/sheet?criterion=3.1.2&limit=1')).json.cells[0];
    expect((await s.call('POST', '/api/v1/ws/judgements', { as: 'tester', body: { criterion: '3.1.2', pageUrl: open.pageUrl, result: 'fail', note: '英語の段落に lang がない' } })).status).toBe(201);
    expect((await s.call('GET', '/api/v1/ws/approval')).json.changedSinceApproval).toBe(true);
    const v2 = await s.call('POST', '/api/v1/ws/approval', { as: 'approver' });
    expect(v2.status).toBe(201);
    expect(v2.json.version.version).toBe(2);
    expect(v2.json.version.folder).not.toBe(v1.json.version.folder);
    expect(readFileSync(path.join(dir1, REPORT_FILES.testResultJson)).equals(json1)).toBe(true);
    const versions = (await s.call('GET', '/api/v1/ws/approval')).json.versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const audit = await s.store.audit.list({ limit: 20 });
    expect(audit.items.filter((e) => e.action === 'test.approve').map((e) => e.target)).toEqual([`test:${id}:v2`, `test:${id}:v1`]);
  }, 120_000);
});

describe('the dashboard', () => {
  it('shows the runs, the test’s completion and the claim its 試験結果 would state today', async () => {
    const d = await s.call('GET', '/api/v1/ws/dashboard');
    expect(d.status).toBe(200);
    expect(d.json.runs.length).toBeGreaterThan(0);
    expect(d.json.runs[0].config).toBeUndefined();
    const m = await buildReportModel(s.store, { testId: await testId() });
    expect(d.json.test.claim.text).toBe(m.claim.text);
    expect(d.json.test.completion.cells).toBe(38 * m.pages.filter((p) => p.selected).length);
    expect(d.json.trend[0].year).toBeGreaterThan(2000);
  });
});
