// What the panel runs in the audited tab (tab-client.ts), through chrome.scripting: the bundle in the page's
// main world (the audit, the contrast measure: rules-jis/page/), the aids in the extension's isolated world
// (page-aids.ts). A tab the extension may not touch gives NoAccessError.
import { browser } from 'wxt/browser';
import type { InPageOutput } from '../../rules-jis/types.js';
import type {} from '../../rules-jis/page/api.js'; // window.jisA11y's type
import type { AidsApi, ContrastReport } from './page-aids.js';
import type { LiveRecording } from '../../rules-jis/page/keyboard/index.js';

/** What the panel asks of the live keyboard check. */
export type LiveKeysOp = 'start' | 'report' | 'stop' | 'clear';

declare global {
  // eslint-disable-next-line no-var
  var __jisA11yAids: AidsApi | undefined;
}

/** Thrown when the extension may not touch the tab (no activeTab grant, no host permission). */
export class NoAccessError extends Error {
  constructor(public origin: string) {
    super(`このページ（${origin}）にアクセスする権限がありません。`);
    this.name = 'NoAccessError';
  }
}

const BUNDLE_FILE = '/jis-a11y.bundle.js';
const AIDS_FILE = '/aids.js';
const CSP_BLOCKED =
  '検査エンジンをこのページで動かせませんでした。ページのセキュリティ設定（Content-Security-Policy）がスクリプトの実行を制限している可能性があります。CMS のプレビューで制限がある場合は、crawler の `jis-a11y check` で検査してください。';
const NO_RESULT = '検査スクリプトから結果が返りませんでした。ページを再読み込みしてからもう一度お試しください。';

function isAccessError(err: unknown): boolean {
  const m = err instanceof Error ? err.message : String(err);
  return /Cannot access|permission|Missing host|cannot be scripted|chrome:\/\/|not allowed/i.test(m);
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Runs in the page's main world: the served HTML (same cookies, so CMS previews work) feeds the 4.1.1 source checks. */
async function auditInPage(): Promise<InPageOutput | { notLoaded: true }> {
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
}

export class TabScripting {
  private readonly scripting = browser.scripting;

  constructor(readonly tabId: number, readonly origin: string) {}

  private async exec<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (isAccessError(err)) throw new NoAccessError(this.origin);
      throw err;
    }
  }

  private async ensureAids(): Promise<void> {
    const target = { tabId: this.tabId };
    await this.exec(async () => {
      const [r] = await this.scripting.executeScript({ target, func: () => typeof globalThis.__jisA11yAids === 'object' });
      if (!r?.result) await this.scripting.executeScript({ target, files: [AIDS_FILE] });
    });
  }

  /** Calls one of the aids (isolated world), injecting them first where missing. */
  async aids<R>(name: keyof AidsApi, ...args: unknown[]): Promise<R> {
    await this.ensureAids();
    const [r] = await this.exec(() =>
      this.scripting.executeScript({
        target: { tabId: this.tabId },
        func: (n: string, a: unknown[]) => (globalThis.__jisA11yAids as unknown as Record<string, (...x: unknown[]) => unknown>)[n](...a) ?? null,
        args: [name, args],
      }),
    );
    return r?.result as R;
  }

  /** Injects the bundle into the frames (all, or the top one) that lack it: frames that have it keep their axe instance. */
  async ensureBundle(allFrames: boolean): Promise<void> {
    const tabId = this.tabId;
    const have = await this.exec(() =>
      this.scripting.executeScript({ target: { tabId, allFrames }, world: 'MAIN', func: () => typeof window.jisA11y === 'object' }),
    );
    const missing = have.filter((r) => !r.result).map((r) => r.frameId);
    if (missing.length) await this.exec(() => this.scripting.executeScript({ target: { tabId, frameIds: missing }, world: 'MAIN', files: [BUNDLE_FILE] }));
  }

  /** The live keyboard check in the top frame (rules-jis/page/keyboard/live.ts, main world: the crawl's probes). */
  async liveKeys(op: LiveKeysOp): Promise<LiveRecording | number | null> {
    await this.ensureBundle(false);
    const [r] = await this.exec(() =>
      this.scripting.executeScript({
        target: { tabId: this.tabId },
        world: 'MAIN',
        func: (o: LiveKeysOp) => {
          const k = window.jisA11y?.keyboard;
          const fn = k && { start: k.liveStart, report: k.liveReport, stop: k.liveStop, clear: k.liveClear }[o];
          return fn ? { value: fn() ?? null } : null;
        },
        args: [op],
      }),
    );
    const out = r?.result as { value: LiveRecording | number | null } | null | undefined;
    if (!out) throw new Error(CSP_BLOCKED);
    return out.value;
  }

  /** Audits the page with the bundle (overlays cleared first: they must not be audited as page content). */
  async audit(): Promise<InPageOutput> {
    await this.aids('clear').catch(() => undefined);
    await this.liveKeys('clear').catch(() => undefined);
    await this.ensureBundle(true);
    const [r] = await this.exec(() => this.scripting.executeScript({ target: { tabId: this.tabId }, world: 'MAIN', func: auditInPage }));
    const out = r?.result as InPageOutput | { notLoaded: true } | undefined;
    if (out && 'notLoaded' in out) throw new Error(CSP_BLOCKED);
    if (!out) throw new Error(NO_RESULT);
    return out;
  }

  /** Measures contrast with the bundle (axe's colour helpers, main world) and draws it with the aids. */
  async contrast(selector: string | null): Promise<ContrastReport | null> {
    await this.ensureBundle(false);
    const [r] = await this.exec(() =>
      this.scripting.executeScript({
        target: { tabId: this.tabId },
        world: 'MAIN',
        func: (sel: string | null) => window.jisA11y?.contrast(sel) ?? null,
        args: [selector],
      }),
    );
    const report = (r?.result ?? null) as ContrastReport | null;
    if (report) await this.aids('showContrast', report);
    return report;
  }
}
