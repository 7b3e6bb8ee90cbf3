// A small picture of a finding's element for the results list: the visible part of the audited tab
// (chrome.tabs.captureVisibleTab, which activeTab or the site's host permission allows) cropped to the
// element's box. The tab must be the one shown in its window; otherwise the reason says so.
import { browser } from 'wxt/browser';

/** The element's box in the top viewport (CSS pixels), and the page's device pixel ratio. */
export interface ViewportBox {
  x: number;
  y: number;
  w: number;
  h: number;
  vw: number;
  vh: number;
  dpr: number;
}

export interface Shot {
  url?: string;
  reason?: string;
}

/** Room kept around the element so its surroundings show. */
const MARGIN = 8;
/** Largest picture, CSS pixels (a tall element is cut). */
const MAX_W = 600;
const MAX_H = 240;

async function crop(dataUrl: string, b: ViewportBox): Promise<string> {
  const img = await createImageBitmap(await (await fetch(dataUrl)).blob());
  const scale = img.width / b.vw; // the capture's pixels per CSS pixel
  const x = Math.max(0, b.x - MARGIN);
  const y = Math.max(0, b.y - MARGIN);
  const w = Math.min(b.w + 2 * MARGIN, MAX_W, b.vw - x);
  const h = Math.min(b.h + 2 * MARGIN, MAX_H, b.vh - y);
  const canvas = new OffscreenCanvas(Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale)));
  canvas.getContext('2d')!.drawImage(img, x * scale, y * scale, w * scale, h * scale, 0, 0, canvas.width, canvas.height);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return await new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}

/** Captures the tab and crops it to `box`; a reason instead when the browser cannot. */
export async function elementShot(tabId: number, box: ViewportBox | null): Promise<Shot> {
  if (!box) return { reason: '要素が見つからないか、画面に表示されていないため、画像はありません。' };
  if (box.w < 1 || box.h < 1) return { reason: '大きさのない要素のため、画像はありません。' };
  const tab = await browser.tabs.get(tabId);
  if (!tab.active) return { reason: '検査したページのタブが表示されていないため、画像を撮れませんでした。ページのタブを表示してから開き直してください。' };
  let url: string;
  try {
    url = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  } catch (err) {
    // Chrome allows the capture with activeTab (the toolbar click) or access to all sites, not one site's.
    if (/permission/i.test(err instanceof Error ? err.message : String(err)))
      return { reason: '画像を撮るには、ページでツールバーの jis-a11y ボタン（Alt+Shift+J）を押してください。押した後に開き直すと表示されます。' };
    throw err;
  }
  return { url: await crop(url, box) };
}
