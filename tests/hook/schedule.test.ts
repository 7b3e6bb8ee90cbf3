// The schedule on its own: a cron expression fires a crawl (croner), the run lands in the store and the
// reports folder is rewritten.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Scheduler } from '../../crawler/service/scheduler.js';
import { collect, openStore } from '../../crawler/store/store.js';
import { jaPage } from '../helpers/server.js';
import { recordingServer, type RecordingServer } from './site.js';

let site: RecordingServer;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-hook-cron-'));
  site = await recordingServer({ '/': jaPage('<h1>みどり県</h1><p>お知らせ</p>', { title: 'トップページ | みどり県' }) });
  writeFileSync(path.join(tmp, 'crawl.json'), JSON.stringify({ site: `${site.url}/`, sitemap: false, robots: false, concurrency: 1, checkDocuments: false, label: '毎秒の検査', output: { dir: path.join(tmp, 'out') } }));
});
afterAll(async () => {
  await site?.close();
});

it('fires a crawl from its cron expression, stores the run and writes the reports', async () => {
  const store = path.join(tmp, 'svc.sqlite');
  const reportsDir = path.join(tmp, 'reports');
  const s = new Scheduler([{ name: 'every-second', cron: '* * * * * *', config: path.join(tmp, 'crawl.json') }], { store, reportsDir });
  expect(s.status()[0].lastRun).toBeNull();
  s.start();
  const t = Date.now();
  while (!s.status()[0].lastRun?.finishedAt && Date.now() - t < 80_000) await new Promise((r) => setTimeout(r, 200));
  await s.stop();
  const last = s.status()[0].lastRun!;
  expect(last.status).toBe('finished');
  const st = await openStore(store);
  try {
    const runs = await st.runs.listRuns();
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs[0].label).toBe('毎秒の検査');
    expect(await collect(st.results.iteratePages(runs[0].id))).toHaveLength(1);
  } finally {
    await st.close();
  }
  expect(existsSync(path.join(reportsDir, 'index.html'))).toBe(true);
  expect(existsSync(path.join(reportsDir, 'runs', String(last.runId), 'report.html'))).toBe(true);
});
