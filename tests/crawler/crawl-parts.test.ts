// Unit tests of the crawl's parts without a browser: the retry policy (page-task.ts), the progress arithmetic
// (progress.ts), the pump and its per-host queues (pump.ts), admission (discovery.ts with robots.ts and
// scope.ts) and the links a gathered page keeps (page-record.ts). The end-to-end behaviour is in
// robustness.test.ts, sample-site.e2e.test.ts and resume.test.ts.
import { describe, expect, it } from 'vitest';
import { Discovery, normalizeAll, normalizerFor } from '../../crawler/crawl/discovery.js';
import { navBlocks, pageLinks } from '../../crawler/crawl/page-record.js';
import { RetryPolicy, TRANSIENT_ERRORS } from '../../crawler/crawl/page-task.js';
import { progressOf } from '../../crawler/crawl/progress.js';
import { HostQueues, pumpFrontier } from '../../crawler/crawl/pump.js';
import { RobotsCache } from '../../crawler/crawl/robots.js';
import { Scope } from '../../crawler/crawl/scope.js';
import type { FrontierEntry, FrontierItem, Store } from '../../crawler/store/store.js';

const item = (url: string): FrontierItem => ({ url, depth: 0, kind: 'page', attempts: 0, parentUrl: null });

describe('RetryPolicy', () => {
  it('retries transient failures only, up to the attempts per URL', () => {
    const p = new RetryPolicy({ perUrl: 2, budget: 10 });
    expect([...TRANSIENT_ERRORS].sort()).toEqual(['audit-timeout', 'crashed', 'timeout', 'unreachable']);
    expect(p.retry('http-error', 0)).toBe(false);
    expect(p.retry('not-html', 0)).toBe(false);
    expect(p.retry('timeout', 0)).toBe(true);
    expect(p.retry('timeout', 1)).toBe(true);
    expect(p.retry('timeout', 2)).toBe(false);
  });

  it('stops retrying when the run has spent its budget', () => {
    const p = new RetryPolicy({ perUrl: 5, budget: 2 });
    expect(p.retry('crashed', 0)).toBe(true);
    expect(p.retry('unreachable', 0)).toBe(true);
    expect(p.retry('audit-timeout', 0)).toBe(false);
  });
});

describe('progressOf', () => {
  const counts = { frontier: { queued: 6, active: 2, done: 10, failed: 2 }, pagesFailed: 1, documents: 3, errors: 4 };

  it('counts done and discovered items, the rate of this process and the time left', () => {
    expect(progressOf(7, counts, 6, 3, 'https://example.jp/a')).toEqual({
      runId: 7,
      done: 12,
      discovered: 20,
      active: 2,
      failed: 1,
      documents: 3,
      errors: 4,
      rate: 2,
      etaSeconds: 4,
      lastUrl: 'https://example.jp/a',
    });
  });

  it('has no ETA before this process finished anything', () => {
    expect(progressOf(7, counts, 0, 3).etaSeconds).toBeNull();
    expect(progressOf(7, counts, 0, 0).rate).toBe(0);
  });
});

describe('HostQueues', () => {
  it('gives URLs of one host one queue, also when they come together, and reads its crawl delay once', async () => {
    const asked: string[] = [];
    const hosts = new HostQueues({ concurrency: 1, delayMs: 0 }, async (url) => {
      asked.push(new URL(url).host);
      return undefined;
    });
    const running = new Map<string, number>();
    const most = new Map<string, number>();
    const job = (host: string) => async () => {
      running.set(host, (running.get(host) ?? 0) + 1);
      most.set(host, Math.max(most.get(host) ?? 0, running.get(host)!));
      await new Promise((r) => setTimeout(r, 10));
      running.set(host, running.get(host)! - 1);
    };
    await Promise.all([hosts.run('https://a.example.jp/1', job('a')), hosts.run('https://a.example.jp/2', job('a')), hosts.run('https://b.example.jp/', job('b'))]);
    expect(most.get('a')).toBe(1); // one queue: one page of the host at a time
    expect(asked.sort()).toEqual(['a.example.jp', 'b.example.jp']);
  });
});

describe('pumpFrontier', () => {
  /** A frontier of n items that counts what is taken and how many run at once. */
  function frontier(n: number) {
    const queued = Array.from({ length: n }, (_, i) => item(`https://example.jp/${i}`));
    const stats = { taken: 0, running: 0, most: 0, handled: [] as string[] };
    const take = async (k: number) => {
      const items = queued.splice(0, k);
      stats.taken += items.length;
      return items;
    };
    const handle = async (it: FrontierItem) => {
      stats.most = Math.max(stats.most, ++stats.running);
      await new Promise((r) => setTimeout(r, 5));
      stats.running--;
      stats.handled.push(it.url);
    };
    return { take, handle, stats };
  }
  const hosts = () => new HostQueues({ concurrency: 3, delayMs: 0 }, async () => undefined);

  it('runs every item, at most `concurrency` at once', async () => {
    const f = frontier(20);
    await pumpFrontier({ concurrency: 3, take: f.take, handle: f.handle, hosts: hosts() });
    expect(f.stats.handled).toHaveLength(20);
    expect(f.stats.most).toBe(3);
  });

  it('stops taking when the signal aborts, and lets the items in flight finish', async () => {
    const f = frontier(50);
    const ac = new AbortController();
    const handle = async (it: FrontierItem) => {
      await f.handle(it);
      if (f.stats.handled.length === 4) ac.abort();
    };
    await pumpFrontier({ concurrency: 2, take: f.take, handle, hosts: hosts(), signal: ac.signal });
    expect(f.stats.handled.length).toBe(f.stats.taken);
    expect(f.stats.taken).toBeLessThan(50);
  });
});

describe('Discovery', () => {
  const robotsTxt = 'User-agent: *\nDisallow: /private/\n';
  const robots = new RobotsCache(async (u) => (u.endsWith('/robots.txt') ? { status: 200, text: robotsTxt } : null), true);
  const added: FrontierEntry[][] = [];
  const store = {
    frontier: {
      enqueue: async (_run: number, items: FrontierEntry[]) => {
        added.push(items);
        return items.map((i) => i.url);
      },
    },
  } as unknown as Store;
  const d = new Discovery({ store, runId: 1, scope: new Scope(['https://example.jp/'], { maxDepth: 1 }), robots, maxPages: 100 });

  it('admits pages within depth, documents at any depth, and neither assets nor what robots.txt disallows', async () => {
    expect(await d.admit('https://example.jp/a.html', 1)).toEqual({ url: 'https://example.jp/a.html', depth: 1, kind: 'page' });
    expect(await d.admit('https://example.jp/a.html', 2)).toBeNull();
    expect(await d.admit('https://example.jp/a.pdf', 5)).toEqual({ url: 'https://example.jp/a.pdf', depth: 5, kind: 'document' });
    expect(await d.admit('https://example.jp/logo.png', 0)).toBeNull();
    expect(await d.admit('https://example.jp/private/x.html', 0)).toBeNull();
    expect(await d.admit('https://other.example.jp/', 0)).toBeNull();
  });

  it('enqueues each admitted URL once, with its parent', async () => {
    const n = await d.enqueue(['https://example.jp/b', 'https://example.jp/b', 'https://example.jp/logo.png'], 1, 'https://example.jp/');
    expect(n).toBe(1);
    expect(added.at(-1)).toEqual([{ url: 'https://example.jp/b', depth: 1, kind: 'page', parentUrl: 'https://example.jp/' }]);
  });
});

describe('the links a gathered page keeps', () => {
  const normalize = normalizerFor({ query: 'drop', trailingSlash: 'keep' });

  it('normalises them the run’s way and keeps each destination, text and area once', () => {
    const links = [
      { href: 'https://example.jp/a?x=1#top', text: 'A', area: 'main' as const },
      { href: 'https://example.jp/a', text: 'A', area: 'main' as const },
      { href: 'https://example.jp/a', text: 'A', area: 'nav' as const },
      { href: 'mailto:koho@example.jp', text: 'メール', area: 'main' as const },
    ];
    expect(pageLinks({ links }, normalize)).toEqual([
      { toUrl: 'https://example.jp/a', text: 'A', area: 'main' },
      { toUrl: 'https://example.jp/a', text: 'A', area: 'nav' },
    ]);
    expect(navBlocks({ nav: [{ key: 'nav#g', hrefs: ['https://example.jp/b/index.html', 'javascript:void(0)'] }] }, normalize)).toEqual([
      { key: 'nav#g', hrefs: ['https://example.jp/b/'] },
    ]);
    expect(normalizeAll(['/c', 'tel:000'], normalize, 'https://example.jp/')).toEqual(['https://example.jp/c']);
  });
});
