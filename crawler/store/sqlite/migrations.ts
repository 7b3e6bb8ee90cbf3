// Numbered migrations on PRAGMA user_version: migrations/NNNN-*.sql, applied in order, each in the same
// transaction as the version bump. STORE_SCHEMA_VERSION is the highest number: a file at a higher version
// was written by a newer jis-a11y and is refused (crawler/store/errors.ts). A 0.2.0 file (user_version 0,
// tables present, meta.schemaVersion 1) is at version 1 in substance; migration 1 is all IF NOT EXISTS, so
// it is applied to every file at 0 and only adds what such a file lacks.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { newerStoreError, olderStoreReadonlyError } from '../errors.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

function loadMigrations(): Migration[] {
  const list = readdirSync(DIR)
    .map((f) => /^(\d{4})-(.+)\.sql$/.exec(f))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ version: Number(m[1]), name: m[2], sql: readFileSync(path.join(DIR, m[0]), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`store migrations must be numbered 1, 2, 3 … without gaps (${DIR})`);
  });
  return list;
}

export const MIGRATIONS: readonly Migration[] = loadMigrations();
export const STORE_SCHEMA_VERSION = MIGRATIONS.length;

const version = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;

/** Refuses what this code cannot use: a newer file always, an older one when it may not be migrated (readonly). */
export function checkVersion(db: Database.Database, file: string, readonly: boolean): void {
  const v = version(db);
  if (v > STORE_SCHEMA_VERSION) throw newerStoreError(file, v, STORE_SCHEMA_VERSION);
  if (readonly && v < STORE_SCHEMA_VERSION) throw olderStoreReadonlyError(file, Math.max(v, 1), STORE_SCHEMA_VERSION);
}

/**
 * Brings a writable file to STORE_SCHEMA_VERSION. BEGIN IMMEDIATE takes the write lock before reading the
 * version, so two processes opening one old file migrate it once. Returns the versions applied.
 */
export function migrate(db: Database.Database, file: string, upTo = STORE_SCHEMA_VERSION): number[] {
  const applied: number[] = [];
  if (version(db) >= upTo) return applied; // the usual case: no write lock taken
  db.transaction(() => {
    const from = version(db);
    if (from > STORE_SCHEMA_VERSION) throw newerStoreError(file, from, STORE_SCHEMA_VERSION);
    for (const m of MIGRATIONS) {
      if (m.version <= from || m.version > upTo) continue;
      db.exec(m.sql);
      applied.push(m.version);
    }
    if (!applied.length) return;
    const to = applied[applied.length - 1];
    db.pragma(`user_version = ${to}`);
    // the same number where 0.2.0 kept it, for anyone reading the file with the sqlite3 shell
    db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('schemaVersion', ?)").run(String(to));
  }).immediate();
  return applied;
}
