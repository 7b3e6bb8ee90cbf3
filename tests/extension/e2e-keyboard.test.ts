// End to end (issue 16 items 4–6), the built extension in headless Chromium: the live keyboard check finds a
// seeded unreachable control and a seeded trap while a person (puppeteer's real key presses) tabs through the
// page; a judgement made on a CMS preview URL is exported under the public URL (mapping rule set once per site);
// the XLSX export opens with exceljs and has the expected rows; the printable HTML export names the public URL.
// Screenshots of the panel's states go to tests/artifacts/extension/ (git-ignored).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, WebWorker } from 'puppeteer';
import ExcelJS from 'exceljs';
import { launchBrowser } from '../../crawler/page/browser.js';
import type { AuditResult, InPageOutput } from '../../rules-jis/types.js';
import { buildTestExtension } from './harness.js';
import { servePages, type PageServer } from '../helpers/server.js';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/extension');
const OUT = path.join(ROOT, '.output/e2e-keys');
const EXT_DIR = path.join(OUT, 'chrome-mv3');
const SHOTS = path.join(ROOT, 'tests/artifacts/extension');

let browser: Browser;
let server: PageServer;
let worker: WebWorker;
let extId: string;

async function shot(p: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Opens the site page and a panel pinned to its tab. */
async function openPair(url: string): Promise<{ site: Page; panel: Page }> {
  const site = await browser.newPage();
  await site.goto(url, { waitUntil: 'load' });
  const tabId = await worker.evaluate(async (u: string) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
  const panel = await browser.newPage();
  await panel.goto(`chrome-extension://${extId}/sidepanel.html?tabId=${tabId}`, { waitUntil: 'load' });
  await panel.waitForSelector('>>> [data-testid=audit]');
  return { site, panel };
}

async function text(p: Page, sel: string): Promise<string> {
  return p.$eval(`>>> ${sel}`, (e) => e.textContent ?? '');
}

async function waitText(p: Page, sel: string, re: RegExp, timeout = 60_000): Promise<string> {
  const end = Date.now() + timeout;
  let last = '';
  while (Date.now() < end) {
    last = await text(p, sel).catch(() => '');
    if (re.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${sel} did not match ${re}: "${last}"`);
}

beforeAll(async () => {
  await buildTestExtension(OUT);
  server = await servePages({
    '/keyboard.html': readFileSync(path.join(FIXTURES, 'keyboard.html'), 'utf8'),
    '/plain.html':
      '<!doctype html><html lang="ja"><title>お知らせ</title><main><h1>お知らせ</h1><p><a href="#a">一覧</a> <a href="#b">申請</a> <a href="#c">地図</a></p></main></html>',
  });
  browser = await launchBrowser({ puppeteer: { pipe: true, enableExtensions: [EXT_DIR] } });
  const sw = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 30_000 });
  worker = (await sw.worker())!;
  extId = new URL(sw.url()).host;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('live keyboard check (the editor presses Tab)', () => {
  it('finds the seeded unreachable control, the trap and the invisible focus, and adds them to the result', async () => {
    const { site, panel } = await openPair(`${server.url}/keyboard.html`);
    await panel.click('>>> #tab-keyboard');
    await panel.click('>>> [data-testid=keys-start]');
    await waitText(panel, '[data-testid=keys-status]', /記録中/);

    await site.bringToFront();
    for (let i = 0; i < 10; i++) await site.keyboard.press('Tab');
    // the path is drawn on the page while the editor goes: one numbered badge per stop
    const badges = await site.$$eval('[data-jis-kbd-stop]', (els) => els.map((e) => e.textContent));
    expect(badges).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    await shot(site, 'keyboard-path-on-page');

    await panel.bringToFront();
    await panel.click('>>> [data-testid=keys-stop]');
    await waitText(panel, '[data-testid=keys-status]', /記録しました/);
    const findings = await panel.$$eval('>>> [data-testid=keys-findings] li', (els) =>
      els.map((e) => ({ rule: e.getAttribute('data-rule'), selector: e.getAttribute('data-selector'), criteria: e.getAttribute('data-criteria'), text: e.textContent ?? '' })),
    );
    const trap = findings.find((f) => f.rule === 'keyboard-trap');
    expect(trap?.criteria).toBe('2.1.2');
    expect(trap?.selector).toMatch(/#t[123]/);
    expect(trap?.text).toContain('お名前');
    const fake = findings.find((f) => f.rule === 'keyboard-operable' && f.selector?.includes('#fake'));
    expect(fake?.criteria).toBe('2.1.1');
    expect(fake?.text).toContain('申し込む');
    const quiet = findings.find((f) => f.rule === 'focus-visible');
    expect(quiet?.selector).toContain('#quiet');
    // the link past the trap was never reached, and nothing else is blamed for 2.4.7
    expect(findings.filter((f) => f.rule === 'focus-visible')).toHaveLength(1);
    expect(await text(panel, '[data-testid=keys-status]')).toContain('キーボードトラップの疑い');
    await shot(panel, 'panel-keyboard-findings');

    // an audit afterwards carries the keyboard findings: 2.1.2 is 要確認, not 未検査
    await panel.click('>>> [data-testid=audit]');
    await panel.waitForFunction(() => !!(document.querySelector('jis-panel') as unknown as { run: unknown }).run, { timeout: 90_000 });
    const result = await panel.evaluate(() => (document.querySelector('jis-panel') as unknown as { run: { result: AuditResult } }).run.result);
    const c212 = result.pages[0].criteria.find((c) => c.id === '2.1.2');
    expect(c212?.outcome).toBe('review');
    expect(result.pages[0].findings.some((f) => f.ruleId === 'keyboard-trap' && f.source === 'interaction')).toBe(true);
    // the audit removed the drawing: it is not page content
    expect(await site.$$eval('[data-jis-kbd]', (els) => els.length)).toBe(0);
    await site.close();
    await panel.close();
  }, 180_000);
});

describe('live keyboard check on a page without barriers', () => {
  it('going past the last element and round again is no trap, and the round counts as complete', async () => {
    const { site, panel } = await openPair(`${server.url}/plain.html`);
    await panel.click('>>> #tab-keyboard');
    await panel.click('>>> [data-testid=keys-start]');
    await waitText(panel, '[data-testid=keys-status]', /記録中/);
    await site.bringToFront();
    for (let i = 0; i < 8; i++) await site.keyboard.press('Tab'); // 3 links: more than two rounds
    await panel.bringToFront();
    await panel.click('>>> [data-testid=keys-stop]');
    const status = await waitText(panel, '[data-testid=keys-status]', /記録しました/);
    expect(status).not.toContain('トラップ');
    expect(status).not.toContain('まだページの最後まで');
    expect(await panel.$$('>>> [data-testid=keys-findings] li')).toHaveLength(0);
    await site.close();
    await panel.close();
  }, 120_000);
});

describe('the new panel states pass the panel’s own audit', () => {
  it('キーボード tab with findings: no violation, nothing to review', async () => {
    const site = await browser.newPage();
    const url = `${server.url}/keyboard.html`;
    await site.goto(url, { waitUntil: 'load' });
    const tabId = await worker.evaluate(async (u: string) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
    const self = await browser.newPage();
    await self.setBypassCSP(true); // the bundle is injected into the panel page itself to audit it
    await self.goto(`chrome-extension://${extId}/sidepanel.html?tabId=${tabId}`, { waitUntil: 'load' });
    await self.click('>>> #tab-keyboard');
    await self.click('>>> [data-testid=keys-start]');
    await waitText(self, '[data-testid=keys-status]', /記録中/);
    await site.bringToFront();
    for (let i = 0; i < 6; i++) await site.keyboard.press('Tab');
    await self.bringToFront();
    await self.click('>>> [data-testid=keys-stop]');
    await waitText(self, '[data-testid=keys-status]', /記録しました/);
    await self.addScriptTag({ url: '/jis-a11y.bundle.js' });
    const out = await self.evaluate(() => window.jisA11y!.run({ iframes: false }) as Promise<InPageOutput>);
    expect(out.findings.filter((f) => f.kind !== 'advisory').map((f) => `${f.kind} ${f.ruleId} ${f.selector}`)).toEqual([]);
    await self.close();
    await site.close();
  }, 120_000);
});

describe('where judgements go (a CMS preview judged, exported under the public URL)', () => {
  const PUBLIC = 'https://www.pref.example.lg.jp/kurashi/';

  async function files(panel: Page) {
    return panel.evaluate(() => {
      const el = document.querySelector('jis-panel') as unknown as { lastFiles: Record<string, { name: string; data: string | Uint8Array }> };
      return Object.fromEntries(
        Object.entries(el.lastFiles).map(([k, f]) => [k, { name: f.name, data: typeof f.data === 'string' ? f.data : Array.from(f.data) }]),
      );
    }) as Promise<Record<string, { name: string; data: string | number[] }>>;
  }

  it('maps the preview to the public URL once per site, and every export carries it', async () => {
    const preview = `${server.url}/keyboard.html?preview=1&preview_token=s3cr3t&ts=1764469000`;
    const { site, panel } = await openPair(preview);
    await panel.click('>>> #tab-checklist');
    // no audit yet: the checklist is there all the same
    await panel.waitForSelector('>>> [data-testid=no-audit]');
    // the teaching: kit steps, the aid button, and the template-level criterion marked
    expect(await panel.$eval('>>> fieldset[data-criterion="1.1.1"] button[data-aid=alt]', (b) => b.textContent)).toContain('代替テキスト');
    expect(await panel.$('>>> fieldset[data-criterion="2.4.1"] [data-testid=not-on-page]')).not.toBeNull();
    expect(await panel.$('>>> fieldset[data-criterion="1.1.1"] [data-testid=not-on-page]')).toBeNull();

    // the mapping rule, set once for the preview site
    await panel.$eval('>>> [data-testid=rule-to]', (i, v) => ((i as HTMLInputElement).value = v), PUBLIC);
    await panel.click('>>> [data-testid=rule-save]');
    await waitText(panel, '[data-testid=exports-to]', /kurashi\/keyboard\.html$/);
    const publicUrl = `${PUBLIC}keyboard.html`;
    expect((await text(panel, '[data-testid=exports-to]')).trim()).toBe(`書き出し先の URL: ${publicUrl}`);

    // judgements: 1.1.1 for this page, 2.4.1 for the whole template/site
    await panel.$eval('>>> textarea[id="note-1.1.1"]', (t) => {
      (t as HTMLTextAreaElement).value = '地図の画像に所在地の説明がある';
      t.dispatchEvent(new Event('change'));
    });
    await panel.click('>>> fieldset[data-criterion="1.1.1"] input[value=pass]');
    await panel.click('>>> fieldset[data-criterion="2.4.1"] input[data-scope=site]');
    await panel.click('>>> fieldset[data-criterion="2.4.1"] input[value=fail]');
    await waitText(panel, '[data-testid=done-count]', /^2$/);
    await shot(panel, 'panel-checklist-teaching');

    for (const f of ['json', 'xlsx', 'html']) await panel.click(`>>> [data-testid=export-${f}]`);
    const out = await files(panel);

    const json = JSON.parse(out.json.data as string);
    expect(json.judgements).toEqual([
      expect.objectContaining({ criterion: '1.1.1', result: 'pass', scope: { type: 'page', url: publicUrl } }),
      expect.objectContaining({ criterion: '2.4.1', result: 'fail', scope: { type: 'site' } }),
    ]);
    expect(out.json.data).not.toContain('s3cr3t');
    expect(out.json.name).toMatch(/^jis-a11y-judgements-www\.pref\.example\.lg\.jp-\d{8}\.json$/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.xlsx.data as number[]) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('判断結果');
    const rows = ws.getSheetValues().filter(Boolean).map((r) => Array.from((r as unknown[]).slice(1), (v) => String(v ?? '')));
    expect(rows).toHaveLength(3);
    expect(rows[0].slice(0, 6)).toEqual(['公開時の URL', '達成基準', '達成基準名', '適合レベル', '範囲', '結果']);
    expect(rows[1].slice(0, 7)).toEqual([publicUrl, '1.1.1', '非テキストコンテンツ', 'A', 'このページ', '○ 適合', '地図の画像に所在地の説明がある']);
    expect(rows[2].slice(0, 6)).toEqual([publicUrl, '2.4.1', expect.any(String), 'A', 'テンプレート・サイト全体', '× 不適合']);
    expect(rows[1][8]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);

    const printable = out.html.data as string;
    expect(printable).toContain(`<dd data-public-url>${publicUrl}</dd>`);
    expect(printable).not.toContain('s3cr3t');
    const printPage = await browser.newPage();
    await printPage.setContent(printable);
    expect(await printPage.$$eval('tbody tr', (trs) => trs.map((tr) => tr.querySelector('th')?.textContent))).toEqual(['1.1.1', '2.4.1']);
    await shot(printPage, 'export-printable-html');
    await printPage.close();

    // reopening the panel shows the saved judgements at once, without a new check
    await panel.close();
    const tabId = await worker.evaluate(async (u: string) => (await chrome.tabs.query({ url: u }))[0]!.id!, preview);
    const again = await browser.newPage();
    await again.goto(`chrome-extension://${extId}/sidepanel.html?tabId=${tabId}`, { waitUntil: 'load' });
    await again.click('>>> #tab-checklist');
    await again.waitForSelector('>>> fieldset[data-criterion="1.1.1"] input[value=pass]');
    await waitText(again, '[data-testid=done-count]', /^2$/);
    expect(await again.$eval('>>> fieldset[data-criterion="1.1.1"] input[value=pass]', (i) => (i as HTMLInputElement).checked)).toBe(true);
    expect(await again.$eval('>>> fieldset[data-criterion="2.4.1"] input[data-scope=site]', (i) => (i as HTMLInputElement).checked)).toBe(true);
    await shot(again, 'panel-reopened-judgements');
    await again.close();
    await site.close();
  }, 180_000);
});
