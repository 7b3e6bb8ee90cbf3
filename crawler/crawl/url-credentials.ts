// Credentials written into a URL (`http://user:pass@host/`, issue 21 case 5) never travel with the URL: they
// would be stored with the run and the pages, printed in the log and published in the reports and the
// 試験結果. The userinfo of a URL the operator gives (start URLs, configured sitemaps, the URL list) or the
// crawl reads (sitemap <loc>) for one of the crawl's origins becomes the run's basic auth (config `auth.basic`,
// sent to the crawl's origins only: crawler/page/credentials.ts); the URL goes on without it. Every URL the
// crawl keeps is stripped again on normalisation (discovery.ts), so a link with userinfo is stored without it.
import { UsageError } from '../../rules-jis/exit-codes.js';
import type { AuthConfig } from '../page/auth.js';
import type { BasicCredentials } from '../page/credentials.js';

export interface SplitUrl {
  /** The URL without userinfo (unchanged when it had none, or is not a URL). */
  url: string;
  basic: BasicCredentials | null;
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Takes the userinfo out of a URL. */
export function splitUserinfo(href: string): SplitUrl {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return { url: href, basic: null };
  }
  if (!u.username && !u.password) return { url: href, basic: null };
  const basic = { username: decode(u.username), password: decode(u.password) };
  u.username = '';
  u.password = '';
  return { url: u.href, basic };
}

/** The URL without its userinfo. */
export function withoutUserinfo(href: string): string {
  return splitUserinfo(href).url;
}

const same = (a: BasicCredentials, b: BasicCredentials) => a.username === b.username && a.password === b.password;

/**
 * Strips the userinfo of the operator's URLs (start URLs, sitemap URLs) and puts it into `auth.basic`. Two
 * different credentials (two URLs, or a URL and the configured auth.basic) are a usage error: the crawl has
 * one basic auth for its origins.
 */
export function liftUrlCredentials<C extends { startUrls: string[]; sitemaps?: string[]; auth: AuthConfig }>(c: C): C {
  let basic = c.auth?.basic ?? null;
  let changed = false;
  const lift = (href: string): string => {
    const s = splitUserinfo(href);
    if (!s.basic) return href;
    if (basic && !same(basic, s.basic)) {
      throw new UsageError(`URL ${s.url} に書かれた認証情報が、ほかの URL か設定の auth.basic と異なります。ベーシック認証は検査ごとに一つです。URL から認証情報を外し、auth.basic に指定してください。`);
    }
    basic = s.basic;
    changed = true;
    return s.url;
  };
  const startUrls = c.startUrls.map(lift);
  const sitemaps = c.sitemaps?.map(lift);
  if (!changed || !basic) return c;
  return { ...c, startUrls, ...(sitemaps ? { sitemaps } : {}), auth: { ...c.auth, basic } };
}

/**
 * A URL the crawl read (a line of the URL list, a sitemap <loc>): without its userinfo. Its credentials become
 * the run's basic auth when the URL is on one of the crawl's origins and none is set yet; otherwise they are
 * dropped, and `warn` says so (in Japanese, without the password).
 */
export function adoptUrlCredentials(href: string, auth: AuthConfig, isCrawlOrigin: (url: string) => boolean, warn: (message: string) => void): string {
  const s = splitUserinfo(href);
  if (!s.basic) return href;
  if (!auth.basic && isCrawlOrigin(s.url)) auth.basic = s.basic;
  else if (!auth.basic || !same(auth.basic, s.basic)) warn(`URL ${s.url} に書かれた認証情報は使いません（検査の対象外のオリジンか、設定の認証情報と異なるため）。URL は認証情報を外して扱います。`);
  return s.url;
}
