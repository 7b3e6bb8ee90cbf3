// Numbered migrations of the PostgreSQL store: migrations/NNNN-*.sql, the twins of the SQLite ones (same numbers,
// names, tables and columns: tests/crawler/store-contract.test.ts). The version lives where the SQLite store also
// writes it, meta.schemaVersion. Opening a writable store migrates it in one transaction under the write lock
// (./connection.ts), so several workers opening a new database at once migrate it once; a read-only open only
// checks the version. A database at a newer version than this code knows is refused, as a newer SQLite file is.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreVersionError } from '../errors.js';
import { MIGRATIONS as SQLITE_MIGRATIONS } from '../sqlite/migrations.js';
import type { PgConnection, Q } from './connection.js';
import { safeLocation } from './location.js';
import { PG_MESSAGES as M } from './messages.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

function loadMigrations(): PgMigration[] {
  const list = readdirSync(DIR)
    .map((f) => /^(\d{4})-(.+)\.sql$/.exec(f))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ version: Number(m[1]), name: m[2], sql: readFileSync(path.join(DIR, m[0]), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  // the two engines must not drift: the same numbers and names as the SQLite store's
  const same = list.length === SQLITE_MIGRATIONS.length && list.every((m, i) => m.version === SQLITE_MIGRATIONS[i].version && m.name === SQLITE_MIGRATIONS[i].name);
  if (!same) throw new Error(`PostgreSQL store migrations (${DIR}) must have the same numbers and names as the SQLite store's`);
  return list;
}

export const PG_MIGRATIONS: readonly PgMigration[] = loadMigrations();
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

/** The database's version: 0 for an empty database (no meta table yet). */
export async function pgVersion(q: Q): Promise<number> {
  const t = await q.get<{ t: string | null }>("SELECT to_regclass('meta')::text t");
  if (!t?.t) return 0;
  const r = await q.get<{ value: string }>("SELECT value FROM meta WHERE key = 'schemaVersion'");
  return r ? Number(r.value) : 0;
}

function newer(location: string, v: number): StoreVersionError {
  return new StoreVersionError(M.newer(safeLocation(location), v, PG_SCHEMA_VERSION), v, PG_SCHEMA_VERSION, safeLocation(location));
}

/** Refuses a newer database; brings an older one up to PG_SCHEMA_VERSION (or refuses it when read-only). Returns the versions applied. */
export async function pgMigrate(c: PgConnection): Promise<number[]> {
  const v = await pgVersion(c.q);
  if (v > PG_SCHEMA_VERSION) throw newer(c.location, v);
  if (v === PG_SCHEMA_VERSION) return [];
  if (c.readonly) throw new StoreVersionError(M.readonlyOld(safeLocation(c.location), v, PG_SCHEMA_VERSION), v, PG_SCHEMA_VERSION, safeLocation(c.location));
  return c.write(async (tx) => {
    const from = await pgVersion(tx); // again, under the lock: another worker may have migrated meanwhile
    if (from > PG_SCHEMA_VERSION) throw newer(c.location, from);
    const applied: number[] = [];
    for (const m of PG_MIGRATIONS) {
      if (m.version <= from) continue;
      await tx.run(m.sql);
      applied.push(m.version);
    }
    if (applied.length) {
      await tx.run(
        "INSERT INTO meta (key, value) VALUES ('schemaVersion', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [String(PG_SCHEMA_VERSION)],
      );
    }
    return applied;
  });
}
