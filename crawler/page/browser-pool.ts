// One browser, a pool of reusable tabs, and a fresh browser after N pages or after the browser died.
// The login script runs in every browser it launches. The other credentials (headers, basic auth, cookies)
// are not given to the browser as a whole: each tab adds them per request, to the crawl's origins only
// (the `prepare` step, tab-setup.ts with credentials.ts).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser } from './browser.js';
import type { AuthConfig } from './auth.js';

export interface BrowserPoolOptions {
  auth?: AuthConfig;
  userAgent?: string;
  /** Close and relaunch the browser after this many pages (default 500). */
  relaunchEvery?: number;
  /** Per-tab set-up, once when a tab is opened (bundle registration, resource filter, credentials per origin). */
  prepare?: (page: Page) => Promise<void>;
  /** Injected in tests. */
  launch?: () => Promise<Browser>;
  onEvent?: (e: { type: 'launch' | 'relaunch' | 'disconnected' | 'login'; message: string }) => void;
}

interface Generation {
  id: number;
  browser: Browser;
  idle: Page[];
  active: number;
  served: number;
  retired: boolean;
  dead: boolean;
}

export type LoginScript = (page: Page) => Promise<void>;

export async function loadLoginScript(file: string): Promise<LoginScript> {
  const mod = (await import(pathToFileURL(path.resolve(file)).href)) as { default?: LoginScript; login?: LoginScript };
  const fn = mod.default ?? mod.login;
  if (typeof fn !== 'function') throw new Error(`ログインスクリプト ${file} は関数を default export してください（export default async (page) => { … }）。`);
  return fn;
}

const CLOSE_TIMEOUT_MS = 5_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let t: NodeJS.Timeout;
  return Promise.race([p.finally(() => clearTimeout(t)), new Promise<'timeout'>((r) => (t = setTimeout(() => r('timeout'), ms)))]);
}

export class BrowserPool {
  private gen: Generation | null = null;
  private starting: Promise<Generation> | null = null;
  private nextId = 1;
  private closed = false;
  private login: LoginScript | null = null;
  browserVersion = '';
  launches = 0;

  constructor(private opts: BrowserPoolOptions = {}) {}

  private async launchGeneration(): Promise<Generation> {
    if (this.opts.auth?.loginScript && !this.login) this.login = await loadLoginScript(this.opts.auth.loginScript);
    // Ctrl+C is the crawler's to handle (finish the pages in flight, leave the run resumable), not puppeteer's
    const browser = await (this.opts.launch ?? (() => launchBrowser({ puppeteer: { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } })))();
    this.launches++;
    const g: Generation = { id: this.nextId++, browser, idle: [], active: 0, served: 0, retired: false, dead: false };
    browser.once('disconnected', () => {
      g.dead = true;
      if (!g.retired && !this.closed) this.opts.onEvent?.({ type: 'disconnected', message: 'ブラウザが終了しました。新しいブラウザで続けます。' });
      if (this.gen === g) this.gen = null;
    });
    this.browserVersion = await browser.version().catch(() => '');
    if (this.login) {
      const page = await this.newPage(browser);
      try {
        await this.login(page);
        this.opts.onEvent?.({ type: 'login', message: 'ログインスクリプトを実行しました。' });
      } finally {
        await page.close().catch(() => {});
      }
    }
    this.opts.onEvent?.({ type: g.id === 1 ? 'launch' : 'relaunch', message: `ブラウザを起動しました（${g.id} 回目）` });
    return g;
  }

  private async newPage(browser: Browser): Promise<Page> {
    // its own window: a background tab gets no frames, so screenshots and animation frames there would wait
    // (the keyboard phase's pixel check hung on the second of two concurrent tabs)
    const page = await browser.newPage({ type: 'window' });
    if (this.opts.userAgent) await page.setUserAgent({ userAgent: this.opts.userAgent });
    if (this.opts.prepare) await this.opts.prepare(page);
    return page;
  }

  private async current(): Promise<Generation> {
    if (this.closed) throw new Error('pool closed');
    const g = this.gen;
    if (g && !g.dead && !g.retired) return g;
    if (!this.starting) {
      this.starting = this.launchGeneration().finally(() => (this.starting = null));
      this.gen = await this.starting;
      return this.gen;
    }
    return this.starting;
  }

  /** Cookies of the current browser as a Cookie header for `url` (for Node-side requests after a login script). */
  async cookieHeader(url: string): Promise<string> {
    const g = this.gen;
    if (!g || g.dead) return '';
    const host = new URL(url).hostname;
    const cookies = await g.browser.cookies().catch(() => []);
    return cookies
      .filter((c) => host === c.domain.replace(/^\./, '') || host.endsWith(c.domain.startsWith('.') ? c.domain : '.' + c.domain))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  /**
   * Runs `fn` with a tab. `fn` returns whether the tab is broken (crashed, hung): a broken tab is closed
   * instead of reused, and a tab that cannot even be closed retires its browser.
   */
  async withPage<T>(fn: (page: Page) => Promise<{ value: T; broken: boolean }>, relaunchEvery = this.opts.relaunchEvery ?? 500): Promise<T> {
    const g = await this.current();
    let page = g.idle.pop();
    g.active++;
    g.served++;
    if (g.served >= relaunchEvery) g.retired = true; // the next tab comes from a fresh browser
    let broken = true;
    try {
      if (!page) page = await this.newPage(g.browser);
      const r = await fn(page);
      broken = r.broken || page.isClosed();
      return r.value;
    } finally {
      g.active--;
      if (page) {
        if (!broken && !g.retired && !g.dead) {
          g.idle.push(page);
        } else if (!g.dead) {
          const res = await withTimeout(page.close().then(() => 'ok' as const), CLOSE_TIMEOUT_MS).catch(() => 'timeout' as const);
          if (res === 'timeout') g.retired = true; // a renderer that cannot be closed: leave this browser
        }
      }
      if (g.retired && g.active === 0) await this.closeGeneration(g);
    }
  }

  private async closeGeneration(g: Generation): Promise<void> {
    g.retired = true;
    if (this.gen === g) this.gen = null;
    if (g.dead) return;
    const res = await withTimeout(g.browser.close().then(() => 'ok' as const), CLOSE_TIMEOUT_MS).catch(() => 'timeout' as const);
    if (res === 'timeout') g.browser.process()?.kill('SIGKILL');
  }

  async close(): Promise<void> {
    this.closed = true;
    const g = this.gen;
    this.gen = null;
    if (g) await this.closeGeneration(g);
  }
}
