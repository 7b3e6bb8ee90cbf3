// The extension sends its judgements to the workspace (issue 16 item 6), all real: the service (`createService`
// on 127.0.0.1, tests/service/harness.ts) over a copy of the demo's SQLite store (the sample site crawled in real
// Chromium; its open test has the pages selected), a 確認者 with a personal token made as the workspace makes it,
// and the extension built with WXT and loaded into headless Chromium. The editor judges a CMS preview (its URL
// mapped to the public URL by a rule), clicks 「ワークスペースへ送る」, and what a person would check: the
// judgements are in the store under the public URL with the 確認者's name; a ○ over an automated violation comes
// back with the server's reason in the panel; a wrong token gives the 401 message; nothing is sent without the click.
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser } from '../../crawler/page/browser.js';
import { buildTestExtension } from './harness.js';
import { newPersonalToken, secretHash } from '../../crawler/service/workspace/secrets.js';
import { normUrl } from '../../rules-jis/judgements.js';
import { startHarness, type Harness } from '../service/harness.js';
import { addUser } from '../service/workspace-client.js';
import { demoStoreFile } from '../service/workspace-harness.js';
import { jaPage, servePages, type PageServer } from '../helpers/server.js';
import { WS_SEND_JA } from '../../extension/lib/workspace-send-text.js';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, '.output/e2e-ws-send');
const EXT_DIR = path.join(OUT, 'chrome-mv3');

let h: Harness;
let cms: PageServer;
let browser: Browser;
let panel: Page;
let token: string;
let publicUrl: string;
let previewUrl: string;
let passCriterion: string;
let failCriterion: string;

const bearer = async (url: string) => (await fetch(h.base + url, { headers: { authorization: `Bearer ${token}` } })).json();

async function statusText(): Promise<string> {
  return panel.evaluate(() => document.querySelector('jis-panel')?.shadowRoot?.querySelector('[data-testid=status]')?.textContent ?? '');
}

async function waitForStatus(re: RegExp, timeout = 30_000): Promise<string> {
  const end = Date.now() + timeout;
  let last = '';
  while (Date.now() < end) {
    last = await statusText();
    if (re.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`status did not match ${re}: "${last}"`);
}

async function openPanel(): Promise<void> {
  const tabs = await panel.evaluate(async (u: string) => (await chrome.tabs.query({ url: u }))[0]?.id, previewUrl.split('?')[0] + '*');
  await panel.goto(`${panel.url().split('?')[0]}?tabId=${tabs}`, { waitUntil: 'load' });
  await panel.waitForSelector('>>> [data-testid=audit]');
  await panel.click('>>> #tab-checklist');
}

async function setWorkspace(url: string, tok: string): Promise<void> {
  await panel.evaluate((v) => chrome.storage.local.set({ 'settings:workspace': v }), { url, token: tok });
  await openPanel();
}

beforeAll(async () => {
  const built = buildTestExtension(OUT);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-ext-send-'));
  const store = path.join(tmp, 'send.sqlite');
  copyFileSync(await demoStoreFile(), store);
  h = await startHarness({ store });
  await addUser(h, 'kakunin', 'tester');
  const user = (await h.service.store.users.byLogin('kakunin'))!;
  token = newPersonalToken();
  await h.service.store.users.addToken({ userId: user.id, tokenHash: secretHash(token), label: '拡張機能' });

  // a selected page with an automated × (the ○ the server refuses) and an untested criterion judged per page
  const fail = (await bearer('/api/v1/ws/sheet?state=fail&limit=1')).cells[0];
  publicUrl = fail.pageUrl;
  failCriterion = fail.criterion;
  const open = (await bearer(`/api/v1/ws/sheet?state=untested&page=${encodeURIComponent(publicUrl)}&limit=5`)).cells.find(
    (c: { scope: string; pageUrl: string }) => c.scope === 'page' && c.pageUrl === publicUrl,
  );
  passCriterion = open.criterion;

  // the CMS preview of that page: another origin and path, with a preview token in the query
  const pub = new URL(publicUrl);
  cms = await servePages({ [`/preview${pub.pathname}`]: jaPage('<h1>プレビュー</h1><p>公開前のページです。</p>', { title: 'プレビュー' }) });
  previewUrl = `${cms.url}/preview${pub.pathname}?preview_token=abc123`;

  await built;
  browser = await launchBrowser({ puppeteer: { pipe: true, enableExtensions: [EXT_DIR] } });
  const sw = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 30_000 });
  const extId = new URL(sw.url()).host;
  const site = await browser.newPage();
  await site.goto(previewUrl, { waitUntil: 'load' });
  panel = await browser.newPage();
  await panel.goto(`chrome-extension://${extId}/sidepanel.html`, { waitUntil: 'load' });
  // 「プレビューの URL がこう始まるなら、公開時はこう始まる」
  await panel.evaluate(
    (r) => chrome.storage.local.set({ 'settings:public-url-rules': [r] }),
    { previewPrefix: `${cms.url}/preview/`, publicPrefix: `${pub.origin}/` },
  );
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await cms?.close();
  await h?.close();
});

describe('sending judgements to the workspace', () => {
  it('shows no send button until the options hold an address and a token', async () => {
    await openPanel();
    expect(await panel.$('>>> [data-testid=ws-send]')).toBeNull();
  });

  it('sends on the click: recorded under the public URL with the 確認者’s name; the refused ○ comes back with the reason', async () => {
    await setWorkspace(h.base, token);
    const testId = (await h.service.store.tests.openTest())!.id;
    const before = (await h.service.store.tests.judgementsOf(testId)).length;
    await panel.click(`>>> fieldset[data-criterion="${passCriterion}"] input[value=pass]`);
    await panel.click(`>>> fieldset[data-criterion="${failCriterion}"] input[value=pass]`);
    const note = `#note-${passCriterion.replace(/\./g, '\\.')}`;
    await panel.type(`>>> ${note}`, '拡張機能で確認');
    await panel.$eval(`>>> ${note}`, (e) => e.dispatchEvent(new Event('change', { bubbles: true })));
    // judged, not sent: nothing reaches the workspace without the click
    await new Promise((r) => setTimeout(r, 300));
    expect((await h.service.store.tests.judgementsOf(testId)).length).toBe(before);

    await panel.click('>>> [data-testid=ws-send]');
    const text = await waitForStatus(/件を送りました/);
    expect(text).toContain('1 件を送りました。1 件は受け付けられませんでした: ');
    expect(text).toContain(`達成基準 ${failCriterion} に ○ は付けられません`);
    expect(text).toContain('kakunin さん');

    const after = (await h.service.store.tests.judgementsOf(testId)).slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ criterion: passCriterion, result: 'pass', who: 'kakunin さん', note: '拡張機能で確認', scope: { type: 'page', url: normUrl(publicUrl) } });
    expect(JSON.stringify(after)).not.toContain('preview');
    // the workspace's state for the page, as the panel read it
    const sent = await panel.evaluate(() => (document.querySelector('jis-panel') as any).lastSend);
    expect(sent.page.criteria).toContain(passCriterion);
    expect(sent.page.by).toContain('kakunin さん');
    expect(text).toContain(`達成基準 ${sent.page.judged} 件が判断済み`);
  }, 60_000);

  it('a wrong token gives the 401 message and records nothing', async () => {
    const testId = (await h.service.store.tests.openTest())!.id;
    const before = (await h.service.store.tests.judgementsOf(testId)).length;
    await setWorkspace(h.base, `${token.slice(0, -4)}XXXX`);
    await panel.click('>>> [data-testid=ws-send]');
    const text = await waitForStatus(/送れませんでした/);
    expect(text).toContain(WS_SEND_JA.unauthorized);
    expect(text).toContain('0 件を送りました。2 件は送れませんでした');
    expect((await h.service.store.tests.judgementsOf(testId)).length).toBe(before);
  }, 30_000);

  it('an unreachable workspace says so, naming the address, and records nothing', async () => {
    const testId = (await h.service.store.tests.openTest())!.id;
    const before = (await h.service.store.tests.judgementsOf(testId)).length;
    await cms.close();
    await setWorkspace(cms.url, token);
    await panel.click('>>> [data-testid=ws-send]');
    const text = await waitForStatus(/送れませんでした/);
    expect(text).toContain(`ワークスペース（${cms.url}）につながりませんでした`);
    expect((await h.service.store.tests.judgementsOf(testId)).length).toBe(before);
  }, 30_000);
});
