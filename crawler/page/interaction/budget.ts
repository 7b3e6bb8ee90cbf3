// A hard time budget: every await on the page goes through `run`, so a page that hangs
// (endless script, dialog, stalled renderer) cannot hold the crawl. The timer is the page wing's one
// deadline helper (crawler/page/deadline.ts).
import { withDeadline } from '../deadline.js';

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
  /** Throw BudgetExceeded when less than `reserveMs` is left. */
  check(reserveMs = 0): void {
    if (this.left() <= reserveMs) throw new BudgetExceeded();
  }
  run<T>(p: Promise<T>): Promise<T> {
    return withinMs(p, this.left());
  }
}

/** `p`, or BudgetExceeded after `ms`. */
export const withinMs = <T>(p: Promise<T>, ms: number): Promise<T> => withDeadline(p, ms, () => new BudgetExceeded());

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
