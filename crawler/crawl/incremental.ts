// Incremental audits: a scheduled re-audit reuses the stored result of a page whose served HTML and shared
// assets (stylesheets, scripts, frames) are unchanged since the previous finished run of the same site,
// instead of loading it in the browser again. Unchanged is decided from Node, without the browser:
// the page and each asset are fetched through the crawl's HTTP client (http-client.ts: its auth and timeout)
// with the stored validators (If-None-Match / If-Modified-Since, a 304 is unchanged) and otherwise compared
// by SHA-256 of the bytes. `--full` turns it off.
// The validators are kept by the store (crawler/store/sqlite/validators.ts); this module decides.
import { createHash } from 'node:crypto';
import type { AssetState, FrontierItem, ResourceState, Store } from '../store/store.js';
import type { HttpClient } from './http-client.js';

const sha256 = (b: Buffer | ArrayBuffer) => createHash('sha256').update(Buffer.from(b as ArrayBuffer)).digest('hex');

/** Pages of this run: copied from the previous run, or audited again because they changed. */
export interface ReuseStats {
  reused: number;
  changed: number;
}

export class IncrementalAudit {
  readonly stats: ReuseStats = { reused: 0, changed: 0 };
  /** Asset fingerprints of this run, fetched once per run. */
  private assets = new Map<string, Promise<ResourceState | null>>();
  /** Asset fingerprints as the previous run saw them. */
  private prevAssets = new Map<string, ResourceState>();

  private constructor(
    private store: Store,
    private runId: number,
    private prevRunId: number | null,
    private http: HttpClient,
    prevAssets: AssetState[],
  ) {
    for (const a of prevAssets) this.prevAssets.set(a.url, a);
  }

  /**
   * The previous finished run of the same start URLs and target, audited with the same tool version
   * (a new rule set must audit every page again). Null when there is none or `full` is set.
   */
  static async open(
    store: Store,
    runId: number,
    http: HttpClient,
    opts: { full: boolean; startUrls: string[]; target: string; toolVersion: string; interaction?: boolean },
  ): Promise<IncrementalAudit> {
    let prev: number | null = null;
    if (!opts.full) {
      const key = JSON.stringify(opts.startUrls);
      const r = (await store.runs.listRuns()).find(
        (x) =>
          x.id !== runId && x.status === 'finished' && JSON.stringify(x.startUrls) === key && x.target === opts.target && x.toolVersion === opts.toolVersion &&
          // a run without the keyboard phase has no keyboard findings to hand on (and the other way round)
          ((x.config as { interaction?: { enabled?: boolean } })?.interaction?.enabled ?? false) === (opts.interaction ?? false),
      );
      prev = r?.id ?? null;
    }
    return new IncrementalAudit(store, runId, prev, http, prev != null ? await store.validators.assetsOfRun(prev) : []);
  }

  get previousRunId(): number | null {
    return this.prevRunId;
  }

  private async fingerprint(url: string, known?: ResourceState): Promise<ResourceState | null> {
    const headers: Record<string, string> = {};
    if (known?.etag) headers['if-none-match'] = known.etag;
    else if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    try {
      const res = await this.http.request(url, { headers, redirect: 'follow' });
      if (res.status === 304 && known) {
        res.body?.cancel().catch(() => {});
        return known;
      }
      if (res.status >= 400) {
        res.body?.cancel().catch(() => {});
        return null;
      }
      return { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified'), hash: sha256(await res.arrayBuffer()) };
    } catch {
      return null;
    }
  }

  private assetNow(url: string): Promise<ResourceState | null> {
    let p = this.assets.get(url);
    if (!p) this.assets.set(url, (p = this.fingerprint(url, this.prevAssets.get(url))));
    return p;
  }

  /**
   * When the page and its assets are unchanged since the previous run, copies its stored result into this
   * run and returns the links to follow; otherwise null (the page is audited in the browser).
   */
  async tryReuse(item: FrontierItem): Promise<{ links: string[] } | null> {
    if (this.prevRunId == null) return null;
    const prev = await this.store.results.pageByUrl(this.prevRunId, item.url);
    if (!prev || prev.error || !prev.contentHash) return null;
    const v = await this.store.validators.validatorsOf(this.prevRunId, item.url);
    if (!v) return null;
    const now = await this.fingerprint(item.url, { etag: v.etag, lastModified: v.lastModified, hash: prev.contentHash });
    let same = !!now && now.hash === prev.contentHash;
    if (same) {
      const states = await Promise.all(v.assets.map((a) => this.assetNow(a.url)));
      same = states.every((s, i) => !!s && s.hash === v.assets[i]!.hash);
    }
    if (!same) {
      this.stats.changed++;
      return null;
    }
    const { links } = await this.store.validators.carryOver(this.prevRunId, this.runId, item, { etag: now!.etag, lastModified: now!.lastModified });
    this.stats.reused++;
    return { links };
  }

  /** After a fresh audit: remembers the page's validators and its assets' fingerprints for the next run. */
  async remember(url: string, page: { etag: string | null; lastModified: string | null; contentHash: string | null; assets: string[] }): Promise<void> {
    if (!page.contentHash) return;
    const unique = [...new Set(page.assets)].filter((a) => /^https?:/.test(a));
    const fps = await Promise.all(unique.map((a) => this.assetNow(a)));
    // an asset that cannot be fetched from Node cannot be validated later: the page will then be audited again
    const assets: AssetState[] = unique.map((u, i) => ({ url: u, ...(fps[i] ?? { etag: null, lastModified: null, hash: null }) }));
    await this.store.validators.remember(this.runId, url, { etag: page.etag, lastModified: page.lastModified, contentHash: page.contentHash, assets });
  }
}
