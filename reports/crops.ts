// Element screenshots (crops) for the report for fixers: at report time, the selected pages that have
// violations are opened again in the browser and each violating element is photographed small, so an
// editor sees the very thing to fix. Taken only when asked (`report --crops`) and only while the site
// answers; a page that does not load, an element that is gone or a crop over budget simply has none, and
// the report falls back to the element's visible text (model/visible-text.ts). Bounded: at most
// MAX_PER_RULE_PER_PAGE per rule and page, JPEG of at most MAX_CROP_BYTES each, MAX_RUN_BYTES in all,
// embedded as data: URLs so report.html stays one self-contained file.
import type { Browser, ElementHandle, Page } from 'puppeteer';
import { launchBrowser } from '../crawler/page/browser.js';
import type { Occurrence, ReportModel } from './model.js';

export const MAX_PER_RULE_PER_PAGE = 3;
export const MAX_CROP_BYTES = 30 * 1024;
export const MAX_RUN_BYTES = 2 * 1024 * 1024;
/** The largest part of an element photographed (CSS px); a bigger element is cut to its top left. */
const MAX_W = 800;
const MAX_H = 400;
const NAV_TIMEOUT_MS = 15_000;

export interface CropOptions {
  browser?: Browser;
  maxPerRulePerPage?: number;
  maxCropBytes?: number;
  maxRunBytes?: number;
}

export interface CropStats {
  pagesOpened: number;
  pagesFailed: number;
  crops: number;
  bytes: number;
  /** Occurrences left without a crop (element gone, too big, over budget). */
  skipped: number;
}

/** Violations on selected pages, by page URL, at most `perRule` per rule and page. */
export function cropTargets(m: ReportModel, perRule = MAX_PER_RULE_PER_PAGE): Map<string, Occurrence[]> {
  const selected = new Set(m.pages.filter((p) => p.selected).map((p) => p.url));
  const byPage = new Map<string, Occurrence[]>();
  for (const g of m.findingGroups) {
    for (const r of g.rules) {
      if (r.kind !== 'violation') continue;
      const count = new Map<string, number>();
      for (const o of r.occurrences) {
        // page-level findings and elements inside frames (selector a >>> b) have nothing to photograph here
        if (!selected.has(o.pageUrl) || !o.selector || o.selector.includes('>>>')) continue;
        const n = count.get(o.pageUrl) ?? 0;
        if (n >= perRule) continue;
        count.set(o.pageUrl, n + 1);
        byPage.set(o.pageUrl, [...(byPage.get(o.pageUrl) ?? []), o]);
      }
    }
  }
  return byPage;
}

/** One JPEG of the element within the byte budget (quality lowered once), or null. */
async function shoot(el: ElementHandle, maxBytes: number): Promise<Buffer | null> {
  const box = await el.boundingBox();
  if (!box || box.width < 1 || box.height < 1) return null;
  const clip = box.width > MAX_W || box.height > MAX_H ? { x: 0, y: 0, width: Math.min(box.width, MAX_W), height: Math.min(box.height, MAX_H) } : undefined;
  for (const quality of [70, 40]) {
    const img = Buffer.from(await el.screenshot({ type: 'jpeg', quality, clip }));
    if (img.length <= maxBytes) return img;
  }
  return null;
}

async function cropPage(page: Page, url: string, occ: Occurrence[], budget: { left: number }, maxCrop: number, stats: CropStats): Promise<void> {
  const res = await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS }).catch(() => null);
  if (!res || !res.ok()) {
    stats.pagesFailed++;
    stats.skipped += occ.length;
    return;
  }
  stats.pagesOpened++;
  for (const o of occ) {
    const el = budget.left > 0 ? await page.$(o.selector).catch(() => null) : null;
    const img = el ? await shoot(el, Math.min(maxCrop, budget.left)).catch(() => null) : null;
    await el?.dispose().catch(() => {});
    if (!img) {
      stats.skipped++;
      continue;
    }
    budget.left -= img.length;
    stats.crops++;
    stats.bytes += img.length;
    o.crop = `data:image/jpeg;base64,${img.toString('base64')}`;
  }
}

/** Adds crops to the model's violation occurrences on selected pages (in place); never throws for a page. */
export async function addCrops(m: ReportModel, opts: CropOptions = {}): Promise<CropStats> {
  const stats: CropStats = { pagesOpened: 0, pagesFailed: 0, crops: 0, bytes: 0, skipped: 0 };
  const targets = cropTargets(m, opts.maxPerRulePerPage);
  if (!targets.size) return stats;
  const browser = opts.browser ?? (await launchBrowser());
  const budget = { left: opts.maxRunBytes ?? MAX_RUN_BYTES };
  try {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1280, height: 900 });
      for (const [url, occ] of targets) await cropPage(page, url, occ, budget, opts.maxCropBytes ?? MAX_CROP_BYTES, stats);
    } finally {
      await page.close().catch(() => {});
    }
  } finally {
    if (!opts.browser) await browser.close().catch(() => {});
  }
  return stats;
}
