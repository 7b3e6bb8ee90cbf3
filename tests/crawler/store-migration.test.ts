// A store written by jis-a11y 0.2.0 (tests/fixtures/stores/, before the store had migrations) opens, migrates
// to the current schema version, reads back through the API, takes a new run and reports; a file from a newer
// version is refused with a Japanese message and left as it was.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, openStore, StoreVersionError } from '../../crawler/store/store.js';
import { migrate, STORE_SCHEMA_VERSION } from '../../crawler/store/sqlite/migrations.js';
import { generateReports } from '../../reports/generate.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/stores/store-0.2.0.sqlite');
const ORIGIN = 'http://127.0.0.1:33993';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-store-migration-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh copy of the 0.2.0 file (never open the committed one: opening migrates). */
function copyOfFixture(name: string): string {
  const file = path.join(dir, name);
  copyFileSync(FIXTURE, file);
  return file;
}

function inspect<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const schemaOf = (db: Database.Database) =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

describe('store migrations', () => {
  it('migration 1 creates exactly the schema a 0.2.0 file has', () => {
    const db = new Database(path.join(dir, 'v1.sqlite'));
    try {
      migrate(db, 'v1.sqlite', 1);
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(schemaOf(db)).toEqual(inspect(FIXTURE, schemaOf));
    } finally {
      db.close();
    }
  });

  it('a 0.2.0 file opens, migrates and reads back through the API', async () => {
    const file = copyOfFixture('old.sqlite');
    expect(inspect(file, (db) => db.pragma('user_version', { simple: true }))).toBe(0);
    const store = await openStore(file);
    try {
      const runs = await store.runs.listRuns();
      expect(runs.map((r) => [r.id, r.label, r.status, r.toolVersion])).toEqual([
        [2, '2026年度 定期検査', 'finished', '0.2.0'],
        [1, '2025年度 定期検査', 'finished', '0.2.0'],
      ]);
      for (const run of runs) {
        const pages = await collect(store.results.iteratePages(run.id));
        expect(pages).toHaveLength(20);
        expect(pages.find((p) => p.url === ORIGIN + '/')?.title).toBeTruthy();
        expect(await store.runs.runSummary(run.id)).toMatchObject({ pages: 20, documents: 4, findings: { violation: 5, review: 4, advisory: 3 } });
        const findings = await collect(store.results.iterateFindings(run.id));
        expect(findings).toHaveLength(12);
        expect(findings.every((f) => f.pageUrl.startsWith(ORIGIN) && f.runId === run.id && !!f.ruleId)).toBe(true);
      }
      // the second crawl reused every page of the first (incremental audit): its validators are readable
      expect(await store.validators.validatorsOf(2, ORIGIN + '/')).toMatchObject({ contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

      const judgements = await store.judgements.listJudgements();
      expect(judgements.map((j) => [j.criterion, j.result, j.scope.type])).toEqual([
        ['1.3.3', 'pass', 'site'],
        ['1.2.1', 'inapplicable', 'page'],
        ['2.4.6', 'pass', 'pattern'],
      ]);
      expect(judgements[2].fingerprint).toMatchObject({ kind: 'content' });

      const [verdict] = await store.hookLog.recentVerdicts(10);
      expect(verdict).toMatchObject({ id: 1, verdict: 'block', blocking: 1, channel: 'cli', mode: 'html', url: ORIGIN + '/kurashi/new.html' });
    } finally {
      await store.close();
    }
    inspect(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(STORE_SCHEMA_VERSION);
      expect(db.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").get()).toEqual({ value: String(STORE_SCHEMA_VERSION) });
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('pages_run', 'findings_run_page') ORDER BY name").all()).toHaveLength(2);
      // migration 3: the run leases, empty (0.2.0 had no crawl running)
      expect(db.prepare('SELECT COUNT(*) n FROM run_leases').get()).toEqual({ n: 0 });
    });
  });

  it('a migrated 0.2.0 file takes a new run and writes the reports of run 2', async () => {
    const file = copyOfFixture('reports.sqlite');
    const store = await openStore(file);
    try {
      const run = await store.runs.createRun({ startUrls: [ORIGIN + '/'], config: {}, label: '2027年度 定期検査' });
      expect(run).toBe(3);
      await store.frontier.enqueue(run, [{ url: ORIGIN + '/', depth: 0, kind: 'page' }]);
      const [item] = await store.frontier.takeQueued(run, 1);
      await store.results.savePage(run, { url: item.url, depth: 0, auditedAt: new Date().toISOString(), title: 'トップ', contentHash: 'new' });
      await store.runs.updateRun(run, { status: 'finished', finishedAt: new Date().toISOString() });
      expect((await store.runs.latestRun('finished'))?.id).toBe(3);
      expect(await store.judgements.recordJudgements([{ criterion: '1.4.4', result: 'pass', scope: { type: 'site' } }])).toEqual([4]);
    } finally {
      await store.close();
    }

    const out = path.join(dir, 'reports');
    const r = await generateReports({ store: file, runId: 2, outDir: out, formats: ['html', 'test-result', 'json', 'csv'], now: '2026-12-01T00:00:00Z' });
    expect(r.runId).toBe(2);
    expect(r.model.run.label).toBe('2026年度 定期検査');
    expect(r.model.pages).toHaveLength(20);
    expect(r.model.judgements.all).toHaveLength(4);
    expect(r.model.progress?.previousRun.id).toBe(1);
    for (const f of ['report.html', 'test-result.html', 'result.json', 'findings.csv']) expect(existsSync(path.join(out, f)), f).toBe(true);
    expect(JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8')).pages).toHaveLength(20);
    expect(readFileSync(path.join(out, 'test-result.html'), 'utf8')).toContain('達成基準チェックリスト（38 達成基準');
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('前回の検査からの変化');
  });

  it('readonly never migrates: an unmigrated 0.2.0 file is refused with a Japanese message', async () => {
    const file = copyOfFixture('readonly.sqlite');
    await expect(openStore(file, { readonly: true })).rejects.toThrow(/古い形式（版 1）.*書き込みできる形で開くと/);
    expect(inspect(file, (db) => db.pragma('user_version', { simple: true }))).toBe(0);
    await (await openStore(file)).close();
    const ro = await openStore(file, { readonly: true });
    expect((await ro.runs.listRuns()).length).toBe(2);
    await ro.close();
  });

  it('a file from a newer jis-a11y is refused with a Japanese message and left untouched', async () => {
    const file = path.join(dir, 'newer.sqlite');
    {
      const db = new Database(file);
      db.exec("CREATE TABLE future (x); INSERT INTO future VALUES ('まだない形式')");
      db.pragma(`user_version = ${STORE_SCHEMA_VERSION + 1}`);
      db.close();
    }
    for (const readonly of [false, true]) {
      const err = await openStore(file, { readonly }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StoreVersionError);
      expect((err as Error).message).toContain('新しい版の jis-a11y で作られています');
      expect((err as Error).message).toContain(`版 ${STORE_SCHEMA_VERSION + 1}`);
      expect((err as StoreVersionError).fileVersion).toBe(STORE_SCHEMA_VERSION + 1);
    }
    inspect(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(STORE_SCHEMA_VERSION + 1);
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'future' }]);
    });
  });

  it('a 0.2.0 file that only the pre-publish hook wrote gets the other tables and keeps its verdicts', async () => {
    const file = path.join(dir, 'hook-only.sqlite');
    inspect(FIXTURE, (old) => {
      const db = new Database(file);
      for (const { sql } of old.prepare("SELECT sql FROM sqlite_master WHERE tbl_name LIKE 'hook_%' AND sql IS NOT NULL").all() as { sql: string }[]) db.exec(sql);
      db.prepare("INSERT INTO hook_verdicts (at, channel, mode, url, verdict) VALUES ('2026-01-01T00:00:00Z', 'http', 'url', 'https://e.jp/', 'pass')").run();
      db.close();
    });
    const store = await openStore(file);
    try {
      expect(await store.hookLog.recentVerdicts()).toMatchObject([{ id: 1, verdict: 'pass', channel: 'http' }]);
      expect(await store.runs.listRuns()).toEqual([]);
      expect(await store.runs.createRun({ startUrls: [], config: {} })).toBe(1);
    } finally {
      await store.close();
    }
    expect(inspect(file, (db) => db.pragma('user_version', { simple: true }))).toBe(STORE_SCHEMA_VERSION);
  });
});
