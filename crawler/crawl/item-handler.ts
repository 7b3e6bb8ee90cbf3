// One frontier item through its task (page-task.ts or document-task.ts), and the store's transient trouble
// kept apart from the page's: what goes wrong with a page is recorded against its URL and the run goes on,
// but a store that is busy (StoreBusyError: another process held the file's lock longer than the store
// waits) says nothing about the page, so the item is done again after a pause instead of being stored as a
// failed page (issue 21 case 8: a "database is locked" failure that --resume then kept for ever). If the store
// stays unusable, the run stops (RunLife.fail): it is recorded interrupted and --resume continues it; the
// item's frontier entry is still 'active', so the resume takes it again.
import { setTimeout as sleep } from 'node:timers/promises';
import { isTransientStoreError, StoreError, type FrontierItem, type Store } from '../store/store.js';
import type { DocumentTask } from './document-task.js';
import { CRAWL_MESSAGES_JA as M, type CrawlLog } from './messages-ja.js';
import type { PageTask } from './page-task.js';
import type { ProgressMeter } from './progress.js';

/** How often an item (or the frontier read) is tried again while the store is busy, and the first pause (it grows). */
export const STORE_REDO = { times: 5, pauseMs: 2_000 };

export interface ItemDeps {
  store: Store;
  runId: number;
  log: CrawlLog;
  pages: PageTask;
  documents: DocumentTask;
  progress: ProgressMeter;
  /** The run's life (run-life.ts): its stop signal, and where a fatal failure goes. */
  life: { signal: AbortSignal; fail(e: Error): void };
}

/**
 * `fn` tried again while it fails with a transient store error (after `say(redo)` and a pause of 2, 4, 6 … s),
 * up to STORE_REDO.times; then that error is thrown. Stops retrying once `signal` is aborted.
 */
export async function outlastBusyStore<T>(fn: () => Promise<T>, say: (redo: number) => void, signal?: AbortSignal): Promise<T> {
  for (let redo = 1; ; redo++) {
    try {
      return await fn();
    } catch (e) {
      if (!isTransientStoreError(e) || redo > STORE_REDO.times || signal?.aborted) throw e;
      say(redo);
      await sleep(STORE_REDO.pauseMs * redo);
    }
  }
}

/** One frontier item, page or document. Never throws: see the header for where each kind of failure goes. */
export function itemHandler(d: ItemDeps): (item: FrontierItem) => Promise<void> {
  return async (item) => {
    try {
      await outlastBusyStore(() => runItem(d, item), (redo) => d.log(M.storeBusyRedo(item.url, redo)), d.life.signal);
    } catch (e) {
      // stopped meanwhile: the entry stays active and a resume takes it again; otherwise the store is unusable
      if (!(d.life.signal.aborted && isTransientStoreError(e))) d.life.fail(e as Error);
      return;
    }
    await d.progress.itemDone(item.url).catch(() => {});
  };
}

/** The item's task; a failure of the page (not of the store) is recorded against its URL. */
async function runItem(d: ItemDeps, item: FrontierItem): Promise<void> {
  try {
    if (item.kind === 'document') await d.documents.run(item);
    else await d.pages.run(item);
  } catch (e) {
    if (e instanceof StoreError) throw e;
    const message = M.unexpected(item.url, (e as Error).message);
    await d.store.results.addError(d.runId, { url: item.url, code: 'internal', message });
    await d.store.results.savePage(d.runId, { url: item.url, depth: item.depth, auditedAt: new Date().toISOString(), error: { code: 'internal', message } });
    d.log(message);
  }
}
