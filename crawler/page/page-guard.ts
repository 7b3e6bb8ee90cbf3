// The hard limits around one page in a tab: a crash listener and an overall deadline (withDeadline), so a
// page that kills its renderer or spins in `while (true)` after load becomes an error result instead of a
// hang (issue 21 case 6: `check` never exited). And the close of such a tab: its script is interrupted
// first, and the close itself may not wait for ever.
import type { Page } from 'puppeteer';
import { PageAuditError } from './page-error.js';
import { withDeadline } from './deadline.js';

/** The hard limit of one page: loading, the audit, the after-audit (keyboard) phase, and 5 s for the steps between. */
export function hardLimitMs(navigationMs: number, auditMs: number, afterAuditMs: number): number {
  return navigationMs + auditMs + afterAuditMs + 5_000;
}

/**
 * Runs `work` on `page`, rejecting with PageAuditError 'crashed' when the tab's renderer or the browser dies,
 * and 'timeout' when the whole takes longer than `limitMs`.
 */
export async function guardPage<T>(page: Page, url: string, limitMs: number, work: () => Promise<T>): Promise<T> {
  let onCrash: (e: Error) => void = () => {};
  let onDisconnect: () => void = () => {};
  const died = new Promise<never>((_, reject) => {
    onCrash = (e) => reject(new PageAuditError('crashed', `${url} の表示中にタブが異常終了しました（メモリ不足やスクリプトの暴走の可能性）: ${e.message}`));
    onDisconnect = () => reject(new PageAuditError('crashed', `${url} の検査中にブラウザが異常終了しました。`));
  });
  died.catch(() => {});
  const browser = page.browser();
  page.once('error', onCrash);
  browser.once('disconnected', onDisconnect);
  const hardTimeout = () => new PageAuditError('timeout', `${url} の検査が ${Math.round(limitMs / 1000)} 秒以内に終わりませんでした（ページのスクリプトが止まらないか、応答がありません）。`);
  try {
    return await withDeadline(Promise.race([work(), died]), limitMs, hardTimeout);
  } finally {
    page.off('error', onCrash);
    browser.off('disconnected', onDisconnect);
  }
}

function settleWithin<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return withDeadline(p, ms, () => new Error('timeout')).catch(() => undefined);
}

/**
 * Closes a tab without waiting for ever; `hung` (a timeout or crash): its JavaScript is interrupted first,
 * so a renderer stuck in a loop can process the close and stops burning a core for the next pages.
 */
export async function closePage(page: Page, hung: boolean): Promise<void> {
  if (hung && !page.isClosed()) {
    const cdp = await settleWithin(page.createCDPSession(), 1_000);
    if (cdp) {
      await settleWithin(cdp.send('Runtime.terminateExecution'), 1_000);
      await settleWithin(cdp.detach(), 1_000);
    }
  }
  await settleWithin(page.close(), 5_000);
}
