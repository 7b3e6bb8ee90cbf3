// Passwords: argon2id through @node-rs/argon2 (prebuilt, no compiler needed), with its default cost (19 MiB,
// 2 passes: OWASP's minimum for argon2id). Sign-in with an unknown login verifies against a dummy hash, so the
// answer takes as long as for a known one and does not tell which logins exist.
import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export function passwordOk(p: unknown): p is string {
  return typeof p === 'string' && [...p].length >= PASSWORD_MIN && p.length <= PASSWORD_MAX;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummy: Promise<string> | null = null;

/** True when `password` matches `stored`; with no stored hash, spends the same time and answers false. */
export async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hash('jis-a11y: no such user');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
