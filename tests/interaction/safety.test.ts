// The phase never leaves the page navigated away, never hangs, stays bounded, and draws its overlay.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInteractionPhase } from '../../crawler/page/interaction/index.js';
import { decodePng } from '../../crawler/page/interaction/png.js';
import { ensureBundle } from '../../crawler/page/inject.js';
import { jaPage } from '../helpers/server.js';
import { createHarness, of, type Harness } from './harness.js';

const endless = jaPage(`<h1>無限に増えるリンク</h1><p id="list"><a href="/n0">0</a></p>
<script>let n = 0; document.addEventListener('focusin', (e) => { const a = document.createElement('a'); a.href = '/n' + (++n); a.textContent = ' ' + n; document.getElementById('list').appendChild(a); });</script>`);
const slow = jaPage(`<h1>フォーカスのたびに重い処理</h1>${Array.from({ length: 40 }, (_, i) => `<a href="/s${i}">リンク${i}</a> `).join('')}
<script>document.addEventListener('focusin', () => { const t = Date.now(); while (Date.now() - t < 150) {} });</script>`);
const alerts = jaPage(`<h1>アラート</h1><p><a href="/a">その1</a> <button onclick="confirm('よろしいですか')">確認</button>
<span role="button" tabindex="0" onclick="alert('押しました')">押す</span></p>`);
const goAway = jaPage(`<h1>すぐ移動するページ</h1><p><a href="/x" onfocus="location.href='/moved'">ここ</a></p>`);

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ '/endless.html': endless, '/slow.html': slow, '/go-away.html': goAway, '/alerts.html': alerts, '/moved': jaPage('<p>移動先</p>') });
});
afterAll(async () => {
  await h?.close();
});

describe('interaction phase: safety', () => {
  it('the page is never left navigated away (guarded pages keep their very document)', async () => {
    for (const p of ['/select-nav.html', '/focus-window.html', '/go-away.html', '/div-button.html', '/dropdown.html']) {
      const r = await h.run(p);
      expect(r.urlAfter, p).toBe(r.url);
      expect(r.sameDocument, p).toBe(true);
      expect(r.pagesAfter, p).toBe(r.pagesBefore);
      expect(r.restored, p).toBe(false);
    }
    const r = await h.run('/go-away.html');
    expect(of(r, 'on-focus', 'violation')).toHaveLength(1);
  });

  it('when navigation does get through (caller says interception is theirs), the original URL is restored', async () => {
    const r = await h.run('/go-away.html', { requestInterceptionEnabled: true });
    expect(r.restored).toBe(true);
    expect(r.urlAfter).toBe(r.url);
  });

  it('pages set with setContent (about:blank) stay as they are', async () => {
    const page = await h.browser.newPage();
    try {
      // about:blank has no base URL: the page navigates to an absolute one
      const html = readFileSync(new URL('../fixtures/interaction/select-nav.html', import.meta.url), 'utf8').replace('location.href = this.value', `location.href = '${h.server.url}' + this.value`);
      await page.setContent(html);
      await ensureBundle(page.mainFrame());
      const r = await runInteractionPhase(page);
      expect(of(r, 'on-input', 'violation')).toHaveLength(2);
      expect(page.url()).toBe('about:blank');
      expect(await page.$eval('h1', (e) => e.textContent)).toBe('市町村のページへ');
    } finally {
      await page.close();
    }
  });

  it('alert / confirm dialogs do not block the phase', async () => {
    const r = await h.run('/alerts.html', { budgetMs: 5000 });
    expect(r.timedOut).toBe(false);
    expect(r.focusOrder.map((s) => s.name)).toEqual(['その1', '確認', '押す']);
    expect(r.sameDocument).toBe(true);
    // an alert on focus re-fires every time the page gets focus back: we still return in time
    const page = await h.browser.newPage();
    try {
      await page.setContent(jaPage(`<p><a href="/a" onfocus="alert('フォーカスしました')">その1</a></p>`));
      await ensureBundle(page.mainFrame());
      const t = Date.now();
      const loop = await runInteractionPhase(page, { budgetMs: 2000 });
      expect(Date.now() - t).toBeLessThan(2000 + 700);
      expect(loop.focusOrder[0]?.name ?? '').toMatch(/^(その1)?$/);
    } finally {
      await page.close();
    }
  });

  it('Tab presses are bounded on a page that grows forever', async () => {
    const r = await h.run('/endless.html', { maxTabs: 30 });
    expect(r.focusOrder.length).toBeLessThanOrEqual(30);
    expect(r.focusOrder.length).toBeGreaterThan(10);
    expect(r.elapsedMs).toBeLessThan(10_000);
    expect(r.sameDocument).toBe(true);
  });

  it('the time budget holds on a slow page: the Tab pass stops at its share, the probes still run', async () => {
    const r = await h.run('/slow.html', { budgetMs: 2000 });
    expect(r.elapsedMs).toBeLessThan(2000 + 700);
    expect(r.traversalComplete).toBe(false);
    expect(r.focusOrder.length).toBeGreaterThan(0);
    expect(r.focusOrder.length).toBeLessThan(40);
    expect(r.sameDocument).toBe(true);
  });

  it('a budget too small for anything: timedOut, and the checks that did not run have no RuleStat', async () => {
    const r = await h.run('/slow.html', { budgetMs: 600 });
    expect(r.elapsedMs).toBeLessThan(600 + 700);
    expect(r.timedOut).toBe(true);
    expect(r.ruleStats.find((s) => s.ruleId === 'keyboard-operable')).toBeUndefined();
    expect(r.sameDocument).toBe(true);
  });

  it('the focus-order overlay is a PNG of the page, written to overlayPath when given', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'jis-kbd-')), 'order.png');
    const r = await h.run('/article.html', { overlayPath: out });
    expect(r.overlayPng).toBeInstanceOf(Buffer);
    expect(r.overlayPng!.subarray(1, 4).toString()).toBe('PNG');
    const img = decodePng(r.overlayPng!);
    expect(img.width).toBe(1280);
    expect(existsSync(out)).toBe(true);
    // the overlay layer and helper are gone from the page afterwards (checked in the same run by the harness marker)
    expect(r.sameDocument).toBe(true);
  });
});

describe('interaction phase: a renderer that hangs', () => {
  it('returns within the budget even when focus starts an endless loop', async () => {
    const hang = jaPage(`<p><a href="/a">最初</a> <a href="/b" onfocus="for(;;){}">固まるリンク</a></p>`);
    // own browser: a hung renderer would stall every 127.0.0.1 page sharing its process
    const { launchBrowser } = await import('../../crawler/page/browser.js');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent(hang);
      await ensureBundle(page.mainFrame());
      const t = Date.now();
      const r = await runInteractionPhase(page, { budgetMs: 3000 });
      // within the budget plus the time to give up on a hung renderer (1.5 s of slack: CI runs two test files at once on 2 cores)
      expect(Date.now() - t).toBeLessThan(3000 + 1500);
      expect(r.timedOut).toBe(true);
      expect(r.focusOrder).toEqual([]);
    } finally {
      await Promise.race([browser.close(), new Promise((res) => setTimeout(res, 5000))]);
      browser.process()?.kill('SIGKILL');
    }
  });
});
