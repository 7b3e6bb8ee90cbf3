// Incremental audits on PostgreSQL (page_validators), as crawler/store/sqlite/validators.ts: the validators of each
// audited page and its assets, and the copy of an unchanged page's result into a new run in one transaction.
import type { ValidatorStore } from '../store.js';
import type { AssetState, PageLink, PageRecord, PageValidators } from '../types.js';
import { bareFinding, carriedRecord, json, toFinding } from '../rows.js';
import type { PgConnection, Q } from './connection.js';
import { writePage } from './results-write.js';

const SAVE = `INSERT INTO page_validators (run_id, url, etag, last_modified, content_hash, assets) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (run_id, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, content_hash = excluded.content_hash, assets = excluded.assets`;

async function validatorsOf(q: Q, runId: number, url: string): Promise<PageValidators | null> {
  const v = await q.get('SELECT * FROM page_validators WHERE run_id = ? AND url = ?', [runId, url]);
  if (!v) return null;
  return {
    etag: (v.etag as string | null) ?? null,
    lastModified: (v.last_modified as string | null) ?? null,
    contentHash: (v.content_hash as string | null) ?? null,
    assets: json<AssetState[]>(v.assets, []),
  };
}

/** The stored result of `url` in `fromRunId` as a record for another run (site findings left out: they are recomputed). */
async function recordFrom(q: Q, fromRunId: number, url: string, depth: number): Promise<PageRecord> {
  const prev = await q.get('SELECT * FROM pages WHERE run_id = ? AND url = ?', [fromRunId, url]);
  if (!prev) throw new Error(`検査 #${fromRunId} に ${url} の結果がありません`);
  const findings = (await q.all('SELECT f.*, p.url page_url FROM findings f JOIN pages p ON p.id = f.page_id WHERE f.page_id = ? ORDER BY f.id', [prev.id]))
    .map(toFinding)
    .filter((f) => f.source !== 'site')
    .map(bareFinding);
  const links = await q.all<PageLink>('SELECT to_url "toUrl", text, area FROM links WHERE run_id = ? AND from_url = ? ORDER BY to_url, text, area', [fromRunId, url]);
  return carriedRecord(prev, depth, findings, links);
}

export function pgValidators(c: PgConnection): ValidatorStore {
  return {
    async validatorsOf(runId, url) {
      return validatorsOf(c.q, runId, url);
    },

    async assetsOfRun(runId) {
      const seen = new Map<string, AssetState>();
      // rowid order in SQLite: the order the pages were remembered
      for (const r of await c.q.all<{ assets: string }>('SELECT assets FROM page_validators WHERE run_id = ? ORDER BY ctid', [runId])) {
        for (const a of json<AssetState[]>(r.assets, [])) if (!seen.has(a.url)) seen.set(a.url, a);
      }
      return [...seen.values()];
    },

    async remember(runId, url, v) {
      await c.write((tx) => tx.run(SAVE, [runId, url, v.etag, v.lastModified, v.contentHash, JSON.stringify(v.assets)]));
    },

    async carryOver(fromRunId, toRunId, page, now) {
      return c.write(async (tx) => {
        const rec = await recordFrom(tx, fromRunId, page.url, page.depth);
        const prev = await validatorsOf(tx, fromRunId, page.url);
        await writePage(tx, toRunId, rec);
        await tx.run(SAVE, [toRunId, page.url, now.etag, now.lastModified, rec.contentHash, JSON.stringify(prev?.assets ?? [])]);
        return { links: (rec.links ?? []).map((l) => l.toUrl) };
      });
    },
  };
}
