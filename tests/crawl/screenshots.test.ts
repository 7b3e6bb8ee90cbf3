// Screenshots during the crawl (issue 15, the page view): a crawl of the sample site in real headless
// Chromium photographs the open test's selected pages and the top page, and nothing else; each picture is a
// file beside the store named by the SHA-256 of its bytes, 1280 px wide, at most 8,000 px tall and within the
// byte bound, with the boxes of the page's findings inside it. A second crawl of the unchanged site keeps the
// same file (incremental reuse carries it; a full re-audit photographs the same bytes again: one file).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl, type CrawlOutcome } from '../../crawler/crawl/crawl.js';
import { serveSampleSite } from '../../crawler/cli/sample-site.js';
import type { StaticServer } from '../../crawler/page/static-server.js';
import { MAX_SCREENSHOT_BYTES, MAX_SCREENSHOT_HEIGHT, SCREENSHOT_WIDTH } from '../../crawler/page/screenshot.js';
import { ContentFiles, filesDirOf } from '../../crawler/store/files.js';
import { collect, openStore, type StoredScreenshot } from '../../crawler/store/store.js';

let server: StaticServer;
let dir: string;
let db: string;
let selected: string[];
let first: CrawlOutcome;
const logs: string[] = [];

const crawl = (extra: Record<string, unknown> = {}) =>
  runCrawl(mergeConfig({ startUrls: [server.url], concurrency: 2, interaction: { enabled: false }, checkDocuments: false, output: { dir }, ...extra }), {
    hooks: { onLog: (l) => logs.push(l) },
  });

async function shotsOf(runId: number): Promise<StoredScreenshot[]> {
  const store = await openStore(db, { readonly: true });
  try {
    const out: StoredScreenshot[] = [];
    for (const p of await collect(store.results.iteratePages(runId))) {
      const s = await store.files.screenshotOf(runId, p.url);
      if (s) out.push(s);
    }
    return out.sort((a, b) => a.url.localeCompare(b.url));
  } finally {
    await store.close();
  }
}

const filesNow = () => readdirSync(filesDirOf(db)).filter((f) => !f.startsWith('.')).sort();

beforeAll(async () => {
  server = await serveSampleSite();
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-shots-'));
  db = path.join(dir, 'jis-a11y.sqlite');
  selected = [`${server.url}form/otoiawase.html`, `${server.url}event/event-01.html`];
  // the year's test and its representative pages exist before the crawl (a person chose them)
  const store = await openStore(db);
  const test = await store.tests.create({ name: '令和8年度 試験', fiscalYear: 2026 });
  await store.selection.replaceRepresentative(test.id, selected.map((url) => ({ url, kind: 'representative', reason: '利用者が指定', source: 'user' })));
  await store.close();
  first = await crawl();
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('screenshots during the crawl', () => {
  it('photographs the selected pages and the top page, and no other', async () => {
    expect(first.status).toBe('finished');
    const shots = await shotsOf(first.runId);
    expect(shots.map((s) => s.url)).toEqual([server.url, ...selected].sort());
  });

  it('stores each picture as a file named by its SHA-256, 1280 px wide, bounded in height and bytes', async () => {
    const files = new ContentFiles(filesDirOf(db));
    for (const s of await shotsOf(first.runId)) {
      const bytes = readFileSync(files.pathOf(s.sha256));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(s.sha256);
      expect(bytes.length).toBeLessThanOrEqual(MAX_SCREENSHOT_BYTES);
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('webp');
      expect([meta.width, meta.height]).toEqual([s.width, s.height]);
      expect(s.width).toBe(SCREENSHOT_WIDTH);
      expect(s.height).toBeLessThanOrEqual(MAX_SCREENSHOT_HEIGHT);
      expect(s.height).toBe(Math.min(s.pageHeight, MAX_SCREENSHOT_HEIGHT));
    }
  });

  it('keeps the boxes of the page findings, each inside the picture and naming a finding of the page', async () => {
    const store = await openStore(db, { readonly: true });
    try {
      const form = (await store.files.screenshotOf(first.runId, selected[0]!))!;
      const page = (await store.results.pageByUrl(first.runId, selected[0]!))!;
      const selectors = new Set((await store.results.findingsOfPage(page.id)).map((f) => f.selector));
      expect(form.boxes.length).toBeGreaterThan(0);
      for (const b of form.boxes) {
        expect(selectors.has(b.selector)).toBe(true);
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.width).toBeGreaterThan(0);
        expect(b.height).toBeGreaterThan(0);
        expect(b.x + b.width).toBeLessThanOrEqual(form.width);
        expect(b.y + b.height).toBeLessThanOrEqual(form.height);
      }
    } finally {
      await store.close();
    }
  });

  it('a second crawl of the unchanged site reuses the files (incremental: carried; full: the same bytes again)', async () => {
    const before = filesNow();
    const firstShots = await shotsOf(first.runId);
    expect(before).toEqual([...new Set(firstShots.map((s) => s.sha256))].sort());

    const again = await crawl();
    expect((await shotsOf(again.runId)).map((s) => [s.url, s.sha256])).toEqual(firstShots.map((s) => [s.url, s.sha256]));
    expect(filesNow()).toEqual(before);

    const full = await crawl({ incremental: false });
    expect((await shotsOf(full.runId)).map((s) => [s.url, s.sha256])).toEqual(firstShots.map((s) => [s.url, s.sha256]));
    expect(filesNow()).toEqual(before);
  }, 300_000);

  it('a page selected after the last crawl is photographed by the next (incremental) crawl', async () => {
    const added = `${server.url}kurashi/gomi.html`;
    const store = await openStore(db);
    const test = (await store.tests.openTest())!;
    await store.selection.replaceRepresentative(test.id, [...selected, added].map((url) => ({ url, kind: 'representative', reason: '利用者が指定', source: 'user' })));
    await store.close();
    const next = await crawl();
    expect((await shotsOf(next.runId)).map((s) => s.url)).toEqual([server.url, ...selected, added].sort());
  }, 300_000);

  it('screenshots: none takes no picture', async () => {
    const none = await crawl({ incremental: false, screenshots: 'none', scope: { maxPages: 5 } });
    expect(await shotsOf(none.runId)).toEqual([]);
    expect(existsSync(filesDirOf(db))).toBe(true);
  }, 300_000);
});

describe('the files folder builds paths only from a SHA-256', () => {
  const files = new ContentFiles('/nonexistent-dir-for-test');
  it.each(['../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '/etc/passwd', '..\\..\\x', 'A'.repeat(64), 'a'.repeat(63), `${'a'.repeat(64)}/..`, ''])('refuses %j', async (name) => {
    expect(() => files.pathOf(name)).toThrow(/SHA-256/);
    expect(await files.read(name)).toBeNull();
    expect(await files.has(name)).toBe(false);
  });
});
