// Work done once per tab instead of once per page (measured in bench/variants.ts, figures in bench/README.md):
// - the 1 MB in-page bundle is registered for every new document of the tab, so it is not sent over the
//   DevTools connection again for each page (sending it cost ~65 ms a page, more than compiling it);
// - fonts and media are left unloaded: no check needs their bytes, and Japanese web fonts are megabytes to
//   fetch and decode. Text then renders in a system font, which changes no colour, name or structure;
// - the crawl's credentials (credentials.ts) are added request by request, only to the crawl's origins, and a
//   401 challenge is answered only for them (not Network.setExtraHTTPHeaders or page.authenticate, which
//   send them to every origin, redirects and third-party challenges included);
// - one DevTools session per tab (Network events for the byte count of a page, Fetch for the filter and the
//   credentials).
import type { CDPSession, Page, Protocol } from 'puppeteer';
import { bundleSource } from './bundle-source.js';
import type { Credentials } from './credentials.js';

export type SkippedResource = 'Font' | 'Media';

export interface TabSetupOptions {
  /** Resource types not loaded (default: fonts and media). Empty: load everything. */
  skip?: SkippedResource[];
  /** The crawl's credentials: added to the requests of its origins only. */
  credentials?: Credentials;
}

export const DEFAULT_SKIPPED_RESOURCES: SkippedResource[] = ['Font', 'Media'];

const sessions = new WeakMap<Page, Promise<CDPSession | null>>();
const prepared = new WeakSet<Page>();

/** The tab's own DevTools session with Network events on (null when the tab cannot give one). */
export function tabSession(page: Page): Promise<CDPSession | null> {
  let s = sessions.get(page);
  if (!s) {
    s = page
      .createCDPSession()
      .then(async (cdp) => {
        // only the events are needed: keep no response bodies (the tab lives for hundreds of pages)
        await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
        return cdp;
      })
      .catch(() => null);
    sessions.set(page, s);
  }
  return s;
}

/** Registers the bundle, the resource filter and the credentials on a tab. Idempotent; never throws (the audit falls back). */
export async function prepareTab(page: Page, opts: TabSetupOptions = {}): Promise<void> {
  if (prepared.has(page)) return;
  prepared.add(page);
  try {
    await page.evaluateOnNewDocument(await bundleSource());
  } catch {
    // runBundle injects per page where the bundle is missing
  }
  const skip = opts.skip ?? DEFAULT_SKIPPED_RESOURCES;
  const creds = opts.credentials?.any ? opts.credentials : undefined;
  if (!skip.length && !creds) return;
  const cdp = await tabSession(page);
  // a tab that cannot filter loads everything, and sends no credentials (its pages then answer 401/403)
  if (!cdp) return;
  await interceptRequests(cdp, skip, creds);
}

type Paused = Protocol.Fetch.RequestPausedEvent;
type AuthRequired = Protocol.Fetch.AuthRequiredEvent;

/**
 * One Fetch handler for the tab. Without credentials only the skipped types are paused (and failed at once);
 * with them every request is paused: the crawl's origins get the credentials, any other origin gets a request
 * without them (stripped if a redirect carried them along), and 401 challenges are answered for our origins only.
 */
async function interceptRequests(cdp: CDPSession, skip: SkippedResource[], creds: Credentials | undefined): Promise<void> {
  const skipped = new Set<string>(skip);
  cdp.on('Fetch.requestPaused', (e: Paused) => {
    if (skipped.has(e.resourceType)) {
      void cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: 'BlockedByClient' }).catch(() => {});
      return;
    }
    const headers = creds ? requestHeaders(creds, e.request.url, e.request.headers) : null;
    void cdp.send('Fetch.continueRequest', headers ? { requestId: e.requestId, headers } : { requestId: e.requestId }).catch(() => {});
  });
  const answered = new Set<string>();
  if (creds) cdp.on('Fetch.authRequired', (e: AuthRequired) => void answerChallenge(cdp, creds, e, answered));
  const patterns: Protocol.Fetch.RequestPattern[] = creds ? [{ urlPattern: '*', requestStage: 'Request' }] : skip.map((resourceType) => ({ resourceType, requestStage: 'Request' }));
  await cdp.send('Fetch.enable', { patterns, handleAuthRequests: !!creds?.auth?.basic });
}

/** The headers a paused request continues with, or null to leave it as it is. */
function requestHeaders(creds: Credentials, url: string, current: Record<string, string>): Protocol.Fetch.HeaderEntry[] | null {
  let next: Record<string, string> | null;
  if (creds.allows(url)) {
    const cookieKey = Object.keys(current).find((k) => k.toLowerCase() === 'cookie');
    const rest = Object.fromEntries(Object.entries(current).filter(([k]) => k !== cookieKey));
    next = { ...rest, ...creds.headersFor(url, cookieKey ? current[cookieKey] : undefined) };
  } else {
    next = creds.strip(current);
  }
  return next ? Object.entries(next).map(([name, value]) => ({ name, value })) : null;
}

/** Basic auth for a server challenge from one of our origins, once per request (wrong credentials are not retried); cancelled otherwise. */
async function answerChallenge(cdp: CDPSession, creds: Credentials, e: AuthRequired, answered: Set<string>): Promise<void> {
  const basic = e.authChallenge.source === 'Proxy' ? null : creds.basicFor(e.authChallenge.origin);
  const give = !!basic && !answered.has(e.requestId);
  if (give) {
    if (answered.size > 1000) answered.clear(); // request ids of pages long gone
    answered.add(e.requestId);
  }
  const authChallengeResponse: Protocol.Fetch.AuthChallengeResponse = give
    ? { response: 'ProvideCredentials', username: basic!.username, password: basic!.password }
    : { response: 'CancelAuth' };
  await cdp.send('Fetch.continueWithAuth', { requestId: e.requestId, authChallengeResponse }).catch(() => {});
}
