// Incremental audits: a scheduled re-audit reuses the stored result of a page whose served HTML and shared
// assets (stylesheets, scripts, frames) are unchanged since the previous finished run of the same site,
// instead of loading it in the browser again. Unchanged is decided from Node, without the browser:
// the page and each asset are fetched with the stored validators (If-None-Match / If-Modified-Since, a 304
// is unchanged) and otherwise compared by SHA-256 of the bytes. `--full` turns it off.
// Validators live in their own table of the same SQLite file (added here, beside the store's schema).
import { createHash } from 'node:crypto';
import type { CrawlStore, FrontierItem, NavBlock, PageRecord } from '../store/crawl-store.js';
import type { HttpClient } from './http-client.js';
import type { Finding } from '../../rules-jis/types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS page_validators (
  run_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  content_hash TEXT,
  assets TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (run_id, url)
);`;

export interface Fingerprint {
  etag: string | null;
  lastModified: string | null;
  hash: string | null;
}

interface AssetState extends Fingerprint {
  url: string;
}

const sha256 = (b: Buffer | ArrayBuffer) => createHash('sha256').update(Buffer.from(b as ArrayBuffer)).digest('hex');

export interface ReuseStats {
  reused: number;
  changed: number;
  checked: number;
}

export class IncrementalAudit {
  readonly stats: ReuseStats = { reused: 0, changed: 0, checked: 0 };
  /** Asset fingerprints of this run, fetched once per run. */
  private assets = new Map<string, Promise<Fingerprint | null>>();
  /** Asset fingerprints as the previous run saw them. */
  private prevAssets = new Map<string, Fingerprint>();
  // prepared once per run: these run for every page
  private validatorsOf;
  private linksOf;
  private saveValidators;

  private constructor(
    private store: CrawlStore,
    private runId: number,
    private prevRunId: number | null,
    private http: HttpClient,
  ) {
    this.validatorsOf = store.db.prepare('SELECT * FROM page_validators WHERE run_id = ? AND url = ?');
    this.linksOf = store.db.prepare('SELECT to_url toUrl, text, area FROM links WHERE run_id = ? AND from_url = ?');
    this.saveValidators = store.db.prepare(
      'INSERT OR REPLACE INTO page_validators (run_id, url, etag, last_modified, content_hash, assets) VALUES (?, ?, ?, ?, ?, ?)',
    );
    if (prevRunId != null) {
      for (const r of store.db.prepare('SELECT assets FROM page_validators WHERE run_id = ?').iterate(prevRunId) as IterableIterator<{ assets: string }>) {
        for (const a of JSON.parse(r.assets) as AssetState[]) if (!this.prevAssets.has(a.url)) this.prevAssets.set(a.url, a);
      }
    }
  }

  /**
   * The previous finished run of the same start URLs and target, audited with the same tool version
   * (a new rule set must audit every page again). Null when there is none or `full` is set.
   */
  static open(
    store: CrawlStore,
    runId: number,
    http: HttpClient,
    opts: { full: boolean; startUrls: string[]; target: string; toolVersion: string; interaction?: boolean },
  ): IncrementalAudit {
    store.db.exec(SCHEMA);
    let prev: number | null = null;
    if (!opts.full) {
      const key = JSON.stringify(opts.startUrls);
      const r = store.listRuns().find(
        (x) =>
          x.id !== runId && x.status === 'finished' && JSON.stringify(x.startUrls) === key && x.target === opts.target && x.toolVersion === opts.toolVersion &&
          // a run without the keyboard phase has no keyboard findings to hand on (and the other way round)
          ((x.config as { interaction?: { enabled?: boolean } })?.interaction?.enabled ?? false) === (opts.interaction ?? false),
      );
      prev = r?.id ?? null;
    }
    return new IncrementalAudit(store, runId, prev, http);
  }

  get previousRunId(): number | null {
    return this.prevRunId;
  }

  private async fingerprint(url: string, known?: Fingerprint): Promise<Fingerprint | null> {
    const headers: Record<string, string> = { ...this.http.headers(url) };
    if (known?.etag) headers['if-none-match'] = known.etag;
    else if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    try {
      const res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(30_000) });
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

  private assetNow(url: string): Promise<Fingerprint | null> {
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
    const prev = this.store.pageByUrl(this.prevRunId, item.url);
    if (!prev || prev.error || !prev.contentHash) return null;
    const v = this.validatorsOf.get(this.prevRunId, item.url) as
      | { etag: string | null; last_modified: string | null; content_hash: string | null; assets: string }
      | undefined;
    if (!v) return null;
    this.stats.checked++;
    const now = await this.fingerprint(item.url, { etag: v.etag, lastModified: v.last_modified, hash: prev.contentHash });
    const assets = JSON.parse(v.assets) as AssetState[];
    let same = !!now && now.hash === prev.contentHash;
    if (same) {
      const states = await Promise.all(assets.map((a) => this.assetNow(a.url)));
      same = states.every((s, i) => !!s && s.hash === assets[i]!.hash);
    }
    if (!same) {
      this.stats.changed++;
      return null;
    }
    const findings: Finding[] = this.store
      .findingsOfPage(prev.id)
      .filter((f) => f.source !== 'site') // site-level checks are recomputed at the end of every run
      .map(({ id: _i, runId: _r, pageId: _p, pageUrl: _u, ...f }) => f);
    const links = this.linksOf.all(this.prevRunId, item.url) as {
      toUrl: string;
      text: string;
      area: 'nav' | 'main';
    }[];
    const rec: PageRecord = {
      url: item.url,
      finalUrl: prev.finalUrl,
      status: prev.status,
      contentType: prev.contentType,
      title: prev.title,
      lang: prev.lang,
      contentHash: prev.contentHash,
      bytes: prev.bytes,
      depth: item.depth,
      auditedAt: prev.auditedAt, // when it was really audited
      durationMs: 0,
      error: null,
      criteria: this.store.pageAuditCriteria(prev.id),
      nav: prev.nav as NavBlock[],
      findings,
      links,
    };
    const tx = this.store.db.transaction(() => {
      this.store.savePage(this.runId, rec);
      this.saveValidators.run(this.runId, item.url, now!.etag, now!.lastModified, prev.contentHash, v.assets);
    });
    tx();
    this.stats.reused++;
    return { links: links.map((l) => l.toUrl) };
  }

  /** After a fresh audit: remembers the page's validators and its assets' fingerprints for the next run. */
  async remember(url: string, page: { etag: string | null; lastModified: string | null; contentHash: string | null; assets: string[] }): Promise<void> {
    if (!page.contentHash) return;
    const unique = [...new Set(page.assets)].filter((a) => /^https?:/.test(a));
    const fps = await Promise.all(unique.map((a) => this.assetNow(a)));
    // an asset that cannot be fetched from Node cannot be validated later: the page will then be audited again
    const assets: AssetState[] = unique.map((u, i) => ({ url: u, ...(fps[i] ?? { etag: null, lastModified: null, hash: null }) }));
    this.saveValidators.run(this.runId, url, page.etag, page.lastModified, page.contentHash, JSON.stringify(assets));
  }
}
