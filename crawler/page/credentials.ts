// Which requests carry the crawl's credentials (config `auth`: headers, cookies, basic auth, the login
// script's session): only those to the crawl's own origins (its scope's origins, docs/security.md "crawl").
// A script, image, frame, sitemap or redirect of another origin, and another origin's 401 challenge, get
// nothing. One decision for both sides: the browser (tab-setup.ts adds the headers per request and answers
// 401 challenges) and Node's requests (crawler/crawl/http-client.ts, which follows redirects itself).
import type { AuthConfig } from './auth.js';

export type BasicCredentials = NonNullable<AuthConfig['basic']>;

/** The origin of a URL, or null when it has none (data:, about:, a malformed URL). */
export function originOfUrl(url: string): string | null {
  try {
    const o = new URL(url).origin;
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
}

export function basicHeader(b: BasicCredentials): string {
  return 'Basic ' + Buffer.from(`${b.username}:${b.password}`, 'utf8').toString('base64');
}

function hostMatches(host: string, domain: string): boolean {
  const d = domain.replace(/^\./, '').toLowerCase();
  return host === d || host.endsWith('.' + d);
}

export class Credentials {
  private readonly origins: Set<string>;

  constructor(
    readonly auth: AuthConfig | undefined,
    origins: Iterable<string>,
  ) {
    this.origins = new Set([...origins].map((o) => originOfUrl(o)).filter((o): o is string => !!o));
  }

  /** Whether there is anything to send at all (without it, requests are left untouched). */
  get any(): boolean {
    const a = this.auth;
    return !!(a?.basic || (a?.headers && Object.keys(a.headers).length) || a?.cookies?.length);
  }

  /** The URL is on one of the crawl's origins (scheme, host and port: another port is another origin). */
  allows(url: string): boolean {
    const o = originOfUrl(url);
    return !!o && this.origins.has(o);
  }

  /** Basic auth to answer a 401 challenge from `origin` (null: cancel the challenge). */
  basicFor(origin: string): BasicCredentials | null {
    return this.auth?.basic && this.allows(origin) ? this.auth.basic : null;
  }

  /** The configured cookies that belong to `url`, as "name=value" pairs (none for another origin). */
  cookiesFor(url: string): string[] {
    if (!this.allows(url)) return [];
    const u = new URL(url);
    return (this.auth?.cookies ?? [])
      .filter((c) => (!c.domain || hostMatches(u.hostname, c.domain)) && (!c.path || u.pathname.startsWith(c.path)))
      .map((c) => `${c.name}=${c.value}`);
  }

  /**
   * The headers `url` gets: the configured headers, Authorization (basic) and Cookie (the configured cookies
   * after `cookie`, the cookies the request already has). Empty for another origin.
   */
  headersFor(url: string, cookie?: string): Record<string, string> {
    if (!this.allows(url)) return {};
    const h: Record<string, string> = { ...(this.auth?.headers ?? {}) };
    if (this.auth?.basic) h.authorization = basicHeader(this.auth.basic);
    const cookies = [cookie, ...this.cookiesFor(url)].filter((c): c is string => !!c);
    if (cookies.length) h.cookie = cookies.join('; ');
    return h;
  }

  /**
   * `headers` without any value this crawl added (a header of ours carried along by a redirect to another
   * origin): our header values, our Authorization, our cookie pairs. Null when there was nothing to strip.
   */
  strip(headers: Record<string, string>): Record<string, string> | null {
    const ours = new Map<string, string>(Object.entries(this.auth?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    if (this.auth?.basic) ours.set('authorization', basicHeader(this.auth.basic));
    const pairs = new Set((this.auth?.cookies ?? []).map((c) => `${c.name}=${c.value}`));
    let changed = false;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) {
      const name = k.toLowerCase();
      if (ours.get(name) === v) {
        changed = true;
        continue;
      }
      if (name === 'cookie' && pairs.size) {
        const kept = v.split(/;\s*/).filter((p) => p && !pairs.has(p));
        if (kept.length !== v.split(/;\s*/).filter(Boolean).length) {
          changed = true;
          if (kept.length) out[k] = kept.join('; ');
          continue;
        }
      }
      out[k] = v;
    }
    return changed ? out : null;
  }
}
