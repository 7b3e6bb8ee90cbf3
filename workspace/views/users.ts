// 利用者 (管理 only; the server refuses everyone else): the list with roles and state, adding a person, changing a
// role, disabling, and issuing a personal token for the extension (shown once).
import { html, nothing } from 'lit';
import { api } from '../api.js';
import type { UserRow } from '../api-types.js';
import { View } from '../base.js';
import { USERS_JA as T, VIEW_TITLE_JA } from '../texts-ja.js';
import { ROLE_HELP, ROLE_LABELS, ROLES, type Role } from '../../rules-jis/roles.js';

export class UsersView extends View {
  static properties = { ...View.properties, users: { state: true }, token: { state: true } };
  users: UserRow[] = [];
  token = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const r = await api<{ users?: UserRow[] } | UserRow[]>('GET', 'users');
      this.users = Array.isArray(r) ? r : (r.users ?? []);
    } catch (e) {
      this.fail(e);
    }
  }

  private async run(call: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await call();
      this.say(done);
      void this.load();
    } catch (e) {
      this.fail(e);
    }
  }

  private add(e: SubmitEvent): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const body = { login: String(f.get('login')), displayName: String(f.get('displayName')), role: String(f.get('role')), password: String(f.get('password')) };
    void this.run(() => api('POST', 'users', body).then(() => form.reset()), T.created(body.displayName));
  }

  private async issueToken(login: string): Promise<void> {
    try {
      this.token = (await api<{ token: string }>('POST', `users/${encodeURIComponent(login)}/tokens`)).token;
      this.say(T.tokenShown);
    } catch (e) {
      this.fail(e);
    }
  }

  protected render() {
    return html`
      <h1 tabindex="-1">${VIEW_TITLE_JA.users}</h1>
      <section aria-labelledby="ws-user-list">
        <h2 id="ws-user-list">${T.list}</h2>
        ${this.token ? html`<p class="token"><strong>${T.tokenShown}</strong><br /><code>${this.token}</code></p>` : nothing}
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">${T.displayName}</th><th scope="col">${T.login}</th><th scope="col">${T.role}</th><th scope="col">${T.status}</th><th scope="col">操作</th></tr></thead>
          <tbody>${this.users.map((u) => this.row(u))}</tbody>
        </table></div>
      </section>
      <section aria-labelledby="ws-user-add">
        <h2 id="ws-user-add">${T.add}</h2>
        <form class="stack narrow" @submit=${this.add}>
          <div class="field"><label for="u-login">${T.login}</label><input id="u-login" name="login" required autocomplete="off" /></div>
          <div class="field"><label for="u-name">${T.displayName}</label><input id="u-name" name="displayName" required /></div>
          <div class="field"><label for="u-role">${T.role}</label><select id="u-role" name="role">${ROLES.map((r) => html`<option value=${r}>${ROLE_LABELS[r]} — ${ROLE_HELP[r]}</option>`)}</select></div>
          <div class="field"><label for="u-password">${T.password}</label><input id="u-password" name="password" type="password" minlength="12" required autocomplete="new-password" /></div>
          <button type="submit" class="primary">${T.create}</button>
        </form>
      </section>
    `;
  }

  private row(u: UserRow) {
    const id = `role-${u.login}`;
    const patch = (body: object) => this.run(() => api('PATCH', `users/${encodeURIComponent(u.login)}`, body), T.saved(u.displayName));
    return html`<tr>
      <th scope="row">${u.displayName}</th><td>${u.login}</td>
      <td><label class="vh" for=${id}>${u.displayName} の${T.role}</label>
        <select id=${id} @change=${(e: Event) => patch({ role: (e.target as HTMLSelectElement).value as Role })}>
          ${ROLES.map((r) => html`<option value=${r} ?selected=${r === u.role}>${ROLE_LABELS[r]}</option>`)}
        </select></td>
      <td>${u.disabled ? T.disabled : T.active}</td>
      <td class="actions">
        <button type="button" @click=${() => patch({ disabled: !u.disabled })}>${u.disabled ? T.enable : T.disable}<span class="vh">（${u.displayName}）</span></button>
        <button type="button" @click=${() => this.issueToken(u.login)}>${T.token}<span class="vh">（${u.displayName}）</span></button>
      </td>
    </tr>`;
  }
}

customElements.define('ws-users', UsersView);
