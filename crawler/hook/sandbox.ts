// One browser for untrusted pages, and a throwaway browser context per check (no cookies, storage or
// cache shared between submissions). Each check runs under a hard deadline: when it passes, or the page
// crashes, the context is discarded (its renderer killed), and a browser that cannot discard it, or that
// died, is replaced. The caller always gets an answer (value or PageAuditError), never a hang.
//
// The browser is fenced (egress/launch.ts, docs/security.md): its own network namespace whose only way out is
// our egress proxy, which lets through only the allowed origins; Chromium's sandbox on, as an unprivileged
// user. Each context gets its own proxy slot, so what the proxy refused is told to that check alone
// (egressRefusals). Where no namespace can be made the sandbox refuses to start, unless the weaker fence
// was accepted (allowWeakFence, or JIS_A11Y_ALLOW_WEAK_FENCE=1).
//
// Why not crawler/page/browser-pool.ts: that pool reuses tabs of the default context, which is right for a
// crawl of one site but would let one CMS submission see another's cookies and storage.
import type { Browser, BrowserContext } from 'puppeteer';
import { BrowserNotFoundError } from '../page/browser.js';
import { PageAuditError } from '../page/audit-page.js';
import { FenceUnavailableError, launchFencedBrowser } from './egress/launch.js';
import type { EgressProxy, EgressSlot } from './egress/proxy.js';

/** Extra Chromium flags for hostile pages: popups and new windows fail outright. */
export const SANDBOX_ARGS = ['--block-new-web-contents'];

export interface SandboxOptions {
  /** Origins the pages may reach (request interception and the egress proxy); none → nothing outside. */
  allowedOrigins?: string[];
  /** The unprivileged user Chromium runs as when we are root (default JIS_A11Y_SANDBOX_USER, else nobody). */
  user?: string;
  /**
   * Accept the weaker fence where no network namespace can be made (not root and no user namespaces, or not
   * Linux): request interception, CSP, the egress proxy on 127.0.0.1 and no WebRTC, but UDP and Chromium's
   * sandbox are not covered. Default: JIS_A11Y_ALLOW_WEAK_FENCE=1; otherwise the sandbox refuses to start.
   */
  allowWeakFence?: boolean;
  /** Tests: launch a browser of their own (no fence below request interception). */
  launch?: () => Promise<Browser>;
  onEvent?: (e: { type: 'launch' | 'disconnected' | 'killed' | 'discard-timeout' | 'weak-fence'; message: string }) => void;
}

/** The egress slot of each context the sandbox made, for the refusals of that check. */
const slotOfContext = new WeakMap<BrowserContext, EgressSlot>();

/** What the egress proxy refused for this context (WebSockets, workers' requests, anything interception missed). */
export function egressRefusals(ctx: BrowserContext): string[] {
  return [...(slotOfContext.get(ctx)?.refused ?? [])];
}

const DISPOSE_TIMEOUT_MS = 5_000;

function timeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let t: NodeJS.Timeout;
  return Promise.race([p.finally(() => clearTimeout(t)), new Promise<'timeout'>((r) => (t = setTimeout(() => r('timeout'), ms)))]);
}

export class Sandbox {
  private browser: Browser | null = null;
  /** The egress proxy of each fenced browser (it lives and dies with that browser). */
  private readonly egressOf = new WeakMap<Browser, EgressProxy>();
  private starting: Promise<Browser> | null = null;
  private closed = false;
  launches = 0;
  browserVersion = '';
  /** The fence of the running browser: 'namespace' (full), 'weak' (accepted explicitly), 'none' (a test's own launch). */
  fence: 'namespace' | 'weak' | 'none' = 'none';

  constructor(private opts: SandboxOptions = {}) {}

  /** Process id of the current browser (tests kill it to check recovery). */
  pid(): number | null {
    return this.browser?.process()?.pid ?? null;
  }

  connected(): boolean {
    return !!this.browser && this.browser.connected;
  }

  private async getBrowser(): Promise<Browser> {
    if (this.closed) throw new PageAuditError('shutting-down', 'サービスを停止中です。');
    if (this.browser && this.browser.connected) return this.browser;
    if (!this.starting) {
      this.starting = (async () => {
        let b: Browser;
        try {
          b = await this.launch();
        } catch (e) {
          if (e instanceof BrowserNotFoundError) throw new PageAuditError('browser-not-found', e.message);
          if (e instanceof FenceUnavailableError) throw new PageAuditError('browser-launch-failed', e.message);
          throw new PageAuditError('browser-launch-failed', `ブラウザを起動できません: ${(e as Error).message}`);
        }
        this.launches++;
        this.browserVersion = await b.version().catch(() => '');
        b.once('disconnected', () => {
          if (this.browser === b) this.browser = null;
          if (!this.closed) this.opts.onEvent?.({ type: 'disconnected', message: 'ブラウザが終了しました。次の検査で新しいブラウザを起動します。' });
        });
        this.browser = b;
        this.opts.onEvent?.({ type: 'launch', message: `ブラウザを起動しました（${this.launches} 回目）。` });
        return b;
      })().finally(() => (this.starting = null));
    }
    return this.starting;
  }

  private async launch(): Promise<Browser> {
    if (this.opts.launch) {
      this.fence = 'none';
      return this.opts.launch();
    }
    const fenced = await launchFencedBrowser({
      allowedOrigins: this.opts.allowedOrigins ?? [],
      user: this.opts.user ?? process.env.JIS_A11Y_SANDBOX_USER ?? 'nobody',
      allowWeakFence: this.opts.allowWeakFence ?? process.env.JIS_A11Y_ALLOW_WEAK_FENCE === '1',
      extraArgs: SANDBOX_ARGS,
    });
    this.egressOf.set(fenced.browser, fenced.egress);
    this.fence = fenced.fence;
    if (fenced.weakReason) {
      // A security warning: printed even when nobody listens to the events (`check --html`).
      const message = `警告: 弱い隔離で検査用ブラウザを起動しました（JIS_A11Y_ALLOW_WEAK_FENCE）。UDP と Chromium のサンドボックスは守られません。理由: ${fenced.weakReason}`;
      if (this.opts.onEvent) this.opts.onEvent({ type: 'weak-fence', message });
      else console.error(message);
    }
    return fenced.browser;
  }

  /** A fresh context; behind the fence, with its own egress slot as its proxy. */
  private async newContext(browser: Browser): Promise<BrowserContext> {
    const egress = this.egressOf.get(browser);
    if (!egress) return browser.createBrowserContext();
    const slot = await egress.openSlot();
    try {
      const ctx = await browser.createBrowserContext({ proxyServer: slot.proxyServer, proxyBypassList: ['<-loopback>'] });
      slotOfContext.set(ctx, slot);
      return ctx;
    } catch (e) {
      await slot.close();
      throw e;
    }
  }

  /** Kills the browser process outright (a renderer that cannot be discarded). */
  private kill(b: Browser): void {
    if (this.browser === b) this.browser = null;
    this.opts.onEvent?.({ type: 'killed', message: 'タブを破棄できなかったため、ブラウザを強制終了しました。' });
    try {
      b.process()?.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }

  /**
   * Runs `fn` in a fresh context under `deadlineMs`. On deadline: PageAuditError('timeout'); on browser
   * death: PageAuditError('browser-crashed'). The context is always discarded afterwards.
   */
  async run<T>(fn: (ctx: BrowserContext) => Promise<T>, deadlineMs: number, signal?: AbortSignal): Promise<T> {
    const browser = await this.getBrowser();
    let ctx: BrowserContext;
    try {
      ctx = await this.newContext(browser);
    } catch (e) {
      throw new PageAuditError('browser-crashed', `ブラウザが応答しません: ${(e as Error).message}`);
    }
    let timer: NodeJS.Timeout | undefined;
    let onDisconnect: () => void = () => {};
    let onAbort: () => void = () => {};
    const guards = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new PageAuditError('timeout', `検査が制限時間（${Math.round(deadlineMs / 1000)} 秒）内に終わりませんでした。ページのスクリプトが止まらないか、読み込みが遅すぎます。`)),
        deadlineMs,
      );
      onDisconnect = () => reject(new PageAuditError('browser-crashed', 'ブラウザが検査中に異常終了しました。ブラウザを再起動しました。もう一度送信してください。'));
      browser.once('disconnected', onDisconnect);
      onAbort = () => reject(signal?.reason instanceof PageAuditError ? signal.reason : new PageAuditError('aborted', '検査を中止しました。'));
      signal?.addEventListener('abort', onAbort);
    });
    guards.catch(() => {});
    let hung = false;
    try {
      return await Promise.race([fn(ctx), guards]);
    } catch (e) {
      if (e instanceof PageAuditError) {
        if (['timeout', 'audit-timeout', 'crashed', 'aborted'].includes(e.code)) hung = true;
        throw e;
      }
      if (!browser.connected) throw new PageAuditError('browser-crashed', 'ブラウザが検査中に異常終了しました。ブラウザを再起動しました。もう一度送信してください。');
      throw e;
    } finally {
      clearTimeout(timer);
      browser.off('disconnected', onDisconnect);
      signal?.removeEventListener('abort', onAbort);
      if (browser.connected) await this.discard(browser, ctx, hung);
      await slotOfContext.get(ctx)?.close();
    }
  }

  /** Closes the context; a renderer stuck in a loop is interrupted first, and a browser that will not close it is killed. */
  private async discard(browser: Browser, ctx: BrowserContext, hung: boolean): Promise<void> {
    if (hung) {
      // Interrupt running JavaScript so the renderer can process the close at once.
      const pages = await timeout(ctx.pages(), 1_000).catch(() => 'timeout' as const);
      if (pages !== 'timeout') {
        await Promise.all(
          pages.map(async (p) => {
            const s = await timeout(p.createCDPSession(), 1_000).catch(() => 'timeout' as const);
            if (s === 'timeout') return;
            await timeout(s.send('Runtime.terminateExecution'), 1_000).catch(() => {});
            await s.detach().catch(() => {});
          }),
        );
      }
    }
    const r = await timeout(ctx.close(), DISPOSE_TIMEOUT_MS).catch(() => 'error' as const);
    if (r === 'timeout') {
      this.opts.onEvent?.({ type: 'discard-timeout', message: 'タブの破棄が時間内に終わりませんでした。' });
      this.kill(browser);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const b = this.browser ?? (this.starting ? await this.starting.catch(() => null) : null);
    this.browser = null;
    if (!b) return;
    const r = await timeout(b.close(), DISPOSE_TIMEOUT_MS).catch(() => 'error' as const);
    if (r !== undefined) b.process()?.kill('SIGKILL');
  }
}
