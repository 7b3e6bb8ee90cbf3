// End to end, issue 16 items 1 and 3, in real headless Chromium with the built extension: a page with 80+
// findings gives one folded entry per rule × criterion set whose counts equal the summary and the badge
// (and the panel's height is measured); opening an entry shows a picture of the element; a highlight inside
// a scrolled same-origin frame and inside an open shadow root lands on the element (bounding boxes
// compared); the tab-order overlay follows its elements when the window is resized. Screenshots of the
// panel's states go to tests/artifacts/extension/ (git-ignored) for a reviewer.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, WebWorker } from 'puppeteer';
import { launchBrowser } from '../../crawler/page/browser.js';
import type { AuditResult, FindingKind } from '../../rules-jis/types.js';
import { jaPage, servePages, type PageServer } from '../helpers/server.js';
import { buildTestExtension, clearStatus, waitForStatus } from './harness.js';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/extension');
const OUT = path.join(ROOT, '.output/e2e-results');
const EXT_DIR = path.join(OUT, 'chrome-mv3');
const ARTIFACTS = path.join(ROOT, 'tests/artifacts/extension');

let browser: Browser;
let server: PageServer;
let worker: WebWorker;
let extId: string;

/** A news page as CMS editors write them: 40 「こちら」 links, images without alt, faint text, ①②③, an empty heading. */
function manyFindingsPage(): string {
  const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/doc${i}.html">こちら</a></li>`).join('\n');
  const imgs = Array.from({ length: 24 }, (_, i) => `<img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='40' height='20'/%3E" width="40" height="20" id="i${i}">`).join('\n');
  const faint = Array.from({ length: 14 }, (_, i) => `<p style="color:#b5b5b5">受付番号 ${i + 1} の方は窓口へお越しください。</p>`).join('\n');
  return jaPage(`<main><h1>県からのお知らせ</h1>
<h2></h2>
<p>手続きの流れ：①申請 ②審査 ③交付</p>
<ul>
${links}
</ul>
<p>${imgs}</p>
${faint}
</main>`);
}

/** Opens the site in a tab, and the panel for it in a window of its own (the site stays the shown tab of its window). */
async function openAndAudit(url: string): Promise<{ site: Page; panel: Page; tabId: number }> {
  const site = await browser.newPage();
  await site.setViewport({ width: 1000, height: 700 });
  await site.goto(url, { waitUntil: 'load' });
  const tabId = await worker.evaluate(async (u: string) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
  const panel = await browser.newPage({ type: 'window' });
  await panel.setViewport({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${extId}/sidepanel.html?tabId=${tabId}`, { waitUntil: 'load' });
  await panel.waitForSelector('>>> [data-testid=audit]');
  await panel.click('>>> [data-testid=audit]');
  await waitForStatus(panel, /検査が終わりました/, 90_000);
  return { site, panel, tabId };
}

function panelResult(panel: Page): Promise<AuditResult> {
  return panel.evaluate(() => (document.querySelector('jis-panel') as unknown as { run: { result: AuditResult } }).run.result);
}

/** Opens the entry of `rule` whose finding has a selector matching `re`, and clicks its 「ページで表示」. */
async function showFinding(panel: Page, rule: string, selectorPart: string) {
  await clearStatus(panel);
  await panel.$eval(`>>> li.entry[data-rule="${rule}"] details`, (d) => ((d as HTMLDetailsElement).open = true));
  const btn = await panel.$(`>>> li.entry[data-rule="${rule}"] li.where[data-selector*="${selectorPart}"] button.show`);
  expect(btn, `${rule} ${selectorPart}`).not.toBeNull();
  await btn!.click();
  await waitForStatus(panel, /枠で示しました/);
}

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) as `${string}.png`, fullPage: true });
const panelHeight = (p: Page) => p.evaluate(() => document.scrollingElement!.scrollHeight);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // <all_urls>: chrome.tabs.captureVisibleTab needs it or activeTab (the toolbar click headless Chromium cannot make).
  await buildTestExtension(OUT, '<all_urls>');
  server = await servePages({
    '/many.html': manyFindingsPage(),
    '/frames-shadow.html': readFileSync(path.join(FIXTURES, 'frames-shadow.html'), 'utf8'),
    '/frame-tall.html': readFileSync(path.join(FIXTURES, 'frame-tall.html'), 'utf8'),
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

describe('results an editor can scan (80+ findings)', () => {
  let site: Page;
  let panel: Page;
  let tabId: number;
  beforeAll(async () => {
    ({ site, panel, tabId } = await openAndAudit(`${server.url}/many.html`));
  }, 180_000);

  it('one entry per rule × criterion set; counts equal in the summary, the list and the badge; by severity', async () => {
    const result = await panelResult(panel);
    const findings = result.pages[0].findings;
    expect(findings.length).toBeGreaterThanOrEqual(80);
    const entries = await panel.$$eval('>>> li.entry', (els) =>
      els.map((e) => ({
        rule: e.getAttribute('data-rule')!,
        kind: e.getAttribute('data-kind') as FindingKind,
        count: Number(e.getAttribute('data-count')),
        shown: Number(e.querySelector('[data-testid=count]')!.textContent!.replace(/\D/g, '')),
        criteria: [...e.querySelectorAll('summary [data-criterion]')].map((b) => b.getAttribute('data-criterion')),
        texts: e.querySelector('.texts')?.textContent ?? '',
        open: (e.querySelector('details') as HTMLDetailsElement).open,
      })),
    );
    expect(entries.length).toBeLessThan(findings.length / 5);
    expect(entries.every((e) => !e.open)).toBe(true);
    expect(entries.every((e) => e.count === e.shown)).toBe(true);
    const summary = await panel.$$eval('>>> [data-testid=summary] [data-kind]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-kind'), Number(e.textContent)])));
    for (const k of ['violation', 'review', 'advisory'] as const) {
      const listed = entries.filter((e) => e.kind === k).reduce((n, e) => n + e.count, 0);
      expect(listed, k).toBe(findings.filter((f) => f.kind === k).length);
      expect(summary[k], k).toBe(listed);
    }
    // every finding once
    expect(entries.reduce((n, e) => n + e.count, 0)).toBe(findings.length);
    const badge = await panel.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toBe(String(summary.violation));
    // a finding under two criteria: once, with both badges
    const heading = entries.filter((e) => e.rule === 'empty-heading');
    expect(heading).toHaveLength(1);
    expect(heading[0].criteria).toEqual(['1.3.1', '2.4.6']);
    // 「リンク『こちら』 40 件」
    const links = entries.find((e) => e.rule === 'jis-link-text');
    expect(links?.count).toBe(40);
    expect(links?.texts).toBe('「こちら」');
    expect(entries.find((e) => e.rule === 'image-alt')?.count).toBe(24);
    // severity: 不適合, then 要確認, then 参考
    const rank = { violation: 0, review: 1, advisory: 2 };
    expect(entries.map((e) => rank[e.kind])).toEqual([...entries.map((e) => rank[e.kind])].sort());
  });

  it('stays short folded (panel height measured), and opens to 何が問題か / 直し方 / 場所 with a picture of the element', async () => {
    await panel.bringToFront();
    const folded = await panelHeight(panel);
    await shot(panel, 'results-folded');
    await site.bringToFront();
    await panel.$eval('>>> li.entry[data-rule="image-alt"] details', (d) => ((d as HTMLDetailsElement).open = true));
    // the pictures come from chrome.tabs.captureVisibleTab of the audited tab, cropped to each element
    await panel.waitForFunction(
      () => {
        const e = document.querySelector('jis-panel')!.shadowRoot!.querySelector('jis-results')!.shadowRoot!.querySelector('li.entry[data-rule="image-alt"]')!;
        return e.querySelectorAll('img.shot').length > 0 || e.querySelector('.shot-reason');
      },
      { timeout: 30_000 },
    );
    const entry = await panel.$eval('>>> li.entry[data-rule="image-alt"]', (e) => ({
      body: e.querySelector('.body')!.textContent!,
      shots: [...e.querySelectorAll('img.shot')].map((i) => ({ w: (i as HTMLImageElement).naturalWidth, h: (i as HTMLImageElement).naturalHeight, alt: i.getAttribute('alt') })),
      reason: e.querySelector('.shot-reason')?.textContent ?? '',
      devOpen: (e.querySelector('details.dev') as HTMLDetailsElement).open,
      selector: e.querySelector('details.dev .sel')?.textContent,
    }));
    for (const part of ['何が問題か', '直し方', '場所']) expect(entry.body).toContain(part);
    expect(entry.body).toContain('画像に代替テキスト（alt 属性）がありません。');
    expect(entry.reason).toBe('');
    expect(entry.shots.length).toBeGreaterThan(0);
    // a 40×20 image with an 8 px margin: the crop is the element, not the whole tab
    expect(entry.shots[0].w).toBeGreaterThanOrEqual(40);
    expect(entry.shots[0].w).toBeLessThan(200);
    expect(entry.devOpen).toBe(false); // selector and HTML behind 開発者向け
    expect(entry.selector).toMatch(/#i\d+/);
    await panel.bringToFront();
    await shot(panel, 'results-entry-open');
    const openAll = await panel.evaluate(() => {
      const r = document.querySelector('jis-panel')!.shadowRoot!.querySelector('jis-results')!.shadowRoot!;
      for (const d of r.querySelectorAll('li.entry > details')) (d as HTMLDetailsElement).open = true;
      return document.scrollingElement!.scrollHeight;
    });
    const heights = { findings: (await panelResult(panel)).pages[0].findings.length, foldedPx: folded, allOpenPx: openAll, issueBeforePx: { findings: 88, px: 35300 } };
    writeFileSync(path.join(ARTIFACTS, 'panel-heights.json'), JSON.stringify(heights, null, 2));
    console.log('panel height', heights);
    expect(folded).toBeLessThan(4000);
    expect(folded).toBeLessThan(openAll);
  });
});

describe('highlights and overlays land on their elements', () => {
  let site: Page;
  let panel: Page;
  beforeAll(async () => {
    ({ site, panel } = await openAndAudit(`${server.url}/frames-shadow.html`));
  }, 180_000);

  it('inside a same-origin frame scrolled into view (frame offset measured after the scroll)', async () => {
    await site.evaluate(() => window.scrollTo(0, 0));
    await showFinding(panel, 'image-alt', 'michi');
    const g = await site.evaluate(() => {
      const hl = document.getElementById('jis-a11y-highlight')!.getBoundingClientRect();
      const frame = document.getElementById('michi-frame') as HTMLIFrameElement;
      const fr = frame.getBoundingClientRect();
      const cs = getComputedStyle(frame);
      const img = frame.contentDocument!.getElementById('michi')!.getBoundingClientRect();
      return {
        hl: { x: hl.x, y: hl.y, w: hl.width, h: hl.height },
        img: { x: fr.x + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) + img.x, y: fr.y + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop) + img.y, w: img.width, h: img.height },
        top: scrollY,
        inner: frame.contentWindow!.scrollY,
      };
    });
    expect(g.top).toBeGreaterThan(500); // the page scrolled …
    expect(g.inner).toBeGreaterThan(0); // … and so did the frame
    // the outline is drawn 4 px outside the element
    expect(Math.abs(g.hl.x + 4 - g.img.x)).toBeLessThan(2);
    expect(Math.abs(g.hl.y + 4 - g.img.y)).toBeLessThan(2);
    expect(Math.abs(g.hl.w - 8 - g.img.w)).toBeLessThan(2);
    expect(Math.abs(g.hl.h - 8 - g.img.h)).toBeLessThan(2);
    await shot(site, 'highlight-in-scrolled-frame');
  });

  it('inside an open shadow root (axe gives the path as an array)', async () => {
    const result = await panelResult(panel);
    const f = result.pages[0].findings.find((x) => x.ruleId === 'button-name');
    expect(f?.selector).toContain(' ::shadow ');
    await showFinding(panel, 'button-name', 'go');
    const g = await site.evaluate(() => {
      const hl = document.getElementById('jis-a11y-highlight')!.getBoundingClientRect();
      const el = document.getElementById('widget')!.shadowRoot!.getElementById('go')!.getBoundingClientRect();
      return { hl: { x: hl.x, y: hl.y, w: hl.width, h: hl.height }, el: { x: el.x, y: el.y, w: el.width, h: el.height }, vh: innerHeight };
    });
    expect(g.el.y).toBeGreaterThanOrEqual(0);
    expect(g.el.y + g.el.h).toBeLessThanOrEqual(g.vh);
    expect(Math.abs(g.hl.x + 4 - g.el.x)).toBeLessThan(2);
    expect(Math.abs(g.hl.y + 4 - g.el.y)).toBeLessThan(2);
    expect(Math.abs(g.hl.w - 8 - g.el.w)).toBeLessThan(2);
    await shot(site, 'highlight-in-shadow-dom');
  });

  it('a frame the extension could not enter is one clear 要確認 entry saying so, not skipped in silence', async () => {
    const result = await panelResult(panel);
    const unchecked = result.pages[0].findings.filter((f) => f.ruleId === 'frame-tested');
    // the same-origin frame was checked; only the data: frame is reported
    expect(unchecked.map((f) => `${f.kind} ${f.selector}`)).toEqual(['review #gaibu']);
    const entry = await panel.$eval('>>> li.entry[data-rule="frame-tested"]', (e) => ({
      summary: e.querySelector('summary')!.textContent!.replace(/\s+/g, ' '),
      criteria: [...e.querySelectorAll('summary [data-criterion]')].map((b) => b.getAttribute('data-criterion')),
    }));
    expect(entry.summary).toContain('このフレームの中は検査できませんでした');
    expect(entry.summary).toContain('「外部の地図」');
    expect(entry.criteria).toEqual(['1.3.1', '4.1.2']);
    // the criteria it leaves unchecked are not passed, and say why
    for (const id of ['1.3.1', '4.1.2']) {
      const c = result.pages[0].criteria.find((x) => x.id === id)!;
      expect(c.outcome, id).not.toBe('pass');
      expect(c.outcome, id).not.toBe('inapplicable');
      if (c.outcome === 'review') expect(c.reason, id).toContain('中を検査できなかったフレーム');
    }
  });

  it('the highlight and the tab-order numbers follow their elements when the window is resized', async () => {
    await site.evaluate(() => window.scrollTo(0, 0));
    await clearStatus(panel);
    await panel.click('>>> #tab-aids');
    await panel.click('>>> button[data-aid=taborder]');
    await waitForStatus(panel, /移動順をページ上に表示しました/);
    await shot(panel, 'aids-taborder');
    const offsets = () =>
      site.evaluate(() => {
        const links = [...document.querySelectorAll('.cols > a')];
        return links.map((a, i) => {
          const n = document.querySelector(`[data-jis-a11y-tab="${i + 1}"]`)!.getBoundingClientRect();
          const r = a.getBoundingClientRect();
          return { dx: n.x - Math.max(0, r.x - 10 + scrollX) + scrollX, dy: n.y - Math.max(0, r.y - 10 + scrollY) + scrollY, y: r.y };
        });
      });
    const before = await offsets();
    for (const o of before) expect(Math.abs(o.dx) + Math.abs(o.dy)).toBeLessThan(2);
    const rowsBefore = new Set(before.map((o) => Math.round(o.y))).size;
    await site.bringToFront();
    await site.setViewport({ width: 560, height: 700 }); // the links wrap to more rows
    await site.waitForFunction(() => {
      const links = [...document.querySelectorAll('.cols > a')];
      return links.every((a, i) => {
        const n = document.querySelector(`[data-jis-a11y-tab="${i + 1}"]`)!.getBoundingClientRect();
        const r = a.getBoundingClientRect();
        return Math.abs(n.x - Math.max(0, r.x - 10 + scrollX) + scrollX) < 2 && Math.abs(n.y - Math.max(0, r.y - 10 + scrollY) + scrollY) < 2;
      });
    }, { timeout: 10_000 });
    const after = await offsets();
    expect(new Set(after.map((o) => Math.round(o.y))).size).toBeGreaterThan(rowsBefore);
    for (const o of after) expect(Math.abs(o.dx) + Math.abs(o.dy)).toBeLessThan(2);
    await shot(site, 'taborder-after-resize');
  });
});
