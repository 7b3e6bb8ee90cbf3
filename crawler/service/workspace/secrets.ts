// The workspace's secrets: random session ids, CSRF tokens and personal tokens (`jisu_…`), and the one way
// they are stored — SHA-256 — so a copy of the SQLite file signs nobody in. 32 random bytes each (crypto's
// CSPRNG); a high-entropy random secret needs no slow hash, unlike a password (./passwords.ts).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const PERSONAL_TOKEN_PREFIX = 'jisu_';

export const randomSecret = (): string => randomBytes(32).toString('base64url');

export const secretHash = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

export const newPersonalToken = (): string => PERSONAL_TOKEN_PREFIX + randomSecret();

/** Constant-time comparison of two strings (hashed first, so their lengths do not show). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
