// Gives up a page that is too big while it loads (gather-page.ts): as soon as the headers announce more
// than the limit (Content-Length), or, without it (chunked), when the main document's bytes counted from
// the tab's DevTools Network events pass it — before the browser lays the page out.
import type { HTTPResponse, Page, Protocol } from 'puppeteer';
import { tabSession } from './tab-setup.js';

/** What the watch learnt of the main document's response. */
export interface ResponseFacts {
  status: number | null;
  contentType: string | null;
  finalUrl: string | null;
  bytes: number | null;
}

export interface SizeWatch {
  /** Rejects with tooLarge(bytes) once the page is known to be too big; never resolves. */
  tooBig: Promise<never>;
  stop(): void;
}

export async function watchPageSize(page: Page, maxBytes: number, facts: ResponseFacts, tooLarge: (bytes: number) => Error): Promise<SizeWatch> {
  let reject: (e: Error) => void = () => {};
  const tooBig = new Promise<never>((_, r) => (reject = r));
  tooBig.catch(() => {});
  let settled = false;
  const giveUp = (bytes: number) => {
    if (settled) return;
    settled = true;
    facts.bytes = bytes;
    reject(tooLarge(bytes));
  };
  const onResponse = (r: HTTPResponse) => {
    if (!r.request().isNavigationRequest() || r.frame() !== page.mainFrame()) return;
    const len = Number(r.headers()['content-length'] ?? NaN);
    if (!(len > maxBytes)) return;
    Object.assign(facts, { status: r.status(), contentType: r.headers()['content-type'] ?? null, finalUrl: r.url() });
    giveUp(len);
  };
  page.on('response', onResponse);
  const stopCounting = await countDocumentBytes(page, facts, (n) => n > maxBytes && giveUp(n));
  return {
    tooBig,
    stop() {
      page.off('response', onResponse);
      stopCounting();
    },
  };
}

/** Counts the main document's bytes as they arrive (CDP Network events); returns the function that stops it. */
async function countDocumentBytes(page: Page, facts: ResponseFacts, onBytes: (total: number) => void): Promise<() => void> {
  const cdp = await tabSession(page);
  if (!cdp) return () => {};
  const docs = new Set<string>();
  let received = 0;
  const mainId = (page.mainFrame() as unknown as { _id?: string })._id; // internal, but stable across puppeteer 2x
  const onResponseReceived = (e: Protocol.Network.ResponseReceivedEvent) => {
    if (e.type !== 'Document' || (mainId && e.frameId !== mainId)) return;
    docs.add(e.requestId);
    facts.status = e.response.status;
    facts.contentType = e.response.headers['content-type'] ?? e.response.headers['Content-Type'] ?? e.response.mimeType;
  };
  const onDataReceived = (e: Protocol.Network.DataReceivedEvent) => {
    if (!docs.has(e.requestId)) return;
    received += e.dataLength;
    onBytes(received);
  };
  cdp.on('Network.responseReceived', onResponseReceived);
  cdp.on('Network.dataReceived', onDataReceived);
  return () => {
    cdp.off('Network.responseReceived', onResponseReceived);
    cdp.off('Network.dataReceived', onDataReceived);
  };
}
