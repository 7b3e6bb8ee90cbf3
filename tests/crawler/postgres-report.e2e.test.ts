// Issue 20: a PostgreSQL store gives the same report as SQLite for the same crawl of the sample site. The sample
// site is crawled twice in real headless Chromium, in the same way (one tab, so the keyboard phase falls on the
// same pages), once into a SQLite file and once into a real PostgreSQL database (a throwaway cluster); then the
// reports a user reads are made from each store and compared whole: result.json, findings.csv, test-result.json,
// report.html — with only what changes from run to run taken out (times, ports), as the golden test does.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSampleSite } from '../../crawler/cli/sample-site.js';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl, type CrawlOutcome } from '../../crawler/crawl/crawl.js';
import type { StaticServer } from '../../crawler/page/static-server.js';
import { openStore } from '../../crawler/store/store.js';
import { generateReports } from '../../reports/generate.js';
import { normalizeCsv, normalizeJson, normalizeText } from '../golden/normalize.js';
import { postgresSkip, startPgCluster, type PgCluster } from '../helpers/postgres.js';

let cluster: PgCluster;
let server: StaticServer;
let tmp: string;
const outcomes: Record<'sqlite' | 'postgres', CrawlOutcome> = {} as never;
const logs: Record<'sqlite' | 'postgres', string[]> = { sqlite: [], postgres: [] };
const NOW = '2026-11-30T00:00:00.000Z';

async function crawlInto(kind: 'sqlite' | 'postgres', db?: string): Promise<void> {
  const dir = path.join(tmp, kind);
  // 15 pages in the same order (one tab) hold every kind of row the report reads; the whole site took 5 min twice.
  const config = mergeConfig({ startUrls: [server.url], concurrency: 1, scope: { maxPages: 15 }, output: { dir, ...(db ? { db } : {}) } });
  outcomes[kind] = await runCrawl(config, { hooks: { onLog: (m: string) => logs[kind].push(m) } });
}

/** The report's SVG charts decoded, with their element ids (numbered per process, not per store) made equal. */
const chartsReadable = (html: string) =>
  html.replace(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8').replace(/\bchart\d+/g, 'chartN'));

async function reports(kind: 'sqlite' | 'postgres'): Promise<Record<string, string>> {
  const out = path.join(tmp, `${kind}-reports`);
  await generateReports({ store: outcomes[kind].dbFile, runId: outcomes[kind].runId, outDir: out, testId: 'run', formats: ['json', 'csv', 'test-result', 'html'], now: NOW });
  const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
  return {
    'result.json': normalizeJson(read('result.json')),
    'findings.csv': normalizeCsv(read('findings.csv')),
    'test-result.json': normalizeJson(read('test-result.json')),
    'report.html': chartsReadable(normalizeText(read('report.html'))),
  };
}

describe.skipIf(postgresSkip)('PostgreSQL store: the same report as SQLite for the same crawl', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-pg-report-'));
    [cluster, server] = await Promise.all([startPgCluster(), serveSampleSite()]);
    await crawlInto('sqlite');
    await crawlInto('postgres', await cluster.createDatabase());
  }, 600_000);

  afterAll(async () => {
    await server?.close();
    await cluster?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('both crawls finish with the same counts', async () => {
    expect(outcomes.sqlite.status).toBe('finished');
    expect(outcomes.postgres.status).toBe('finished');
    expect(outcomes.postgres.dbFile).toMatch(/^postgres:\/\//);
    const summary = async (o: CrawlOutcome) => {
      const s = await openStore(o.dbFile, { readonly: true });
      try {
        return await s.runs.runSummary(o.runId);
      } finally {
        await s.close();
      }
    };
    const lite = await summary(outcomes.sqlite);
    expect(lite.pagesAudited).toBeGreaterThan(10);
    expect(lite.findings.violation).toBeGreaterThan(0);
    expect({ ...(await summary(outcomes.postgres)), runId: 0 }).toEqual({ ...lite, runId: 0 });
  });

  it('result.json, findings.csv, test-result.json and report.html are the same', async () => {
    const lite = await reports('sqlite');
    const pg = await reports('postgres');
    expect(lite['result.json'].length).toBeGreaterThan(10_000);
    expect(lite['report.html']).toContain('<svg');
    for (const f of Object.keys(lite)) expect(pg[f], f).toBe(lite[f]);
  });
});
