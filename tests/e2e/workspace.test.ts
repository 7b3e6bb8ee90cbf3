// The end-to-end walk of the workspace (issue 15 "Done when"), in real headless Chromium driven from vitest: the real
// service (`jis-a11y serve`: createService on 127.0.0.1 with the merged sign-in, data and page routes) over a real
// SQLite store with the sample site crawled (the demo's store, tests/service/workspace-harness.ts), people made in the
// store as `jis-a11y users add` makes them. A 管理 starts a crawl and sees it running; a 確認者 opens the sheet, judges
// a cell in the page view (the note with HTML in it comes back as text), tries a ○ over an automated × and reads the
// server's reason, carries one decision over a template from the review queue; the rest of the test is completed and
// a 承認者 approves it and gets the published files. The server itself refuses a 閲覧's write and a write without
// x-csrf-token. A screenshot of each screen goes to tests/artifacts/workspace/ (git-ignored) for a reviewer.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../crawler/page/browser.js';
import { gatherPage } from '../../crawler/page/gather-page.js';
import { buildReportModel } from '../../reports/model.js';
import { buildWorkspace } from '../../workspace/build.js';
import { startHarness, type Harness } from '../service/harness.js';
import { demoStoreFile } from '../service/workspace-harness.js';
import { addUser } from '../service/workspace-client.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts/workspace');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `walk-${name}.png`), fullPage: true });

let h: Harness;
let browser: Browser;
let release: () => void = () => undefined;
const gate = new Promise<void>((r) => (release = r));
const passwords: Record<string, string> = {};
const EVIL_NOTE = '<img src=x onerror="window.__owned=1">代替テキストを確認<script>window.__owned=2</script>';

beforeAll(async () => {
  await buildWorkspace();
  mkdirSync(ARTIFACTS, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-ws-walk-'));
  const store = path.join(tmp, 'walk.sqlite');
  copyFileSync(await demoStoreFile(), store);
  // the scheduled crawl waits at its first page until the test has seen it running
  h = await startHarness({ store }, { crawlHooks: { gather: async (page, url, opts) => { await gate; return gatherPage(page, url, opts); } } });
  // the harness's crawl.json says `interaction: false`, which the crawl config refuses today: one page, no keyboard phase
  const crawl = JSON.parse(readFileSync(path.join(h.tmp, 'crawl.json'), 'utf8'));
  writeFileSync(path.join(h.tmp, 'crawl.json'), JSON.stringify({ ...crawl, interaction: { enabled: false } }));
  for (const [login, role] of [['kanri', 'admin'], ['kakunin', 'tester'], ['shonin', 'approver'], ['etsuran', 'viewer']] as const) passwords[login] = await addUser(h, login, role);
  browser = await launchBrowser();
}, 400_000);

afterAll(async () => {
  release();
  await browser?.close();
  await h?.close();
});

async function signIn(login: string): Promise<Page> {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${h.base}/`);
  await page.waitForSelector('#ws-login');
  await page.type('#ws-login', login);
  await page.type('#ws-password', passwords[login]);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.title.startsWith('ダッシュボード'), { timeout: 20_000 });
  return page;
}

/** A call the app itself would make, from inside the signed-in page (its cookie; the CSRF token only when asked). */
function inPage(page: Page, method: string, url: string, body?: unknown, csrf = true): Promise<{ status: number; json: any }> {
  return page.evaluate(async (m, u, b, withCsrf) => {
    const me = await (await fetch('/api/v1/ws/me')).json();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (withCsrf) headers['x-csrf-token'] = me.csrfToken;
    const res = await fetch(u, { method: m, headers, body: b === undefined ? undefined : JSON.stringify(b) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }, method, url, body, csrf);
}

const statusText = (page: Page, part: string) => page.waitForFunction((p) => document.querySelector('.status')?.textContent?.includes(p), { timeout: 30_000 }, part);

describe('the workspace, end to end', () => {
  it('確認者: opens the sheet, judges a cell in the page view; the note with HTML is shown as text', async () => {
    const page = await signIn('kakunin');
    await page.click('nav a[href="#/sheet"]');
    await page.waitForSelector('table.sheet button.cell');
    await shot(page, 'sheet');
    const open = await inPage(page, 'GET', '/api/v1/ws/sheet?state=untested&limit=50');
    const cell = open.json.cells.find((c: { scope: string }) => c.scope === 'page');
    expect(cell).toBeTruthy();
    await page.goto(`${h.base}/#/page?url=${encodeURIComponent(cell.pageUrl)}&criterion=${cell.criterion}`);
    await page.waitForSelector('#page-result-pass');
    await page.click('#page-result-pass');
    await page.type('#page-note', EVIL_NOTE);
    await page.click('ws-result-form button[type=submit]');
    await statusText(page, '判定を記録しました');
    await page.waitForSelector('.judgements .note');
    expect(await page.$eval('.judgements .note', (e) => e.textContent)).toBe(EVIL_NOTE);
    expect(await page.$$eval('.judgements .note *', (l) => l.length)).toBe(0);
    expect(await page.evaluate(() => (window as any).__owned)).toBeUndefined();
    await shot(page, 'page');
    const after = await inPage(page, 'GET', `/api/v1/ws/sheet?criterion=${cell.criterion}&page=${encodeURIComponent(cell.pageUrl)}&limit=5`);
    expect(after.json.cells.find((c: { pageUrl: string }) => c.pageUrl === cell.pageUrl).state).toBe('pass');
    // and in the sheet's cell detail
    await page.goto(`${h.base}/#/sheet?criterion=${cell.criterion}&page=${encodeURIComponent(cell.pageUrl)}`);
    await page.waitForSelector('table.sheet button.cell');
    await page.click('table.sheet button.cell');
    await page.waitForSelector('.panel .note');
    expect(await page.$eval('.panel .note', (e) => e.textContent)).toBe(EVIL_NOTE);
    await page.browserContext().close();
  }, 120_000);

  it('確認者: a ○ over an automated × is refused, the server’s reason is shown and nothing is recorded', async () => {
    const page = await signIn('kakunin');
    const fail = (await inPage(page, 'GET', '/api/v1/ws/sheet?state=fail&limit=1')).json.cells[0];
    expect(fail).toBeTruthy();
    await page.goto(`${h.base}/#/page?url=${encodeURIComponent(fail.pageUrl)}&criterion=${fail.criterion}`);
    await page.waitForSelector('#page-result-pass');
    await page.click('#page-result-pass');
    await page.type('#page-note', '問題ないと思います');
    await page.click('ws-result-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('ws-result-form [role=alert]')?.textContent?.includes('記録できませんでした'), { timeout: 30_000 });
    const shown = await page.$eval('ws-result-form [role=alert]', (e) => e.textContent ?? '');
    const direct = await inPage(page, 'POST', '/api/v1/ws/judgements', { criterion: fail.criterion, pageUrl: fail.pageUrl, result: 'pass', note: '問題ないと思います' });
    expect(direct.status).toBe(422);
    expect(direct.json.error.code).toBe('refused');
    expect(shown).toContain(direct.json.error.message);
    expect(await page.$eval('#page-note', (e) => (e as HTMLTextAreaElement).value)).toBe('問題ないと思います');
    await shot(page, 'page-refused');
    const still = await inPage(page, 'GET', `/api/v1/ws/sheet?criterion=${fail.criterion}&page=${encodeURIComponent(fail.pageUrl)}&limit=5`);
    expect(still.json.cells.find((c: { pageUrl: string }) => c.pageUrl === fail.pageUrl).state).toBe('fail');
    await page.browserContext().close();
  }, 120_000);

  it('確認者: carries one decision over a template from the review queue (its pages listed first)', async () => {
    const page = await signIn('kakunin');
    await page.click('nav a[href="#/queue"]');
    await page.waitForSelector('section.panel .page-list');
    await shot(page, 'queue');
    const first = await page.$eval('section.panel', (s) => ({
      pages: [...s.querySelectorAll('.page-list a')].map((a) => a.textContent),
      listedFirst: !!(s.querySelector('.page-list')!.compareDocumentPosition(s.querySelector('ws-result-form')!) & Node.DOCUMENT_POSITION_FOLLOWING),
    }));
    expect(first.pages.length).toBeGreaterThan(0);
    expect(first.listedFirst).toBe(true);
    const form = await page.$('section.panel ws-result-form');
    await (await form!.$('input[value=pass]'))!.click();
    await (await form!.$('textarea'))!.type('テンプレートの該当箇所を確認しました');
    await (await form!.$('button[type=submit]'))!.click();
    await statusText(page, 'ページに判定を記録しました');
    await page.browserContext().close();
  }, 120_000);

  it('閲覧: the server refuses a write (not only hidden); a write without x-csrf-token fails', async () => {
    const viewer = await signIn('etsuran');
    const cell = (await inPage(viewer, 'GET', '/api/v1/ws/sheet?state=untested&limit=1')).json.cells[0];
    const refused = await inPage(viewer, 'POST', '/api/v1/ws/judgements', { criterion: cell.criterion, pageUrl: cell.pageUrl, result: 'pass', note: '' });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden-role');
    await viewer.browserContext().close();
    const tester = await signIn('kakunin');
    const noCsrf = await inPage(tester, 'POST', '/api/v1/ws/judgements', { criterion: cell.criterion, pageUrl: cell.pageUrl, result: 'pass', note: '' }, false);
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.json.error.code).toBe('csrf');
    const unchanged = await inPage(tester, 'GET', `/api/v1/ws/sheet?criterion=${cell.criterion}&page=${encodeURIComponent(cell.pageUrl)}&limit=5`);
    expect(unchanged.json.cells.find((c: { pageUrl: string }) => c.pageUrl === cell.pageUrl).state).toBe('untested');
    await tester.browserContext().close();
  }, 120_000);

  it('承認者: with the test completed, sees the draft, approves it and gets the published files', async () => {
    const store = h.service.store;
    const t = (await store.tests.list()).at(-1)!;
    // the rest of the test, completed by the team (as tests/service/workspace-data.test.ts does)
    const missing = (await buildReportModel(store, { testId: t.id })).claim.missing;
    await store.judgements.recordJudgements(
      missing.flatMap((m) => m.pages.map((p) => ({ criterion: m.criterion, result: 'pass' as const, who: 'kakunin', note: '手順書に沿って確認', scope: { type: 'page' as const, url: p.url } }))),
      { testId: t.id },
    );
    await store.tests.updateStatement(t.id, { ...(await store.tests.get(t.id))!.statement, futurePlan: '令和9年3月までにテンプレートを改修します。' });
    const page = await signIn('shonin');
    await page.click('nav a[href="#/approval"]');
    await page.waitForSelector('iframe.draft');
    await page.waitForFunction(() => !(document.querySelector('#ws-ready + ul.blockers')) && !(document.querySelector('section button.primary') as HTMLButtonElement)?.disabled, { timeout: 30_000 });
    await shot(page, 'approval');
    await page.click('section button.primary');
    await page.click('section button.primary');
    await statusText(page, '版として承認');
    await page.waitForSelector('ul.files a');
    const links = await page.$$eval('ul.files a', (l) => l.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBe(5);
    for (const l of links) expect((await fetch(l)).status, l).toBe(200);
    await shot(page, 'approval-done');
    await page.browserContext().close();
  }, 240_000);
  // last: the crawl it starts adds a run to the store, which the data routes may take as the newest
  it('管理: signs in, starts the crawl now and sees it running with its progress', async () => {
    const page = await signIn('kanri');
    await page.waitForSelector('.schedules button');
    await page.click('.schedules button');
    await statusText(page, '開始しました');
    await page.waitForSelector('tr.running progress', { timeout: 30_000 });
    expect(await page.$eval('tr.running', (r) => r.textContent)).toContain('実行中');
    await shot(page, 'dashboard-running');
    release();
    await page.waitForFunction(() => !document.querySelector('tr.running'), { timeout: 120_000 });
    await page.browserContext().close();
  }, 180_000);
});
