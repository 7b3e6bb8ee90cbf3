// Keeps the audited page where it is. While armed:
// - main-frame navigation requests are aborted (and recorded): the page never leaves;
// - alert/confirm/prompt dialogs are dismissed;
// - popups (target=_blank, window.open kept from before our wrapper) are recorded and closed;
// - the in-page helper records window.open, form submit and requestSubmit itself
//   (rules-jis/page/keyboard/session.ts);
// - requests that would write on a server (any method but GET/HEAD/OPTIONS: a form posted by a script, a
//   "like" button, a beacon) are aborted and counted: an audit must have no effect on the site it audits
//   (the empty-form probe, checks/form-errors.ts, runs only while this holds).
// If the document was replaced anyway, restore() brings the original back (goBack, then goto/setContent).
import type { Dialog, HTTPRequest, Page, Frame } from 'puppeteer';
import type { GuardEvent } from './types.js';
import { withinMs } from './budget.js';

const noHash = (u: string) => u.replace(/#.*$/, '');
/** Methods that do not change anything on the server. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class NavigationGuard {
  readonly originalUrl: string;
  private originalHtml: string | undefined;
  private events: GuardEvent[] = [];
  private navigated = false;
  private ownInterception = false;
  private restoring = false;
  private isArmed = false;
  /** Requests aborted because they would write on a server. */
  writesBlocked = 0;
  private readonly onRequest = (req: HTTPRequest) => this.handleRequest(req);
  private readonly onPopup = (p: Page | null) => this.handlePopup(p);
  private readonly onFrameNav = (f: Frame) => this.handleFrameNav(f);
  // alert/confirm/prompt block the page until answered: dismiss them, or every later call would hang
  private readonly onDialog = (d: Dialog) => void d.dismiss().catch(() => {});

  constructor(
    private readonly page: Page,
    /** true when the caller already runs request interception (we then only add a cooperative handler). */
    private readonly interceptionAlreadyOn = false,
  ) {
    this.originalUrl = page.url();
  }

  async arm(): Promise<void> {
    if (this.originalUrl === 'about:blank' || this.originalUrl.startsWith('data:')) {
      // set by setContent: the only way back is the HTML itself
      this.originalHtml = await this.page.content();
    }
    this.page.on('request', this.onRequest);
    this.page.on('popup', this.onPopup);
    this.page.on('framenavigated', this.onFrameNav);
    this.page.on('dialog', this.onDialog);
    if (!this.interceptionAlreadyOn) {
      await this.page.setRequestInterception(true);
      this.ownInterception = true;
    }
    this.isArmed = true;
  }

  /** Navigation is aborted and popups closed now. */
  get armed(): boolean {
    return this.isArmed;
  }

  /** Requests that write (POST, PUT, DELETE…) are aborted now. */
  get blocksWrites(): boolean {
    return this.isArmed;
  }

  async disarm(): Promise<void> {
    this.isArmed = false;
    this.page.off('request', this.onRequest);
    this.page.off('popup', this.onPopup);
    this.page.off('framenavigated', this.onFrameNav);
    this.page.off('dialog', this.onDialog);
    if (this.ownInterception) {
      this.ownInterception = false;
      await this.page.setRequestInterception(false).catch(() => {});
    }
  }

  take(): GuardEvent[] {
    return this.events.splice(0, this.events.length);
  }

  /** The main frame committed another document (or another URL) since arm(). */
  get leftPage(): boolean {
    return this.navigated || noHash(this.page.url()) !== noHash(this.originalUrl);
  }

  private handleRequest(req: HTTPRequest): void {
    if (req.isInterceptResolutionHandled()) return;
    const nav = req.isNavigationRequest() && req.frame() === this.page.mainFrame();
    if (nav && !this.restoring) {
      // any new document in the main frame (also a reload of the same URL) would lose the page
      this.events.push({ type: 'navigation', url: req.url() });
      // priority 0 = cooperative mode: works beside the caller's own interception handlers
      void req.abort('aborted', 0).catch(() => {});
      return;
    }
    if (!this.restoring && !SAFE_METHODS.has(req.method())) {
      this.writesBlocked++;
      void req.abort('aborted', 0).catch(() => {});
      return;
    }
    void req.continue(req.continueRequestOverrides(), 0).catch(() => {});
  }

  private handlePopup(p: Page | null): void {
    if (!p) return;
    this.events.push({ type: 'popup', url: p.url() });
    void p.close().catch(() => {});
  }

  private handleFrameNav(f: Frame): void {
    if (f !== this.page.mainFrame()) return;
    if (noHash(f.url()) !== noHash(this.originalUrl)) this.navigated = true;
  }

  /** Bring the original document back. Returns true when something had to be restored. */
  async restore(timeoutMs = 4000): Promise<boolean> {
    if (!this.leftPage) return false;
    this.restoring = true;
    try {
      await withinMs(this.page.goBack({ waitUntil: 'load', timeout: timeoutMs }), timeoutMs).catch(() => null);
      if (noHash(this.page.url()) !== noHash(this.originalUrl)) {
        if (this.originalHtml !== undefined) {
          await withinMs(this.page.setContent(this.originalHtml, { waitUntil: 'load', timeout: timeoutMs }), timeoutMs);
        } else {
          await withinMs(this.page.goto(this.originalUrl, { waitUntil: 'load', timeout: timeoutMs }), timeoutMs);
        }
      }
    } finally {
      this.restoring = false;
      this.navigated = noHash(this.page.url()) !== noHash(this.originalUrl);
    }
    return true;
  }
}
