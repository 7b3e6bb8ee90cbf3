// The page's screenshot for the workspace's page view (issue 15), taken in the tab the crawl just audited,
// with the boxes of its findings at that moment so they can be drawn on the picture. Bounded: 1280 CSS px
// wide (the crawl's viewport), at most MAX_SCREENSHOT_HEIGHT tall (a longer page is cut at the bottom; the
// page's full height is kept), WebP encoded by sharp, at most MAX_SCREENSHOT_BYTES (the quality is lowered
// once; a picture still larger is not kept). Chromium renders PNG; sharp re-encodes it, so the stored file is
// the same bytes for the same rendering (the content address then finds the earlier file).
import type { Page } from 'puppeteer';
import sharp from 'sharp';
import type { FindingBox } from '../store/files-types.js';
import { withDeadline } from './deadline.js';

export const SCREENSHOT_WIDTH = 1280;
export const MAX_SCREENSHOT_HEIGHT = 8000;
export const MAX_SCREENSHOT_BYTES = 1536 * 1024;
const QUALITIES = [70, 45];
const MAX_BOXES = 500;
const DEADLINE_MS = 20_000;

export interface Screenshot {
  /** WebP bytes. */
  bytes: Buffer;
  width: number;
  height: number;
  pageHeight: number;
  boxes: FindingBox[];
}

/** Where each selector's element is in the page (document CSS px), for those the page still has. */
function boxesInPage(selectors: string[]): { selector: string; x: number; y: number; width: number; height: number }[] {
  const out: { selector: string; x: number; y: number; width: number; height: number }[] = [];
  for (const selector of selectors) {
    let el: Element | null = null;
    try {
      el = document.querySelector(selector);
    } catch {
      continue;
    }
    const r = el?.getBoundingClientRect();
    if (!r || (r.width < 1 && r.height < 1)) continue;
    out.push({ selector, x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height });
  }
  return out;
}

/** A box cut to the picture (null when it lies outside); pixels rounded. */
function clipBox(b: FindingBox, width: number, height: number): FindingBox | null {
  const x = Math.max(0, Math.round(b.x));
  const y = Math.max(0, Math.round(b.y));
  const right = Math.min(width, Math.round(b.x + b.width));
  const bottom = Math.min(height, Math.round(b.y + b.height));
  if (right <= x || bottom <= y) return null;
  return { selector: b.selector, x, y, width: right - x, height: bottom - y };
}

/** WebP within the byte bound (quality lowered once), or null. */
async function encode(png: Buffer): Promise<Buffer | null> {
  for (const quality of QUALITIES) {
    const webp = await sharp(png).webp({ quality, effort: 2 }).toBuffer();
    if (webp.length <= MAX_SCREENSHOT_BYTES) return webp;
  }
  return null;
}

async function shoot(page: Page, selectors: string[]): Promise<Screenshot | null> {
  const pageHeight = await page.evaluate(() => Math.ceil(Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0)));
  const height = Math.max(1, Math.min(pageHeight, MAX_SCREENSHOT_HEIGHT));
  const png = Buffer.from(await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: SCREENSHOT_WIDTH, height }, captureBeyondViewport: true }));
  const bytes = await encode(png);
  if (!bytes) return null;
  const meta = await sharp(bytes).metadata();
  const w = meta.width ?? SCREENSHOT_WIDTH;
  const h = meta.height ?? height;
  const wanted = [...new Set(selectors.filter((s) => s && !s.includes('>>>')))].slice(0, MAX_BOXES);
  const boxes = (await page.evaluate(boxesInPage, wanted)).map((b) => clipBox(b, w, h)).filter((b): b is FindingBox => !!b);
  return { bytes, width: w, height: h, pageHeight, boxes };
}

/**
 * Photographs the loaded page and finds where the given findings' elements are. Null when the picture is
 * over the byte bound; throws when the tab fails or takes longer than 20 s (the caller logs it and goes on).
 */
export function takeScreenshot(page: Page, selectors: string[]): Promise<Screenshot | null> {
  return withDeadline(shoot(page, selectors), DEADLINE_MS, () => new Error(`画面の撮影が ${DEADLINE_MS / 1000} 秒以内に終わりませんでした。`));
}
