// サインイン: login name and password, the server's answer shown as it is (wrong password, locked with the time to
// try again). The password never leaves this form except in the POST to /api/v1/ws/login.
import { html } from 'lit';
import { api } from '../api.js';
import type { Session } from '../api-types.js';
import { View } from '../base.js';
import { SIGNIN_JA, VIEW_TITLE_JA } from '../texts-ja.js';

export class SigninView extends View {
  static properties = { ...View.properties, problem: { state: true }, busy: { state: true } };
  problem = '';
  busy = false;

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const login = String(data.get('login') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!login || !password) {
      this.problem = SIGNIN_JA.missing;
      return;
    }
    this.busy = true;
    try {
      const s = await api<Session>('POST', 'login', { login, password }, { quiet401: true });
      this.problem = '';
      this.dispatchEvent(new CustomEvent('ws-signed-in', { detail: s, bubbles: true }));
    } catch (err) {
      this.problem = (err as Error).message;
      (form.elements.namedItem('password') as HTMLInputElement).value = '';
    } finally {
      this.busy = false;
    }
  }

  protected render() {
    return html`
      <h1 tabindex="-1">${VIEW_TITLE_JA.signin}</h1>
      <p>${SIGNIN_JA.intro}</p>
      <form class="stack narrow" @submit=${this.submit} novalidate>
        <div class="field">
          <label for="ws-login">${SIGNIN_JA.login}</label>
          <input id="ws-login" name="login" autocomplete="username" required aria-describedby="ws-signin-problem" />
        </div>
        <div class="field">
          <label for="ws-password">${SIGNIN_JA.password}</label>
          <input id="ws-password" name="password" type="password" autocomplete="current-password" required aria-describedby="ws-signin-problem" />
        </div>
        <p id="ws-signin-problem" class="problem" role="alert">${this.problem}</p>
        <button type="submit" class="primary" ?disabled=${this.busy}>${SIGNIN_JA.submit}</button>
      </form>
    `;
  }
}

customElements.define('ws-signin', SigninView);
