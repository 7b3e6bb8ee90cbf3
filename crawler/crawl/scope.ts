// Which URLs belong to the crawl: same origin by default, include/exclude patterns, max depth.
// (max pages is counted by the frontier, since it depends on what was already queued.)
import picomatch from 'picomatch';

/**
 * A pattern: a glob on the URL path (`/kurashi/**`), a glob on the whole URL (`https://x/**`),
 * or a regular expression on the whole URL (`re:\\.php$`, `/(a|b)/i`, or a RegExp object).
 */
export type Pattern = string | RegExp;

export interface ScopeOptions {
  /** Origins that are in scope (default: the origins of the start URLs). */
  origins?: string[];
  /** When set, a URL must match at least one of them. */
  include?: Pattern[];
  /** A URL matching any of them is out of scope. */
  exclude?: Pattern[];
  /** Links deeper than this (start URLs are depth 0) are not followed. Infinity by default. */
  maxDepth?: number;
}

export type ScopeVerdict = { inScope: true } | { inScope: false; reason: 'origin' | 'include' | 'exclude' | 'depth' };

type Matcher = (url: URL) => boolean;

function compile(p: Pattern): Matcher {
  if (p instanceof RegExp) return (u) => p.test(u.href);
  if (p.startsWith('re:')) {
    const r = new RegExp(p.slice(3));
    return (u) => r.test(u.href);
  }
  const re = /^\/(.+)\/([gimsuy]*)$/.exec(p);
  if (re && !p.startsWith('/*') && /[\\^$()|[\]+?]/.test(re[1])) {
    const r = new RegExp(re[1], re[2].replace('g', ''));
    return (u) => r.test(u.href);
  }
  if (/^https?:\/\//i.test(p)) {
    const m = picomatch(p, { dot: true });
    return (u) => m(u.href) || m(u.origin + u.pathname);
  }
  const m = picomatch(p, { dot: true });
  // a bare path glob matches the path, with and without the query string
  return (u) => m(u.pathname) || m(u.pathname + u.search);
}

export class Scope {
  readonly origins: Set<string>;
  private include: Matcher[];
  private exclude: Matcher[];
  readonly maxDepth: number;

  constructor(startUrls: string[], opts: ScopeOptions = {}) {
    const origins = opts.origins?.length ? opts.origins : startUrls.map((s) => new URL(s).origin);
    this.origins = new Set(origins.map((o) => new URL(o).origin));
    this.include = (opts.include ?? []).map(compile);
    this.exclude = (opts.exclude ?? []).map(compile);
    this.maxDepth = opts.maxDepth ?? Number.POSITIVE_INFINITY;
  }

  /** Same origin and the include/exclude patterns; depth is checked only when given. */
  check(url: string, depth?: number): ScopeVerdict {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return { inScope: false, reason: 'origin' };
    }
    if (!this.origins.has(u.origin)) return { inScope: false, reason: 'origin' };
    if (this.exclude.some((m) => m(u))) return { inScope: false, reason: 'exclude' };
    if (this.include.length && !this.include.some((m) => m(u))) return { inScope: false, reason: 'include' };
    if (depth !== undefined && depth > this.maxDepth) return { inScope: false, reason: 'depth' };
    return { inScope: true };
  }

  inScope(url: string, depth?: number): boolean {
    return this.check(url, depth).inScope;
  }
}
