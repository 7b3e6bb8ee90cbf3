// Bearer-token check in constant time: both sides are hashed to 32 bytes first, so neither the length
// nor the first differing byte of a guess shows in the response time; every token is compared.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function makeTokenCheck(tokens: string[]): (authorization: string | undefined) => boolean {
  const known = tokens.map(digest);
  return (authorization) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const given = digest(m ? m[1] : '');
    let ok = false;
    for (const k of known) ok = timingSafeEqual(k, given) || ok;
    return ok && !!m;
  };
}
