// The shapes of the workspace's people and its audit log as the store keeps them (issue 15): users with their
// role, sessions (keyed by the hash of the cookie's id), personal tokens (hash only) and the audit log. Apart
// from crawler/store/types.ts because only the workspace (crawler/service/workspace/, the `users` command) uses
// them. Secrets never appear here in clear: the caller hashes before it stores or looks up.
import type { Role } from '../../rules-jis/roles.js';

/** A person of the workspace as stored (the password hash stays inside the store's answer only for sign-in). */
export interface StoredUser {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  /** Whether the person has a password (a person known only through the trusted header has none). */
  hasPassword: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
  /** An argon2id (PHC string) hash; never the password. Null: signs in only through the trusted header. */
  passwordHash: string | null;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
  passwordHash?: string | null;
}

export interface NewSession {
  /** SHA-256 (hex) of the cookie's random id. */
  idHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  /** The absolute end (the idle end is last_seen + the idle time, checked by the caller). */
  expiresAt: string;
}

export interface StoredSession extends NewSession {
  lastSeenAt: string;
}

export interface StoredToken {
  id: number;
  userId: number;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** One write made through the workspace: who, when, what, and the value before and after (JSON-able, no secrets). */
export interface AuditInput {
  /** Who: the login of the signed-in person, or `cli:<name>` for the command line, `system` for the service itself. */
  actor: string;
  /** What was done, as a dotted name: `user.add`, `user.patch`, `token.add`, `judgement.record` … */
  action: string;
  /** What it was done to: `user:hanako`, `judgement:12`, a page URL … */
  target: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  id: number;
  /** ISO 8601 (UTC), stamped by the store. */
  at: string;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  total: number;
  items: AuditEntry[];
}
