// The panel's side of the conversation with the audited tab, through chrome.scripting.
// Kept behind the PanelHost interface so the lit components can be tested without a browser.
import { browser } from 'wxt/browser';
import type { AuditResult, InPageOutput } from '../../rules-jis/types.js';
import type {} from '../../rules-jis/page/api.js'; // window.jisA11y's type
import { auditResultFrom } from './result.js';
import { chromeStore, type KeyValueStore } from './judgements.js';
import type { AidName, AidsApi, ContrastReport, OutlineItem } from './page-aids.js';

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
}

/** Thrown when the extension may not touch the tab (no activeTab grant, no host permission). */
export class NoAccessError extends Error {
  constructor(public origin: string) {
    super(`このページ（${origin}）にアクセスする権限がありません。`);
    this.name = 'NoAccessError';
  }
}

declare global {
  // eslint-disable-next-line no-var
  var __jisA11yAids: AidsApi | undefined;
}

const BUNDLE_FILE = '/jis-a11y.bundle.js';
const AIDS_FILE = '/aids.js';

function isAccessError(err: unknown): boolean {
  const m = err instanceof Error ? err.message : String(err);
  return /Cannot access|permission|Missing host|cannot be scripted|chrome:\/\/|not allowed/i.test(m);
}

export function createChromeHost(fixedTabId: number | null): PanelHost {
  const scripting = browser.scripting;

  async function tab(): Promise<TabInfo | null> {
    const t = fixedTabId != null ? await browser.tabs.get(fixedTabId) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (!t || t.id == null) return null;
    return { tabId: t.id, url: t.url ?? '', title: t.title ?? '' };
  }

  async function requireTab(): Promise<TabInfo> {
    const t = await tab();
    if (!t) throw new Error('検査するタブが見つかりません。');
    if (t.url && !/^https?:|^file:/.test(t.url)) throw new Error('このページは検査できません（http / https のページだけが対象です）。');
    return t;
  }

  async function exec<T>(tabId: number, run: () => Promise<T>, origin: string): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (isAccessError(err)) throw new NoAccessError(origin);
      throw err;
    }
  }

  async function ensureAids(tabId: number, origin: string): Promise<void> {
    await exec(
      tabId,
      async () => {
        const [r] = await scripting.executeScript({ target: { tabId }, func: () => typeof globalThis.__jisA11yAids === 'object' });
        if (!r?.result) await scripting.executeScript({ target: { tabId }, files: [AIDS_FILE] });
      },
      origin,
    );
  }

  async function callAids<A extends unknown[], R>(name: keyof AidsApi, ...args: A): Promise<R> {
    const t = await requireTab();
    const origin = originOf(t.url);
    await ensureAids(t.tabId, origin);
    const [r] = await exec(
      t.tabId,
      () =>
        scripting.executeScript({
          target: { tabId: t.tabId },
          func: (n: string, a: unknown[]) => (globalThis.__jisA11yAids as unknown as Record<string, (...x: unknown[]) => unknown>)[n](...a) ?? null,
          args: [name, args],
        }),
      origin,
    );
    return r?.result as R;
  }

  /** Injects the bundle into the frames (all, or the top one) that do not have it: frames that have it keep their axe instance. */
  async function ensureBundle(tabId: number, origin: string, allFrames: boolean): Promise<void> {
    const have = await exec(
      tabId,
      () => scripting.executeScript({ target: { tabId, allFrames }, world: 'MAIN', func: () => typeof window.jisA11y === 'object' }),
      origin,
    );
    const missing = have.filter((r) => !r.result).map((r) => r.frameId);
    if (!missing.length) return;
    await exec(tabId, () => scripting.executeScript({ target: { tabId, frameIds: missing }, world: 'MAIN', files: [BUNDLE_FILE] }), origin);
  }

  /** Measures contrast with the bundle in the page's main world (axe's colour helpers) and draws it with the aids. */
  async function measure(selector: string | null): Promise<ContrastReport | null> {
    const t = await requireTab();
    const origin = originOf(t.url);
    await ensureBundle(t.tabId, origin, false);
    const [r] = await exec(
      t.tabId,
      () => scripting.executeScript({ target: { tabId: t.tabId }, world: 'MAIN', func: (sel: string | null) => window.jisA11y?.contrast(sel) ?? null, args: [selector] }),
      origin,
    );
    const report = (r?.result ?? null) as ContrastReport | null;
    if (report) await callAids('showContrast', report);
    return report;
  }

  const store = chromeStore(browser.storage.local as unknown as Parameters<typeof chromeStore>[0]);

  return {
    tab,
    store,
    async audit() {
      const t = await requireTab();
      const origin = originOf(t.url);
      // Overlays must not be audited as page content.
      await callAids('clear').catch(() => undefined);
      await ensureBundle(t.tabId, origin, true);
      const [r] = await exec(
        t.tabId,
        () =>
          scripting.executeScript({
            target: { tabId: t.tabId },
            world: 'MAIN',
            // Runs in the page: the served HTML (same cookies, so CMS previews work) feeds the 4.1.1 source checks.
            func: async () => {
              let source: string | undefined;
              try {
                const res = await fetch(location.href, { credentials: 'include' });
                const type = res.headers.get('content-type') ?? '';
                if (res.ok && /html/i.test(type)) source = await res.text();
              } catch {
                source = undefined;
              }
              // The bundle did not load: the page's Content-Security-Policy forbids what it needs.
              if (!window.jisA11y) return { notLoaded: true };
              return window.jisA11y.run({ source, iframes: true });
            },
          }),
        origin,
      );
      if (r?.result && 'notLoaded' in r.result) {
        throw new Error(
          '検査エンジンをこのページで動かせませんでした。ページのセキュリティ設定（Content-Security-Policy）がスクリプトの実行を制限している可能性があります。CMS のプレビューで制限がある場合は、crawler の `jis-a11y check` で検査してください。',
        );
      }
      const output = r?.result as InPageOutput | undefined;
      if (!output) throw new Error('検査スクリプトから結果が返りませんでした。ページを再読み込みしてからもう一度お試しください。');
      return { output, result: auditResultFrom(output, navigator.userAgent) };
    },
    highlight: (selector) => callAids('highlight', selector),
    showAid: (aid, on) => callAids('show', aid, on),
    startPicker: () => callAids('startPicker'),
    stopPicker: () => callAids('stopPicker'),
    measureFocused: () => measure(null),
    clearAids: () => callAids('clear'),
    async setBadge(violations, reviews) {
      const t = await tab();
      if (!t) return;
      // The count of violations. Never a "pass" mark: most criteria still need a person (DESIGN.md).
      const text = violations > 999 ? '999+' : String(violations);
      await browser.action.setBadgeText({ tabId: t.tabId, text });
      await browser.action.setBadgeBackgroundColor({ tabId: t.tabId, color: violations > 0 ? '#b00020' : '#8a5a00' });
      await browser.action.setTitle({ tabId: t.tabId, title: `jis-a11y: 不適合 ${violations} 件・要確認 ${reviews} 件` });
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
    onTabChanged(cb) {
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
    },
  };
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
