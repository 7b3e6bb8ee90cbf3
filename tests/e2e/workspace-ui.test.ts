// The web app's own quality (issue 15 item 7), in real headless Chromium against the real built app (served by the
// service's own static plugin with its CSP) and a contract-shaped API (./workspace-fake-api.ts): every screen passes
// our own audit with no violation and no review item; it works by keyboard (skip link first, focus on the screen's
// heading, the sheet moved through with arrow keys); the sheet says each state in words, not colour alone; a refused
// judgement shows the server's reason; HTML typed into a note comes back as text; nothing scrolls sideways at 320 px
// or at 200 % zoom (the sheet scrolls inside its own region); the CSP is strict and the app breaks none of it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../crawler/page/browser.js';
import { runBundle } from '../../crawler/page/audit-page.js';
import { buildWorkspace } from '../../workspace/build.js';
import { FAKE_PAGES, FAKE_PASSWORD, startFakeWorkspace, type FakeWorkspace } from './workspace-fake-api.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts/workspace');
let fake: FakeWorkspace;
let browser: Browser;

beforeAll(async () => {
  await buildWorkspace();
  mkdirSync(ARTIFACTS, { recursive: true });
  fake = await startFakeWorkspace();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

/** A fresh tab that records CSP violations and console errors. */
async function tab(width = 1280, height = 900): Promise<Page & { cspViolations: string[] }> {
  const ctx = await browser.createBrowserContext();
  const page = (await ctx.newPage()) as Page & { cspViolations: string[] };
  page.cspViolations = [];
  await page.setViewport({ width, height });
  await page.exposeFunction('__cspViolation', (d: string) => page.cspViolations.push(d));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

async function signIn(page: Page, login: string): Promise<void> {
  await page.goto(`${fake.base}/#/dashboard`);
  await page.waitForSelector('#ws-login');
  await page.type('#ws-login', login);
  await page.type('#ws-password', FAKE_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.title.startsWith('ダッシュボード'));
}

/** Opens a screen and waits until its content (a selector) has rendered. */
async function open(page: Page, hash: string, ready: string): Promise<void> {
  await page.goto(`${fake.base}/${hash}`);
  await page.waitForSelector(ready);
}

async function audit(page: Page): Promise<{ violations: string[]; reviews: string[] }> {
  const out = await runBundle(page, undefined);
  const list = (k: string) => out.findings.filter((f) => f.kind === k).map((f) => `${f.ruleId} ${f.selector} ${f.message.slice(0, 80)}`);
  return { violations: list('violation'), reviews: list('review') };
}

const hasHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

const SCREENS: { name: string; login: string; hash: string; ready: string }[] = [
  { name: 'dashboard', login: 'admin', hash: '#/dashboard', ready: 'progress' },
  { name: 'sheet', login: 'admin', hash: '#/sheet', ready: 'table.sheet' },
  { name: 'page', login: 'admin', hash: `#/page?url=${encodeURIComponent(FAKE_PAGES[1].url)}&criterion=1.1.1`, ready: '.findings' },
  { name: 'queue', login: 'admin', hash: '#/queue', ready: '.page-list' },
  { name: 'approval', login: 'admin', hash: '#/approval', ready: 'iframe.draft' },
  { name: 'users', login: 'admin', hash: '#/users', ready: 'tbody tr' },
];

describe('the workspace app passes its own audit', () => {
  it('サインイン: no violation, no review item; the skip link is the first tab stop; CSP header strict', async () => {
    const page = await tab();
    const res = await page.goto(`${fake.base}/`);
    expect(res!.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res!.headers()['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    await page.waitForSelector('#ws-login');
    await page.screenshot({ path: path.join(ARTIFACTS, 'signin.png'), fullPage: true });
    expect(await audit(page)).toEqual({ violations: [], reviews: [] });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動');
    expect(page.cspViolations).toEqual([]);
  }, 60_000);

  for (const s of SCREENS) {
    it(`${s.name}: no violation, no review item, one h1 (focused after a change of screen), no CSP violation`, async () => {
      const page = await tab();
      await signIn(page, s.login);
      await open(page, s.hash, s.ready);
      await page.screenshot({ path: path.join(ARTIFACTS, `${s.name}.png`), fullPage: true });
      expect(await audit(page)).toEqual({ violations: [], reviews: [] });
      expect(await page.$$eval('h1', (h) => h.length)).toBe(1);
      expect(await page.$$eval('main, nav, header', (l) => l.map((e) => e.tagName).sort())).toEqual(['HEADER', 'MAIN', 'NAV']);
      expect(page.cspViolations).toEqual([]);
      await page.browserContext().close();
    }, 90_000);
  }
});

describe('320 px and 200 % zoom', () => {
  for (const s of SCREENS) {
    it(`${s.name}: no horizontal scroll of the page at 320 px and at 640 px (1280 px at 200 %)`, async () => {
      const page = await tab(320, 640);
      await signIn(page, s.login);
      await open(page, s.hash, s.ready);
      expect(await hasHorizontalScroll(page)).toBe(false);
      if (s.name === 'sheet') {
        // the grid scrolls inside its own region instead
        expect(await page.$eval('.grid-wrap', (e) => e.scrollWidth > e.clientWidth)).toBe(true);
        await page.screenshot({ path: path.join(ARTIFACTS, 'sheet-320px.png'), fullPage: true });
      }
      await page.setViewport({ width: 640, height: 450 });
      expect(await hasHorizontalScroll(page)).toBe(false);
      await page.browserContext().close();
    }, 90_000);
  }
});

describe('keyboard, words beside colours, refusals, escaping', () => {
  it('the sheet: one tab stop, arrow keys move between cells, Enter selects, every cell says its state in words', async () => {
    const page = await tab();
    await signIn(page, 'tester');
    // a change of screen moves the focus to its heading (keyboard and screen-reader users start there)
    await page.waitForFunction(() => document.activeElement?.textContent === 'ダッシュボード');
    await page.click('nav a[href="#/sheet"]');
    await page.waitForSelector('table.sheet');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === '試験シート');
    expect(await page.$$eval('button.cell[tabindex="0"]', (b) => b.length)).toBe(1);
    await page.focus('button.cell[tabindex="0"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.cell)).toBe('1-1');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'ws-selected');
    const detail = await page.$eval('.panel', (e) => e.textContent ?? '');
    expect(detail).toContain('ごみの出し方');
    expect(detail).toContain('1.1.1');
    expect(detail).toContain('自動で不適合');
    // colour is never the only cue: every cell's text names its state
    const words = await page.$$eval('button.cell', (b) => b.map((x) => x.querySelector('.cell-word')?.textContent ?? ''));
    expect(words.every((w) => w.length > 0)).toBe(true);
    expect(new Set(words)).toEqual(new Set(['× 自動で不適合', '? 要確認', '・ 未確認', '! 再確認', '○ 適合']));
    await page.browserContext().close();
  }, 90_000);

  it('a refused judgement shows the server’s reason; HTML in a note is shown as text', async () => {
    const page = await tab();
    await signIn(page, 'tester');
    await open(page, `#/page?url=${encodeURIComponent(FAKE_PAGES[1].url)}&criterion=1.1.1`, '#page-result-pass');
    await page.click('#page-result-pass');
    await page.type('#page-note', '確認しました');
    await page.click('ws-result-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('ws-result-form [role=alert]')?.textContent?.includes('○ にできません'));
    expect(await page.$eval('ws-result-form [role=alert]', (e) => e.textContent)).toContain(FAKE_PAGES[1].url);
    expect(await page.$eval('#page-note', (e) => (e as HTMLTextAreaElement).value)).toBe('確認しました');
    await page.screenshot({ path: path.join(ARTIFACTS, 'page-refused.png'), fullPage: true });

    const evil = '<img src=x onerror="window.__owned=1"><b>太字</b>';
    await page.select('#ws-criterion', '1.3.1');
    await page.click('#page-result-fail');
    await page.$eval('#page-note', (e) => ((e as HTMLTextAreaElement).value = ''));
    await page.type('#page-note', evil);
    await page.click('ws-result-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('.judgements .note'));
    expect(await page.$eval('.judgements .note', (e) => e.textContent)).toBe(evil);
    expect(await page.$$eval('.judgements .note img, .judgements .note b', (l) => l.length)).toBe(0);
    expect(await page.evaluate(() => (window as any).__owned)).toBeUndefined();
    // and in the sheet
    await open(page, '#/sheet?criterion=1.3.1', 'table.sheet');
    await page.$$eval('button.cell', (b) => (b[1] as HTMLElement).click());
    await page.waitForSelector('.panel .note');
    expect(await page.$eval('.panel .note', (e) => e.textContent)).toBe(evil);
    expect(await page.$$eval('.panel .note img', (l) => l.length)).toBe(0);
    await page.browserContext().close();
  }, 90_000);

  it('role-aware: a 閲覧 sees no judgement form, no 承認 or 利用者 in the menu; a 管理 sees 今すぐ検査', async () => {
    const viewer = await tab();
    await signIn(viewer, 'viewer');
    expect(await viewer.$$eval('nav a', (l) => l.map((a) => a.textContent))).toEqual(['ダッシュボード', '試験シート', '確認待ち']);
    expect(await viewer.$$eval('button', (l) => l.some((b) => b.textContent?.includes('今すぐ検査')))).toBe(false);
    await open(viewer, `#/page?url=${encodeURIComponent(FAKE_PAGES[1].url)}`, '.findings');
    expect(await viewer.$('ws-result-form')).toBeNull();
    await viewer.browserContext().close();
    const admin = await tab();
    await signIn(admin, 'admin');
    await admin.waitForSelector('.schedules button');
    expect(await admin.$eval('.schedules button', (b) => b.textContent)).toContain('今すぐ検査');
    await admin.browserContext().close();
  }, 90_000);

  it('every write carries x-csrf-token (the fake refuses one without, as the server does)', async () => {
    const before = fake.writes.length;
    const page = await tab();
    await signIn(page, 'admin');
    await page.waitForSelector('.schedules button');
    await page.click('.schedules button');
    await page.waitForFunction(() => document.querySelector('.status')?.textContent?.includes('開始しました'));
    expect(fake.writes.length).toBeGreaterThan(before);
    await page.browserContext().close();
  }, 90_000);
});
