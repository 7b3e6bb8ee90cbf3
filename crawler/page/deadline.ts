// The page wing's one timeout helper: a promise that settles with `work`, or rejects with onTimeout()'s
// error after `ms`. Used for the audit limit (audit-page.ts), the page's hard limit (gather-page.ts) and
// the keyboard phase's budget (interaction/budget.ts). The timer is AbortSignal.timeout's (unref'd, so a
// pending deadline never holds the process open).

export function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  work.catch(() => {}); // a late rejection after the deadline must not become unhandled
  if (ms <= 0) return Promise.reject(onTimeout());
  const signal = AbortSignal.timeout(ms);
  return new Promise<T>((resolve, reject) => {
    const expire = () => reject(onTimeout());
    signal.addEventListener('abort', expire, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', expire));
  });
}
