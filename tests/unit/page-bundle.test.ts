// One build for all page code (docs/architecture.md, rules-jis/page/): the bundle carries the link collector, the make-up and the
// keyboard helpers on window.jisA11y, nothing under crawler/ builds page code at run time or keeps it in
// strings, and the keyboard helpers take away everything they add to a page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../crawler/page/browser.js';
import { ensureBundle } from '../../crawler/page/inject.js';
import { servePages, type PageServer } from '../helpers/server.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function tsFiles(dir: string): string[] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

describe('page code is built once, into the bundle', () => {
  it('nothing under crawler/ imports esbuild or keeps page code in strings', () => {
    const offenders = tsFiles('crawler').filter((f) => {
      const src = readFileSync(path.join(ROOT, f), 'utf8');
      return /from\s+['"]esbuild['"]|import\(\s*['"]esbuild['"]/.test(src) || /__jisKbd|_IN_PAGE\s*=\s*`/.test(src);
    });
    expect(offenders).toEqual([]);
  });
});

describe('the bundle API in a page', () => {
  let browser: Browser;
  let server: PageServer;
  let page: Page;
  beforeAll(async () => {
    server = await servePages({
      '/': `<!doctype html><html lang="ja"><head><title>テスト</title><link rel="stylesheet" href="/s.css"></head><body>
<header><nav aria-label="メニュー"><a href="/a">暮らし</a> <a href="/b" aria-label="健康・福祉のページ">健康</a></nav></header>
<main><h1>見出し</h1><p><a href="/c"><img src="/i.png" alt="地図"></a> <button>送る</button> <input type="checkbox" id="c1"><label for="c1">同意する</label></p></main></body></html>`,
      '/s.css': { body: 'a:focus{outline:3px solid #000}', type: 'text/css' },
    });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(server.url + '/', { waitUntil: 'load' });
    expect(await ensureBundle(page.mainFrame())).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('exposes run, collect, templateIdentity, contrast and the keyboard helpers (not the old make-up: bench/makeup.ts)', async () => {
    const api = await page.evaluate(() => {
      const j = window.jisA11y!;
      return { top: Object.keys(j).sort(), keyboard: Object.keys(j.keyboard).sort() };
    });
    expect(api.top).toEqual(['axeVersion', 'collect', 'contrast', 'keyboard', 'run', 'templateIdentity', 'version']);
    expect(api.keyboard).toEqual(expect.arrayContaining(['init', 'cleanup', 'active', 'activeId', 'controlCandidates', 'inputTargets', 'drawOverlay']));
  });

  it('collects links with their accessible names, navigation blocks and assets', async () => {
    const c = await page.evaluate(() => window.jisA11y!.collect());
    expect(c.links.map((l) => `${l.area}:${l.text}`)).toEqual(['nav:暮らし', 'nav:健康・福祉のページ', 'main:地図']);
    expect(c.nav).toEqual([{ key: 'nav[メニュー]', hrefs: [server.url + '/a', server.url + '/b'] }]);
    expect(c.assets).toEqual([server.url + '/s.css']);
  });

  it('the keyboard helpers name stops with axe and leave the page as they found it', async () => {
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const stops = await page.evaluate(() => {
      const k = window.jisA11y!.keyboard;
      const n = k.init();
      k.reset();
      const names: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('a, button, input'))) {
        el.focus();
        const a = k.active(names.length + 1);
        if (!a.none) names.push(a.stop.name);
      }
      k.drawOverlay([{ index: 1, rect: { x: 0, y: 0, width: 10, height: 10 }, visible: true }]);
      k.cleanup();
      return { n, names };
    });
    expect(stops.n).toBe(5);
    expect(stops.names).toEqual(['暮らし', '健康・福祉のページ', '地図', '送る', '同意する']);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(await page.evaluate(() => !!(window as unknown as { axe: { _tree?: unknown } }).axe._tree)).toBe(false);
  });
});
