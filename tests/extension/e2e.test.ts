// End to end: build the extension with WXT, load it into headless Chromium, audit a fixture page served
// from 127.0.0.1 from the panel's own UI, and check results, highlight, overlays, badge, checklist export,
// that the crawler's check path finds the same things, and that the panel passes its own audit.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, WebWorker } from 'puppeteer';
import { launchBrowser } from '../../crawler/page/browser.js';
import { auditUrl } from '../../crawler/page/audit-page.js';
import type { AuditResult, InPageOutput } from '../../rules-jis/types.js';
import { buildTestExtension, clearStatus, waitForStatus } from './harness.js';
import { BUNDLE_PATH } from '../../rules-jis/bundle/build.js';
import { servePages, type PageServer } from '../helpers/server.js';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JudgementExport } from '../../extension/lib/judgements.js';

// Extension APIs, evaluated inside the extension's pages and service worker.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/extension');
// A separate output dir: the test build carries a host permission for 127.0.0.1 that release builds lack
// (headless Chromium cannot click the toolbar button, so activeTab is never granted there).
const OUT = path.join(ROOT, '.output/e2e');
const EXT_DIR = path.join(OUT, 'chrome-mv3');

let browser: Browser;
let server: PageServer;
let worker: WebWorker;
let extId: string;
let site: Page;
let panel: Page;
let tabId: number;
let pageUrl: string;

/** The AuditResult the panel currently shows. */
function panelResult(): Promise<AuditResult> {
  return panel.evaluate(() => (document.querySelector('jis-panel') as unknown as { run: { result: AuditResult } }).run.result);
}

beforeAll(async () => {
  await buildTestExtension(OUT);
  const manifest = JSON.parse(readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(readFileSync(path.join(EXT_DIR, 'jis-a11y.bundle.js'), 'utf8')).toBe(readFileSync(BUNDLE_PATH, 'utf8'));

  server = await servePages({
    '/news-preview.html': readFileSync(path.join(FIXTURES, 'news-preview.html'), 'utf8'),
    '/frame.html': readFileSync(path.join(FIXTURES, 'frame.html'), 'utf8'),
    // A CMS that forbids eval in its pages (Content-Security-Policy without 'unsafe-eval').
    '/strict-csp.html': {
      body: readFileSync(path.join(FIXTURES, 'news-preview.html'), 'utf8'),
      headers: { 'content-security-policy': "script-src 'self'; object-src 'none'" },
    },
  });
  pageUrl = `${server.url}/news-preview.html`;
  browser = await launchBrowser({ puppeteer: { pipe: true, enableExtensions: [EXT_DIR] } });
  const swTarget = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
    timeout: 30_000,
  });
  worker = (await swTarget.worker())!;
  extId = new URL(swTarget.url()).host;

  site = await browser.newPage();
  await site.goto(pageUrl, { waitUntil: 'load' });
  tabId = await worker.evaluate(async (u: string) => (await chrome.tabs.query({ url: u }))[0]!.id!, pageUrl);

  panel = await browser.newPage();
  await panel.goto(`chrome-extension://${extId}/sidepanel.html?tabId=${tabId}`, { waitUntil: 'load' });
  await panel.waitForSelector('>>> [data-testid=audit]');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('extension end to end (headless Chromium)', () => {
  it('runs the audit from the panel and renders findings grouped by criterion', async () => {
    await panel.click('>>> [data-testid=audit]');
    await waitForStatus(panel, /検査が終わりました/, 90_000);

    const entries = await panel.$$eval('>>> li.entry', (els) =>
      els.map((e) => ({
        rule: e.getAttribute('data-rule'),
        count: Number(e.getAttribute('data-count')),
        criteria: [...e.querySelectorAll('summary [data-criterion]')].map((b) => b.getAttribute('data-criterion')),
        titles: [...e.querySelectorAll('summary [data-criterion]')].map((b) => b.getAttribute('title')),
      })),
    );
    const alt = entries.find((g) => g.rule === 'image-alt');
    expect(alt?.criteria).toEqual(['1.1.1']);
    expect(alt?.titles).toEqual(['非テキストコンテンツ']);
    expect(alt?.count).toBe(2); // the page and its frame, in one entry
    expect(entries.find((g) => g.rule === 'color-contrast')?.criteria).toContain('1.4.3');
    // The served HTML went to the 4.1.1 source checks (fetched by the page itself).
    expect(entries.some((g) => g.rule?.startsWith('source-') && g.criteria.includes('4.1.1'))).toBe(true);

    const result = await panelResult();
    expect(result.standard).toBe('JIS X 8341-3:2016');
    expect(result.pages[0].criteria.find((c) => c.id === '1.1.1')?.outcome).toBe('fail');
    expect(result.pages[0].criteria).toHaveLength(38);
    const frameFinding = result.pages[0].findings.find((f) => f.ruleId === 'image-alt' && f.selector.includes('>>>'));
    expect(frameFinding?.selector).toMatch(/#annai$/);

    // Badge: number of violations on the audited tab.
    const violations = result.pages[0].findings.filter((f) => f.kind === 'violation').length;
    const badge = await panel.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toBe(String(violations));
  });

  it('filters by kind and level', async () => {
    const count = () => panel.$$eval('>>> li.entry', (l) => l.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0));
    const all = await count();
    await panel.click('>>> input[name=kind][value=violation]');
    const withoutViolations = await count();
    expect(withoutViolations).toBeLessThan(all);
    await panel.click('>>> input[name=kind][value=violation]');
    await panel.click('>>> input[name=level][value=A]');
    const rules = await panel.$$eval('>>> li.entry', (els) => els.map((s) => s.getAttribute('data-rule')));
    expect(rules).not.toContain('image-alt');
    await panel.click('>>> input[name=level][value=A]');
    expect(await count()).toBe(all);
  });

  it('is operable from the keyboard: Tab to a finding, Enter shows it in the page', async () => {
    await panel.bringToFront();
    const deepFocus = () =>
      panel.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el ? `${el.localName}${el.className ? `.${el.className}` : ''}|${el.textContent?.trim().slice(0, 20)}` : '';
      });
    // Start where an editor starts after an audit: on the audit button.
    await panel.evaluate(() => document.querySelector('jis-panel')!.shadowRoot!.querySelector<HTMLElement>('[data-testid=audit]')!.focus());
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      await panel.keyboard.press('Tab');
      const f = await deepFocus();
      seen.push(f);
      if (f.startsWith('button.show')) break;
      // the first entry (the most severe) is folded: Enter opens it
      if (f.startsWith('summary|') && !seen.slice(0, -1).some((x) => x.startsWith('summary|'))) await panel.keyboard.press('Enter');
    }
    expect(seen[0]).toBe('button|結果'); // the selected tab: one Tab stop for the whole tablist
    expect(seen.find((x) => x.startsWith('summary|'))).toMatch(/不適合/);
    expect(seen.at(-1)).toMatch(/^button\.show\|ページで表示/);
    await panel.keyboard.press('Enter');
    await waitForStatus(panel, /#map.*枠で示しました/);
    expect(await site.$('#jis-a11y-highlight')).not.toBeNull();
    // Back to the top of the page so the next test sees the element scrolled into view by the click path.
    await site.evaluate(() => window.scrollTo(0, 0));
  });

  it('clicking a finding scrolls the page to the element and outlines it', async () => {
    await clearStatus(panel);
    await panel.$eval('>>> li.entry[data-rule=image-alt] details', (d) => ((d as HTMLDetailsElement).open = true));
    const buttons = await panel.$$('>>> li.entry[data-rule=image-alt] li.where button.show');
    // The first one is #map (below a tall spacer, out of view at load).
    await buttons[0].click();
    await waitForStatus(panel, /枠で示しました/);
    const geo = await site.evaluate(() => {
      const hl = document.getElementById('jis-a11y-highlight')!.getBoundingClientRect();
      const el = document.getElementById('map')!.getBoundingClientRect();
      return { hl: { x: hl.x, y: hl.y, w: hl.width, h: hl.height }, el: { x: el.x, y: el.y, w: el.width, h: el.height }, vh: innerHeight, sy: scrollY };
    });
    expect(geo.sy).toBeGreaterThan(0);
    expect(geo.el.y).toBeGreaterThanOrEqual(0);
    expect(geo.el.y + geo.el.h).toBeLessThanOrEqual(geo.vh);
    // The outline surrounds the element.
    expect(geo.hl.x).toBeLessThanOrEqual(geo.el.x);
    expect(geo.hl.y).toBeLessThanOrEqual(geo.el.y);
    expect(geo.hl.x + geo.hl.w).toBeGreaterThanOrEqual(geo.el.x + geo.el.w);
    expect(geo.hl.y + geo.hl.h).toBeGreaterThanOrEqual(geo.el.y + geo.el.h);

    // A finding inside a same-origin frame: the outline lands on the frame's image, in top-page coordinates.
    await buttons[1].click();
    await waitForStatus(panel, /iframe >>> #annai.*枠で示しました/);
    const inFrame = await site.evaluate(() => {
      const hl = document.getElementById('jis-a11y-highlight')!.getBoundingClientRect();
      const frame = document.querySelector('iframe')!;
      const fr = frame.getBoundingClientRect();
      const img = frame.contentDocument!.getElementById('annai')!.getBoundingClientRect();
      return { hlX: hl.x, hlY: hl.y, imgX: fr.x + frame.clientLeft + img.x, imgY: fr.y + frame.clientTop + img.y };
    });
    expect(Math.abs(inFrame.hlX + 4 - inFrame.imgX)).toBeLessThan(2);
    expect(Math.abs(inFrame.hlY + 4 - inFrame.imgY)).toBeLessThan(2);
  });

  it('overlays: tab order numbers, alt text, heading outline, landmarks; contrast of an element', async () => {
    await panel.click('>>> #tab-aids');
    await panel.click('>>> button[data-aid=taborder]');
    await waitForStatus(panel, /移動順をページ上に表示しました（6 件）/);
    const tabs = await site.$$eval('[data-jis-a11y-tab]', (els) => els.map((e) => e.textContent));
    expect(tabs).toEqual(['1', '2', '3', '4', '5', '6']);

    await panel.click('>>> button[data-aid=alt]');
    await waitForStatus(panel, /代替テキストをページ上に表示しました/);
    const alts = await site.$$eval('[data-jis-a11y-alt]', (els) => els.map((e) => `${e.getAttribute('data-jis-a11y-alt')}:${e.textContent}`));
    expect(alts).toContain('missing:alt属性なし');
    expect(alts).toContain('text:alt: みどり県');

    await panel.click('>>> button[data-aid=headings]');
    await waitForStatus(panel, /見出しをページ上に表示しました/);
    const outline = await panel.$$eval('>>> [data-testid=outline] li', (l) => l.map((x) => x.textContent!.replace(/\s+/g, ' ').trim()));
    expect(outline[0]).toBe('H1 県民まつりのお知らせ');
    expect(outline).toHaveLength(4);

    await panel.click('>>> button[data-aid=landmarks]');
    await waitForStatus(panel, /ランドマークをページ上に表示しました/);
    const lms = await panel.$$eval('>>> [data-testid=landmarks] li', (l) => l.map((x) => x.textContent!.trim()));
    expect(lms.join('|')).toMatch(/バナー.*ナビゲーション \(nav\)「グローバルナビゲーション」.*メイン.*コンテンツ情報/);

    // Keyboard path of the contrast aid: focus an element in the page, then measure it.
    await site.evaluate(() => {
      const p = document.getElementById('uketsuke')!;
      p.tabIndex = -1;
      p.focus();
    });
    await panel.click('>>> [data-testid=measure-focused]');
    await waitForStatus(panel, /コントラスト比は/);
    const ratio = await panel.$eval('>>> [data-testid=ratio]', (e) => e.textContent);
    expect(ratio).toBe('2.05:1'); // #b5b5b5 on #ffffff

    // Mouse path: pick mode, then a click on the page's text; the measurement comes back to the panel.
    await panel.click('>>> [data-testid=pick]');
    await waitForStatus(panel, /測りたい文字をクリック/);
    // Real mouse input at the heading's position (page.click() would wait for rendering in this background tab).
    const at = await site.evaluate(() => {
      const h1 = document.querySelector('h1')!;
      h1.scrollIntoView();
      const r = h1.getBoundingClientRect();
      return { x: r.x + 10, y: r.y + r.height / 2 };
    });
    await site.mouse.click(at.x, at.y);
    await waitForStatus(panel, /コントラスト比は 21\.00:1/);
    expect(await panel.$eval('>>> [data-testid=contrast-result]', (e) => e.textContent)).toContain('大きな文字');
  });

  it('the manual checklist is stored and exported in the judgement format', async () => {
    await panel.click('>>> #tab-checklist');
    await panel.type('>>> #who', '広報 太郎');
    await panel.$eval('>>> #who', (e) => e.dispatchEvent(new Event('change', { bubbles: true })));
    const first = await panel.$eval('>>> fieldset[data-criterion]', (f) => f.getAttribute('data-criterion')!);
    await panel.click(`>>> fieldset[data-criterion="${first}"] input[value=pass]`);
    await panel.type(`>>> #note-${first.replace(/\./g, '\\.')}`, '目視で確認済み');
    await panel.$eval(`>>> #note-${first.replace(/\./g, '\\.')}`, (e) => e.dispatchEvent(new Event('change', { bubbles: true })));
    await panel.click('>>> [data-testid=export]');
    await waitForStatus(panel, /書き出しました/);
    const exp = await panel.evaluate(() => (document.querySelector('jis-panel') as unknown as { lastExport: JudgementExport }).lastExport);
    expect(exp.format).toBe('jis-a11y-judgements');
    expect(exp.version).toBe(1);
    expect(exp.judgements).toEqual([
      expect.objectContaining({ criterion: first, result: 'pass', note: '目視で確認済み', who: '広報 太郎', scope: { type: 'page', url: pageUrl } }),
    ]);
    expect(exp.result?.pages[0].url).toBe(pageUrl);
    // The export validates against its schema, the page result against the shared result schema.
    // CommonJS packages: under ESM the class/function may sit on .default.
    const AjvClass = (Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020;
    const formats = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
    const ajv = new AjvClass({ allErrors: true, strict: false });
    formats(ajv);
    ajv.addSchema(JSON.parse(readFileSync(path.join(ROOT, 'schema/result.schema.json'), 'utf8')));
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schema/judgements.schema.json'), 'utf8')));
    expect(validate(exp), JSON.stringify(validate.errors)).toBe(true);
    const stored = await panel.evaluate((k: string) => chrome.storage.local.get(k), `judgements:${pageUrl}`);
    expect(Object.keys(stored[`judgements:${pageUrl}`] as object)).toEqual([first]);
  });

  it('gives the same findings as the crawler check path (ruleId + selector)', async () => {
    const ext = await panelResult();
    const page = await browser.newPage();
    try {
      const { result: crawler } = await auditUrl(page, pageUrl);
      const key = (f: { ruleId: string; selector: string }) => `${f.ruleId} ${f.selector}`;
      expect(ext.pages[0].findings.map(key).sort()).toEqual(crawler.findings.map(key).sort());
      expect(ext.pages[0].criteria.map((c) => `${c.id}:${c.outcome}`)).toEqual(crawler.criteria.map((c) => `${c.id}:${c.outcome}`));
    } finally {
      await page.close();
    }
  });

  it('the panel itself has no violation (and nothing to review) under the bundle’s own audit', async () => {
    // The bundle compiles axe's Japanese message templates with new Function, which the extension page's
    // CSP forbids: audit a copy of the panel with CSP bypassed (the DOM under test is the same).
    const self = await browser.newPage();
    await self.setBypassCSP(true);
    await self.goto(`chrome-extension://${extId}/sidepanel.html?tabId=${tabId}`, { waitUntil: 'load' });
    await self.click('>>> [data-testid=audit]');
    await waitForStatus(self, /検査が終わりました/, 90_000);
    await self.addScriptTag({ url: '/jis-a11y.bundle.js' });
    const violationsIn = async (tab: string) => {
      await self.click(`>>> #tab-${tab}`);
      const out = await self.evaluate(() => window.jisA11y!.run({ iframes: false }) as Promise<InPageOutput>);
      // Nothing for a person to check either: advisories (Japanese good practice) are the only allowed kind.
      return out.findings.filter((f) => f.kind !== 'advisory').map((f) => `${f.kind} ${f.ruleId} ${f.selector} ${f.message}`);
    };
    expect(await violationsIn('results')).toEqual([]);
    expect(await violationsIn('aids')).toEqual([]);
    expect(await violationsIn('checklist')).toEqual([]);
    await self.close();
  });

  it('audits a page whose CSP forbids eval (a locked-down CMS preview)', async () => {
    const strictUrl = `${server.url}/strict-csp.html`;
    const strict = await browser.newPage();
    await strict.goto(strictUrl, { waitUntil: 'load' });
    const id = await worker.evaluate(async (u: string) => (await chrome.tabs.query({ url: u }))[0]!.id!, strictUrl);
    const p = await browser.newPage();
    await p.goto(`chrome-extension://${extId}/sidepanel.html?tabId=${id}`, { waitUntil: 'load' });
    await p.waitForSelector('>>> [data-testid=audit]');
    await p.click('>>> [data-testid=audit]');
    // The bundle leaves out axe's doT-compiled failure summaries, so it loads without 'unsafe-eval'.
    await waitForStatus(p, /検査が終わりました/, 90_000);
    await p.close();
    await strict.close();
  });
});

describe('release build (no host permission): asks before touching a site', () => {
  it('says it has no access and offers to ask for this site only', async () => {
    const out = path.join(ROOT, '.output/e2e-release');
    await buildTestExtension(out, null);
    const dir = path.join(out, 'chrome-mv3');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.permissions.sort()).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);

    const srv = await servePages({ '/p.html': readFileSync(path.join(FIXTURES, 'news-preview.html'), 'utf8') });
    const b = await launchBrowser({ puppeteer: { pipe: true, enableExtensions: [dir] } });
    try {
      const sw = await b.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 30_000 });
      const w = (await sw.worker())!;
      const id = new URL(sw.url()).host;
      const site = await b.newPage();
      await site.goto(`${srv.url}/p.html`, { waitUntil: 'load' });
      await site.bringToFront();
      // Without host permission the extension cannot see tab URLs: the site is the active tab.
      const tab = await w.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
      const p = await b.newPage();
      await p.goto(`chrome-extension://${id}/sidepanel.html?tabId=${tab}`, { waitUntil: 'load' });
      await p.waitForSelector('>>> [data-testid=audit]');
      await p.click('>>> [data-testid=audit]');
      await expect(waitForStatus(p, /検査が終わりました/, 20_000)).rejects.toThrow(/アクセスする権限がありません.*ツールバーの jis-a11y ボタン/);
      // The tab's URL is hidden without access, so there is no site to ask for: only the toolbar button helps.
      expect(await p.$('>>> [data-testid=grant]')).toBeNull();
      // The page was not touched.
      expect(await site.evaluate(() => typeof (window as unknown as { jisA11y?: unknown }).jisA11y)).toBe('undefined');
    } finally {
      await b.close();
      await srv.close();
    }
  });
});
