// Screenshots during the crawl (issue 15, the workspace's page view): which pages are photographed and where
// the pictures go. `screenshots: 'selected'` (the default) photographs the open test's selected pages (代表 and
// ランダム, store.selection) and the start URLs (the top page); 'all' every audited page; 'none' nothing.
// The picture (crawler/page/screenshot.ts) is written as a content-addressed file beside the store
// (crawler/store/files.ts) and recorded with its size and the boxes of the page's findings. A page reused
// unchanged by an incremental audit keeps its screenshot: the row is carried to the new run, the file shared;
// a selected page the previous run did not photograph (selected since) is audited afresh to be photographed.
// A screenshot that fails never fails the page: it is logged and the crawl goes on.
import type { Page } from 'puppeteer';
import type { PageResult } from '../../rules-jis/types.js';
import { takeScreenshot } from '../page/screenshot.js';
import { ContentFiles } from '../store/files.js';
import { isPostgresLocation, type Store } from '../store/store.js';
import { CRAWL_MESSAGES_JA as M, type CrawlLog } from './messages-ja.js';
import type { Normalize } from './discovery.js';

export type ScreenshotMode = 'all' | 'selected' | 'none';
export const SCREENSHOT_MODES: readonly ScreenshotMode[] = ['all', 'selected', 'none'];

export interface ScreenshotStats {
  taken: number;
  /** Of those taken, how many were already in the files folder (same bytes). */
  reusedFiles: number;
  carried: number;
  failed: number;
}

export class CrawlScreenshots {
  readonly stats: ScreenshotStats = { taken: 0, reusedFiles: 0, carried: 0, failed: 0 };

  private constructor(
    private store: Store,
    private runId: number,
    private files: ContentFiles,
    private mode: ScreenshotMode,
    private wanted: Set<string>,
    private log: CrawlLog,
  ) {}

  /** The run's plan: the open test's selection and the start URLs (normalised like the frontier's URLs). */
  static async open(o: { store: Store; runId: number; dbFile: string; mode: ScreenshotMode; startUrls: string[]; normalize: Normalize; log: CrawlLog }): Promise<CrawlScreenshots> {
    // the files beside a store are a folder next to a SQLite file; a PostgreSQL store has none yet (issue 20)
    if (isPostgresLocation(o.dbFile) && o.mode !== 'none') {
      o.log(M.screenshotsNotOnPostgres());
      o = { ...o, mode: 'none' };
    }
    const wanted = new Set(o.startUrls);
    if (o.mode === 'selected') {
      const test = await o.store.tests.openTest();
      const selected = test ? await o.store.selection.listSelection(test.id) : [];
      for (const p of selected) {
        const u = o.normalize(p.url);
        if (u) wanted.add(u);
      }
    }
    return new CrawlScreenshots(o.store, o.runId, ContentFiles.of(o.dbFile), o.mode, wanted, o.log);
  }

  wants(url: string): boolean {
    return this.mode === 'all' || (this.mode === 'selected' && this.wanted.has(url));
  }

  /** Photographs the audited page in its tab and records it; never throws. */
  async take(page: Page, url: string, result: PageResult | null): Promise<void> {
    try {
      const shot = await takeScreenshot(page, (result?.findings ?? []).map((f) => f.selector));
      if (!shot) {
        this.stats.failed++;
        this.log(M.screenshotTooLarge(url));
        return;
      }
      const { sha256, created } = await this.files.put(shot.bytes);
      await this.store.files.recordFile({ sha256, mime: 'image/webp', bytes: shot.bytes.length });
      await this.store.files.saveScreenshot(this.runId, { url, sha256, width: shot.width, height: shot.height, pageHeight: shot.pageHeight, boxes: shot.boxes });
      this.stats.taken++;
      if (!created) this.stats.reusedFiles++;
    } catch (e) {
      this.stats.failed++;
      this.log(M.screenshotFailed(url, e instanceof Error ? e.message : String(e)));
    }
  }

  /**
   * Whether a wanted page must be audited afresh to be photographed: the previous run has no picture of it
   * (it was selected after that run). Only then is its incremental reuse given up.
   */
  async needsFreshShot(prevRunId: number, url: string): Promise<boolean> {
    if (!this.wants(url)) return false;
    return !(await this.store.files.screenshotOf(prevRunId, url).catch(() => null));
  }

  /** A page reused from `fromRunId` keeps that run's screenshot (when it had one and is wanted now). */
  async carry(fromRunId: number, url: string): Promise<void> {
    if (!this.wants(url)) return;
    if (await this.store.files.carryScreenshot(fromRunId, this.runId, url).catch(() => false)) this.stats.carried++;
  }
}
