// A hard time budget: every await on the page goes through `run`, so a page that hangs
// (endless script, dialog, stalled renderer) cannot hold the crawl.

export class BudgetExceeded extends Error {
  constructor() {
    super('interaction phase: time budget exhausted');
  }
}

export class Budget {
  readonly start = Date.now();
  constructor(readonly ms: number) {}
  get deadline(): number {
    return this.start + this.ms;
  }
  left(): number {
    return this.deadline - Date.now();
  }
  elapsed(): number {
    return Date.now() - this.start;
  }
  expired(): boolean {
    return this.left() <= 0;
  }
  /** Throw BudgetExceeded when less than `reserveMs` is left. */
  check(reserveMs = 0): void {
    if (this.left() <= reserveMs) throw new BudgetExceeded();
  }
  run<T>(p: Promise<T>): Promise<T> {
    return withTimeout(p, this.left());
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  p.catch(() => {}); // a late rejection after the timeout must not become unhandled
  if (ms <= 0) {
    return Promise.reject(new BudgetExceeded());
  }
  let t: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<never>((_, rej) => {
      t = setTimeout(() => rej(new BudgetExceeded()), ms);
    }),
  ]).finally(() => clearTimeout(t)) as Promise<T>;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
