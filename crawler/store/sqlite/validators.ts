// Incremental audits in SQLite (page_validators table): the validators and content hash of each audited
// page and of the assets it used, and the copy of an unchanged page's result into a new run. The decision
// (is it unchanged?) is crawler/crawl/incremental.ts's; this module only reads and writes.
import type { ValidatorStore } from '../store.js';
import type { AssetState, PageLink, PageRecord, PageValidators } from '../types.js';
import type { Connection, Row } from './connection.js';
import { writePage } from './results-write.js';
import { bareFinding, carriedRecord, json, toFinding } from '../rows.js';

const SAVE = 'INSERT OR REPLACE INTO page_validators (run_id, url, etag, last_modified, content_hash, assets) VALUES (?, ?, ?, ?, ?, ?)';

function validatorsOf(c: Connection, runId: number, url: string): PageValidators | null {
  const v = c.stmt('SELECT * FROM page_validators WHERE run_id = ? AND url = ?').get(runId, url) as Row | undefined;
  if (!v) return null;
  return {
    etag: (v.etag as string | null) ?? null,
    lastModified: (v.last_modified as string | null) ?? null,
    contentHash: (v.content_hash as string | null) ?? null,
    assets: json<AssetState[]>(v.assets, []),
  };
}

/** The stored result of `url` in `fromRunId` as a record for another run (site findings left out: they are recomputed). */
function recordFrom(c: Connection, fromRunId: number, url: string, depth: number): PageRecord {
  const prev = c.stmt('SELECT * FROM pages WHERE run_id = ? AND url = ?').get(fromRunId, url) as Row | undefined;
  if (!prev) throw new Error(`検査 #${fromRunId} に ${url} の結果がありません`);
  const findings = (c.stmt('SELECT f.*, p.url page_url FROM findings f JOIN pages p ON p.id = f.page_id WHERE f.page_id = ? ORDER BY f.id').all(prev.id) as Row[])
    .map(toFinding)
    .filter((f) => f.source !== 'site')
    .map(bareFinding);
  const links = c.stmt('SELECT to_url toUrl, text, area FROM links WHERE run_id = ? AND from_url = ? ORDER BY to_url, text, area').all(fromRunId, url) as PageLink[];
  return carriedRecord(prev, depth, findings, links);
}

export function sqliteValidators(c: Connection): ValidatorStore {
  return {
    async validatorsOf(runId, url) {
      return validatorsOf(c, runId, url);
    },

    async assetsOfRun(runId) {
      const seen = new Map<string, AssetState>();
      for (const r of c.stmt('SELECT assets FROM page_validators WHERE run_id = ?').all(runId) as { assets: string }[]) {
        for (const a of json<AssetState[]>(r.assets, [])) if (!seen.has(a.url)) seen.set(a.url, a);
      }
      return [...seen.values()];
    },

    async remember(runId, url, v) {
      c.write(() => c.stmt(SAVE).run(runId, url, v.etag, v.lastModified, v.contentHash, JSON.stringify(v.assets)));
    },

    async carryOver(fromRunId, toRunId, page, now) {
      return c.write(() => {
        const rec = recordFrom(c, fromRunId, page.url, page.depth);
        const prev = validatorsOf(c, fromRunId, page.url);
        writePage(c, toRunId, rec);
        c.stmt(SAVE).run(toRunId, page.url, now.etag, now.lastModified, rec.contentHash, JSON.stringify(prev?.assets ?? []));
        return { links: (rec.links ?? []).map((l) => l.toUrl) };
      });
    },
  };
}
