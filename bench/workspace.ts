// bench:workspace — the workspace's sheet and review queue on a 30,000-page store (issue 15, item 7: under 300 ms
// at the server, p95). Generates the store through the store's API (a finished run of 30,000 pages in 300
// templates, each page with its 38 criteria, 2 violations and 4 要確認 findings of 6 review rules; a test that uses
// the run, 25 representative pages and a logged draw of 40 random ones, some judgements), then times GET
// /api/v1/ws/sheet and GET /api/v1/ws/queue through fastify's inject (the server's whole handling: routing, the
// store, JSON), first call apart (the queue records each page's template once per run). Prints wall time and the
// process's CPU time per request (the second hardly moves when other work shares the machine).
// Usage: npm run bench:workspace [-- --pages 30000 --runs 40 --store <file>] (--store: keep the generated store in
// <file>, or reuse it when it exists: generating 30,000 pages takes minutes).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { openStore, type Store } from '../crawler/store/store.js';
import { Scheduler } from '../crawler/service/scheduler.js';
import { testRoutes } from '../crawler/service/workspace/test-routes.js';
import { queueRoutes } from '../crawler/service/workspace/queue-routes.js';
import { targetCriteria } from '../rules-jis/criteria.js';
import type { CriterionResult, Finding } from '../rules-jis/types.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const PAGES = arg('pages', 30_000);
const RUNS = arg('runs', 40);
const ORIGIN = 'https://www.pref.example.lg.jp';
const SECTIONS = ['kurashi', 'kenko', 'kosodate', 'sangyo', 'kanko', 'bosai', 'kyoiku', 'kensei', 'machi', 'kankyo'];
const REVIEW_RULES = [
  ['jis-link-text', '2.4.4'],
  ['color-contrast', '1.4.3'],
  ['jis-heading-text', '2.4.6'],
  ['site-duplicate-title', '2.4.2'],
  ['jis-form-label-text', '3.3.2'],
  ['jis-image-alt-text', '1.1.1'],
] as const;

const zero = { violation: 0, review: 0, advisory: 0, pass: 0, inapplicable: 0 };

function pageUrl(i: number): string {
  // 10 sections × 30 layouts per section = 300 templates (different depths, leaves and numbered names)
  const s = SECTIONS[i % SECTIONS.length];
  const layout = Math.floor(i / SECTIONS.length) % 30;
  return `${ORIGIN}/${s}/${'sub/'.repeat(layout % 3)}t${layout}/page-${i}.html`.replace(/\/t(\d+)\//, (_m, n) => `/${'abcdefghij'[Number(n) % 10]}${'x'.repeat(Math.floor(Number(n) / 10))}/`);
}

function finding(ruleId: string, kind: Finding['kind'], criterion: string, n: number): Finding {
  return { ruleId, source: 'axe', kind, criteria: [criterion], impact: 'serious', selector: `#e${n}`, html: `<a id="e${n}">詳しくはこちら</a>`, message: '確認してください', help: '直し方', helpUrl: 'https://waic.jp/' };
}

function pageCriteria(i: number): CriterionResult[] {
  return targetCriteria('AA').map((c, k) => ({
    id: c.wcag,
    level: c.level,
    outcome: k % 9 === 0 ? 'fail' : k % 5 === 0 ? 'pass' : k % 7 === 0 ? 'inapplicable' : REVIEW_RULES.some(([, id]) => id === c.wcag) && (i + k) % 2 === 0 ? 'review' : 'untested',
    counts: { ...zero },
  }));
}

async function generate(store: Store): Promise<number> {
  const runId = await store.runs.createRun({ startUrls: [`${ORIGIN}/`], config: {}, toolVersion: 'bench', axeVersion: 'bench', browser: 'bench', target: 'AA' } as never);
  const test = await store.tests.create({ name: '令和8年度 試験（ベンチ）', fiscalYear: 2026, target: 'AA' });
  const auditedAt = new Date().toISOString();
  for (let i = 0; i < PAGES; i++) {
    const findings = [
      finding('image-alt', 'violation', '1.1.1', 1),
      finding('label', 'violation', '3.3.2', 2),
      ...[0, 1, 2, 3].map((k) => {
        const [rule, crit] = REVIEW_RULES[(i + k) % REVIEW_RULES.length];
        return finding(rule, 'review', crit, 10 + k);
      }),
    ];
    const url = pageUrl(i);
    await store.results.savePage(runId, { url, title: `ページ ${i}｜例示県`, lang: 'ja', status: 200, contentHash: `h${i}`, bytes: 20_000, depth: 2, auditedAt, criteria: pageCriteria(i), nav: [{ key: 'nav#gnav', hrefs: [] }, { key: `nav#local-${Math.floor(i / SECTIONS.length) % 30}-${i % SECTIONS.length}`, hrefs: [] }], findings });
  }
  await store.runs.updateRun(runId, { status: 'finished', finishedAt: new Date().toISOString() });
  await store.tests.attachRun(test.id, runId);
  await store.selection.replaceRepresentative(test.id, Array.from({ length: 25 }, (_, k) => ({ url: pageUrl(k * 11), kind: 'representative' as const, reason: '代表', source: 'user' as const })));
  const plan = await store.selection.planDraw(test.id, { n: 40, seed: 'bench', population: PAGES });
  await store.selection.recordDraw(plan.id, Array.from({ length: 40 }, (_, k) => ({ url: pageUrl(1000 + k * 701), reason: 'ランダム' })));
  await store.judgements.recordJudgements([{ criterion: '3.1.1', result: 'pass', who: 'ベンチ', scope: { type: 'site' } }], { testId: test.id, runId });
  return runId;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * q) - 1))];
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-bench-ws-'));
  const kept = process.argv.includes('--store') ? path.resolve(process.argv[process.argv.indexOf('--store') + 1]) : null;
  const file = kept ?? path.join(tmp, 'bench.sqlite');
  const reuse = kept !== null && existsSync(kept);
  const store = await openStore(file);
  const t0 = performance.now();
  if (reuse) console.log(`生成済みのストアを使います: ${file}`);
  else await generate(store);
  if (!reuse) console.log(`生成: ${PAGES.toLocaleString('ja-JP')} ページ（要確認 ${(PAGES * 4).toLocaleString('ja-JP')} 件）${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
  const deps = { store, reportsDir: path.join(tmp, 'reports'), scheduler: new Scheduler([], { store: file, reportsDir: path.join(tmp, 'reports') }) };
  const app = Fastify({ logger: false });
  app.addHook('onRequest', async (req) => {
    req.user = { id: 1, login: 'bench', displayName: 'ベンチ', role: 'admin', via: 'session' };
  });
  await app.register(async (api) => {
    await testRoutes(api, deps);
    await queueRoutes(api, deps);
  }, { prefix: '/api/v1' });
  const cases: [string, (k: number) => string][] = [
    ['シート（20 行）', (k) => `/api/v1/ws/sheet?limit=20&offset=${(k * 20) % 60}`],
    ['シート（状態で絞り込み）', () => '/api/v1/ws/sheet?state=review&limit=20'],
    ['シート（達成基準で絞り込み）', (k) => `/api/v1/ws/sheet?criterion=${targetCriteria('AA')[k % 38].wcag}&limit=50`],
    ['要確認の一覧（20 グループ）', (k) => `/api/v1/ws/queue?limit=20&offset=${(k * 20) % 200}`],
  ];
  for (const [label, url] of cases) {
    const first = performance.now();
    const r0 = await app.inject({ method: 'GET', url: url(0) });
    const firstMs = performance.now() - first;
    if (r0.statusCode !== 200) throw new Error(`${url(0)}: ${r0.statusCode} ${r0.body.slice(0, 300)}`);
    if (url(0).includes('/queue')) {
      const q = r0.json() as { total: number; groups: { count: number }[] };
      console.log(`要確認のまとまり: ${q.total} 個（最大 ${Math.max(...q.groups.map((g) => g.count)).toLocaleString('ja-JP')} ページ）`);
    }
    const times: number[] = [];
    const cpu: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      const s = performance.now();
      const c = process.cpuUsage();
      await app.inject({ method: 'GET', url: url(k) });
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      times.push(performance.now() - s);
    }
    console.log(`${label}: p95 ${quantile(times, 0.95).toFixed(0)} ms、中央値 ${quantile(times, 0.5).toFixed(0)} ms、初回 ${firstMs.toFixed(0)} ms（${RUNS} 回）; CPU 時間 p95 ${quantile(cpu, 0.95).toFixed(0)} ms、中央値 ${quantile(cpu, 0.5).toFixed(0)} ms（ほかの処理で混んだ機械でも変わりにくい）`);
  }
  await app.close();
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
}

await main();
