// The panel's side of the conversation with the audited tab, through chrome.scripting (tab-scripting.ts).
// Kept behind the PanelHost interface so the lit components can be tested without a browser.
import { browser } from 'wxt/browser';
import type { AuditResult, InPageOutput } from '../../rules-jis/types.js';
import { singlePageResult } from '../../rules-jis/result.js';
import { chromeStore, type KeyValueStore } from './judgements.js';
import type { AidName, ContrastReport, OutlineItem } from './page-aids.js';
import { originOf, TabScripting, type LiveKeysOp } from './tab-scripting.js';
import type { LiveRecording } from '../../rules-jis/page/keyboard/index.js';
import { elementShot, type Shot, type ViewportBox } from './element-shot.js';

export { NoAccessError, originOf } from './tab-scripting.js';

export interface TabInfo {
  tabId: number;
  url: string;
  title: string;
}

export interface AuditRun {
  result: AuditResult;
  output: InPageOutput;
}

export interface PanelHost {
  tab(): Promise<TabInfo | null>;
  audit(): Promise<AuditRun>;
  highlight(selector: string): Promise<{ found: boolean; reason?: string }>;
  /** A small picture of the element (the tab's visible part cropped to it), or why there is none. */
  shot(selector: string): Promise<Shot>;
  showAid(aid: AidName, on: boolean): Promise<{ count: number; items: OutlineItem[] }>;
  startPicker(): Promise<void>;
  stopPicker(): Promise<void>;
  measureFocused(): Promise<ContrastReport | null>;
  clearAids(): Promise<void>;
  setBadge(violations: number, reviews: number): Promise<void>;
  /** Asks for access to the tab's site (called first thing in a click handler: it needs the user gesture). */
  requestAccess(url: string): Promise<boolean>;
  onContrast(cb: (r: ContrastReport) => void): void;
  onTabChanged(cb: () => void): void;
  store: KeyValueStore;
  /** The live keyboard check: start → the number of tabbable elements; report/stop → the recording; clear → null. */
  liveKeys?(op: LiveKeysOp): Promise<LiveRecording | number | null>;
}

async function findTab(fixedTabId: number | null): Promise<TabInfo | null> {
  const t = fixedTabId != null ? await browser.tabs.get(fixedTabId) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!t || t.id == null) return null;
  return { tabId: t.id, url: t.url ?? '', title: t.title ?? '' };
}

/** The count of violations on the toolbar button. Never a "pass" mark: most criteria still need a person (docs/architecture.md "Outcomes"). */
async function badge(tabId: number, violations: number, reviews: number): Promise<void> {
  const text = violations > 999 ? '999+' : String(violations);
  await browser.action.setBadgeText({ tabId, text });
  await browser.action.setBadgeBackgroundColor({ tabId, color: violations > 0 ? '#b00020' : '#8a5a00' });
  await browser.action.setTitle({ tabId, title: `jis-a11y: 不適合 ${violations} 件・要確認 ${reviews} 件` });
}

/** Calls `cb` when the audited tab starts loading another page (or another tab becomes the audited one). */
function watchTab(fixedTabId: number | null, cb: () => void): void {
  if (fixedTabId != null) {
    browser.tabs.onUpdated.addListener((id, info) => {
      if (id === fixedTabId && info.status === 'loading') cb();
    });
    return;
  }
  browser.tabs.onActivated.addListener(() => cb());
  browser.tabs.onUpdated.addListener((_id, info, t) => {
    if (t.active && info.status === 'loading') cb();
  });
}

export function createChromeHost(fixedTabId: number | null): PanelHost {
  const tab = () => findTab(fixedTabId);
  /** The audited tab's scripting, or an error the panel shows. */
  async function scripting(): Promise<TabScripting> {
    const t = await tab();
    if (!t) throw new Error('検査するタブが見つかりません。');
    if (t.url && !/^https?:|^file:/.test(t.url)) throw new Error('このページは検査できません（http / https のページだけが対象です）。');
    return new TabScripting(t.tabId, originOf(t.url));
  }
  const aids = async <R>(name: Parameters<TabScripting['aids']>[0], ...args: unknown[]) => (await scripting()).aids<R>(name, ...args);
  const measure = async (selector: string | null) => (await scripting()).contrast(selector);

  return {
    tab,
    store: chromeStore(browser.storage.local as unknown as Parameters<typeof chromeStore>[0]),
    async audit() {
      const output = await (await scripting()).audit();
      return { output, result: singlePageResult(output, navigator.userAgent) };
    },
    highlight: (selector) => aids('highlight', selector),
    async shot(selector) {
      const t = await tab();
      if (!t) return { reason: '検査するタブが見つかりません。' };
      return elementShot(t.tabId, await aids<ViewportBox | null>('viewportBox', selector));
    },
    showAid: (aid, on) => aids('show', aid, on),
    startPicker: () => aids('startPicker'),
    stopPicker: () => aids('stopPicker'),
    measureFocused: () => measure(null),
    clearAids: () => aids('clear'),
    async setBadge(violations, reviews) {
      const t = await tab();
      if (t) await badge(t.tabId, violations, reviews);
    },
    requestAccess(url) {
      return browser.permissions.request({ origins: [`${originOf(url)}/*`] });
    },
    onContrast(cb) {
      // the aids send the picked element's selector (extension/entrypoints/aids.ts); the measure happens here
      browser.runtime.onMessage.addListener((msg: unknown) => {
        const m = msg as { type?: string; selector?: string };
        if (m?.type !== 'jis-a11y:picked' || !m.selector) return;
        void measure(m.selector)
          .then((report) => report && cb(report))
          .catch(() => undefined);
      });
    },
    onTabChanged: (cb) => watchTab(fixedTabId, cb),
    liveKeys: async (op) => (await scripting()).liveKeys(op),
  };
}
