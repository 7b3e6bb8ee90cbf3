// The shell of the web app (<jis-workspace>): the skip link, the banner with the signed-in person, the menu of the
// screens this role may use (the server refuses the rest anyway), <main> with the current screen, and the two live
// regions (status and errors). It owns the session: /me at start, sign-in, sign-out, and going back to サインイン
// when the server says the session has ended. On every change of screen it sets the document title and moves focus
// to the screen's heading, so keyboard and screen-reader users land where the new content starts.
import { html, LitElement, nothing } from 'lit';
import { api, ApiError, onSignedOut, setCsrfToken } from './api.js';
import type { Session, WorkspaceUser } from './api-types.js';
import { parseHash, type Route } from './router.js';
import { APP_NAME_JA, SHELL_JA, VIEW_TITLE_JA, type ViewId } from './texts-ja.js';
import { ROLE_LABELS, roleAtLeast, type Role } from '../rules-jis/roles.js';
import './views/signin.js';
import './views/dashboard.js';
import './views/sheet.js';
import './views/page.js';
import './views/queue.js';
import './views/approval.js';
import './views/users.js';

const MENU: { view: ViewId; least: Role }[] = [
  { view: 'dashboard', least: 'viewer' },
  { view: 'sheet', least: 'viewer' },
  { view: 'queue', least: 'viewer' },
  { view: 'approval', least: 'approver' },
  { view: 'users', least: 'admin' },
];

export class WorkspaceShell extends LitElement {
  static properties = {
    user: { state: true },
    route: { state: true },
    status: { state: true },
    error: { state: true },
    ready: { state: true },
  };
  user: WorkspaceUser | null = null;
  route: Route = parseHash(location.hash) ?? { view: 'dashboard', params: new URLSearchParams() };
  status = '';
  error = '';
  ready = false;
  private shown = false;

  protected createRenderRoot(): HTMLElement {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.addEventListener('ws-status', (e) => this.announce((e as CustomEvent<string>).detail, false));
    this.addEventListener('ws-error', (e) => this.announce((e as CustomEvent<string>).detail, true));
    this.addEventListener('ws-signed-in', (e) => this.signedIn((e as CustomEvent<Session>).detail));
    onSignedOut(() => {
      if (!this.user) return;
      this.user = null;
      this.announce(SHELL_JA.sessionEnded, true);
      this.go('signin');
    });
    void this.checkSession();
  }

  disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  private onHash = () => {
    const r = parseHash(location.hash);
    if (!r) return;
    this.route = r;
    this.error = '';
  };

  private async checkSession(): Promise<void> {
    try {
      const s = await api<Session>('GET', 'me', undefined, { quiet401: true });
      this.user = s.user;
      setCsrfToken(s.csrfToken);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) this.announce((e as Error).message, true);
    }
    this.ready = true;
  }

  private signedIn(s: Session): void {
    this.user = s.user;
    setCsrfToken(s.csrfToken);
    this.error = '';
    this.go(this.route.view === 'signin' ? 'dashboard' : this.route.view);
  }

  private async signOut(): Promise<void> {
    try {
      await api('POST', 'logout');
    } catch {
      /* the session is gone either way */
    }
    this.user = null;
    setCsrfToken('');
    this.go('signin');
  }

  private go(view: ViewId): void {
    const hash = `#/${view}`;
    if (location.hash === hash) this.route = { view, params: new URLSearchParams() };
    else location.hash = hash;
  }

  private announce(message: string, isError: boolean): void {
    if (isError) this.error = message;
    else this.status = message;
  }

  /** The screen shown: サインイン while nobody is signed in; a screen the role may not use is not shown. */
  private current(): ViewId {
    if (!this.user) return 'signin';
    if (this.route.view === 'signin') return 'dashboard';
    const item = MENU.find((m) => m.view === this.route.view);
    if (item && !roleAtLeast(this.user.role, item.least)) return 'notFound';
    return this.route.view;
  }

  protected updated(changed: Map<string, unknown>): void {
    if (!changed.has('route') && !changed.has('user') && !changed.has('ready')) return;
    const view = this.current();
    document.title = `${VIEW_TITLE_JA[view]} | ${APP_NAME_JA}`;
    // Not on the first screen after loading: there the skip link is the first tab stop, as on any page.
    if (!this.ready) return;
    if (!this.shown) {
      this.shown = true;
      return;
    }
    requestAnimationFrame(() => (this.querySelector('main h1') as HTMLElement | null)?.focus());
  }

  protected render() {
    if (!this.ready) return html`<main id="main" tabindex="-1"><p role="status">${SHELL_JA.loading}</p></main>`;
    const view = this.current();
    return html`
      <a class="skip-link" href="#main">${SHELL_JA.skip}</a>
      <header class="banner">
        <p class="app-name">${APP_NAME_JA}</p>
        ${this.user
          ? html`<p class="who">${SHELL_JA.signedInAs(this.user.displayName, ROLE_LABELS[this.user.role])}</p>
              <button type="button" class="link-button" @click=${() => this.signOut()}>${SHELL_JA.signOut}</button>`
          : nothing}
      </header>
      ${this.user ? this.menu(view) : nothing}
      <div class="live">
        <p role="status" aria-live="polite" class="status">${this.status}</p>
        <div role="alert" class=${this.error ? 'error' : 'error empty'}>${this.error}</div>
      </div>
      <main id="main" tabindex="-1">${this.screen(view)}</main>
    `;
  }

  private menu(view: ViewId) {
    const items = MENU.filter((m) => roleAtLeast(this.user!.role, m.least));
    return html`<nav aria-label=${SHELL_JA.nav}>
      <ul>
        ${items.map((m) => html`<li><a href="#/${m.view}" aria-current=${m.view === view ? 'page' : 'false'}>${VIEW_TITLE_JA[m.view]}</a></li>`)}
      </ul>
    </nav>`;
  }

  private screen(view: ViewId) {
    const p = this.route.params;
    switch (view) {
      case 'signin':
        return html`<ws-signin></ws-signin>`;
      case 'dashboard':
        return html`<ws-dashboard .user=${this.user}></ws-dashboard>`;
      case 'sheet':
        return html`<ws-sheet .user=${this.user} .params=${p}></ws-sheet>`;
      case 'page':
        return html`<ws-page .user=${this.user} .url=${p.get('url') ?? ''} .criterion=${p.get('criterion') ?? ''}></ws-page>`;
      case 'queue':
        return html`<ws-queue .user=${this.user}></ws-queue>`;
      case 'approval':
        return html`<ws-approval .user=${this.user}></ws-approval>`;
      case 'users':
        return html`<ws-users .user=${this.user}></ws-users>`;
      default:
        return html`<h1 tabindex="-1">${VIEW_TITLE_JA.notFound}</h1><p>${SHELL_JA.notFound}</p>`;
    }
  }
}

customElements.define('jis-workspace', WorkspaceShell);
