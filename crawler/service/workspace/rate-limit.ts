// The sign-in rate limit: 5 failures in 15 minutes for one login, or 20 from one address, lock that login or
// address until the oldest failure in the window is 15 minutes old (contract: 429 `locked`). In memory, not in
// the store: the service is one process, a failed sign-in must cost an attacker nothing of the store's write
// lock (the crawl shares the file), and a restart — which only an operator can cause — forgetting the failures
// is acceptable. Bounded: at most MAX_KEYS keys are remembered (the oldest are dropped first), so a spray of
// random logins cannot grow the memory. The clock is injectable for tests.

export interface LimitRule {
  max: number;
  windowMs: number;
}

export interface LoginLimits {
  perLogin: LimitRule;
  perAddress: LimitRule;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perLogin: { max: 5, windowMs: 15 * 60_000 },
  perAddress: { max: 20, windowMs: 15 * 60_000 },
};

const MAX_KEYS = 50_000;

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** When a sign-in for `login` from `address` may be tried again (ms), or null when it may now. */
  lockedUntil(login: string, address: string): number | null {
    const a = this.until(`login:${login}`, this.limits.perLogin);
    const b = this.until(`addr:${address}`, this.limits.perAddress);
    return a === null ? b : b === null ? a : Math.max(a, b);
  }

  fail(login: string, address: string): void {
    this.push(`login:${login}`, this.limits.perLogin);
    this.push(`addr:${address}`, this.limits.perAddress);
  }

  /** A successful sign-in forgets the login's failures (not the address's: one success must not unlock a spray). */
  succeed(login: string): void {
    this.failures.delete(`login:${login}`);
  }

  private recent(key: string, rule: LimitRule): number[] {
    const t = this.now();
    const list = (this.failures.get(key) ?? []).filter((at) => at > t - rule.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  private until(key: string, rule: LimitRule): number | null {
    const list = this.recent(key, rule);
    return list.length >= rule.max ? list[list.length - rule.max] + rule.windowMs : null;
  }

  private push(key: string, rule: LimitRule): void {
    const list = this.recent(key, rule);
    list.push(this.now());
    this.failures.delete(key); // re-insert: Map order is the age order for the eviction below
    this.failures.set(key, list.slice(-rule.max));
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }
}
