// What every screen of the web app shares: rendering into the light DOM (one stylesheet, app.css, served from
// 'self' under the strict CSP; landmarks and headings are plain document structure the audit and screen readers
// see as they are), the signed-in user, and the two ways to speak to the user: a polite status line and an
// error alert, both live regions owned by the shell (workspace/shell.ts).
import { LitElement } from 'lit';
import type { WorkspaceUser } from './api-types.js';
import { ApiError } from './api.js';
import { roleAtLeast, type Role } from '../rules-jis/roles.js';

export abstract class View extends LitElement {
  static properties = { user: { attribute: false } };
  user: WorkspaceUser | null = null;

  protected createRenderRoot(): HTMLElement {
    return this;
  }

  protected can(role: Role): boolean {
    return !!this.user && roleAtLeast(this.user.role, role);
  }

  /** A polite message in the shell's status line. */
  protected say(message: string): void {
    this.dispatchEvent(new CustomEvent('ws-status', { detail: message, bubbles: true, composed: true }));
  }

  /** An error in the shell's alert region, with the server's words when it gave some. */
  protected fail(e: unknown): string {
    const message = e instanceof ApiError || e instanceof Error ? e.message : String(e);
    this.dispatchEvent(new CustomEvent('ws-error', { detail: message, bubbles: true, composed: true }));
    return message;
  }
}

/** The hash of a screen with its parameters: #/page?url=…&criterion=…. */
export function href(view: string, params: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return `#/${view}${s ? `?${s}` : ''}`;
}
