// `jis-a11y test` as a 広報広聴課 officer runs it (issue 14), on a real crawl of the sample site in a real SQLite
// file, through the CLI (bin/jis-a11y.js): new / status / statement / carry-over / close, judge and report with
// --test, and the carry-over defect reproduced on the demo's store moved one year on (a second run with one
// page changed): last year's judgements must not count in the new test's report until a person carries them,
// and a judgement whose page changed comes only as 「再確認」.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../crawler/cli/main.js';
import { serveSampleSite } from '../../crawler/cli/sample-site.js';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { collect, openStore, type Store } from '../../crawler/store/store.js';
import { buildReportModel, type ReportModel } from '../../reports/model.js';
import { jstDate } from '../../rules-jis/test-period.js';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/jis-a11y.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-test-cli-'));
const db = path.join(tmp, 'demo.sqlite');

/** The CLI in this process (main() of bin/jis-a11y.js: the same commander program), its output and exit code. */
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const keep = (...a: unknown[]) => void out.push(a.map(String).join(' '));
  const log = vi.spyOn(console, 'log').mockImplementation(keep);
  const err = vi.spyOn(console, 'error').mockImplementation(keep);
  process.exitCode = 0;
  try {
    await main(['node', 'jis-a11y', ...args, '--store', db]);
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, out: out.join('\n') };
}

/** The same through bin/jis-a11y.js in a child process, as a user runs it. */
async function binCli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await exec('node', [bin, ...args, '--store', db], { cwd: root, maxBuffer: 20 * 1024 * 1024 });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

async function withStore<T>(fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await openStore(db);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

const outcomeOn = (m: ReportModel, url: string, id: string) => m.pages.find((p) => p.url === url)!.criteria.find((c) => c.id === id)!.outcome;
const siteRow = (m: ReportModel, id: string) => m.checklist.find((r) => r.id === id)!;

let origin = '';
let top = '';
let unchanged = '';
const YEAR_MS = 365 * 86400_000;

beforeAll(async () => {
  expect((await cli('test', 'new', '--name', '令和7年度 試験', '--year', '2025')).code).toBe(0);
  const site = await serveSampleSite();
  try {
    origin = site.url.replace(/\/$/, '');
    const crawl = await runCrawl(mergeConfig({ site: site.url, concurrency: 2, output: { dir: tmp, db } }));
    expect(crawl.status).toBe('finished');
  } finally {
    await site.close();
  }
  await withStore(async (s) => {
    const pages = (await collect(s.results.iteratePages(1))).filter((p) => !p.error);
    top = pages.find((p) => new URL(p.url).pathname === '/')!.url;
    unchanged = pages.find((p) => p.url !== top && outcomeOnStored(p.criteria, '1.4.5') === 'untested')!.url;
  });
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const outcomeOnStored = (cs: { id: string; outcome: string }[], id: string) => cs.find((c) => c.id === id)?.outcome;

/** The store moved one year on: a copy of the crawl, a year later, with the top page's content changed. */
async function nextYearRun(s: Store): Promise<number> {
  const run = (await s.runs.getRun(1))!;
  const startedAt = new Date(new Date(run.startedAt).getTime() + YEAR_MS).toISOString();
  const id = await s.runs.createRun({ startUrls: run.startUrls, config: run.config, target: run.target }, startedAt);
  for await (const p of s.results.iteratePages(1)) {
    const contentHash = p.url === top ? 'changed-next-year' : p.contentHash;
    await s.results.savePage(id, { ...p, contentHash, findings: await s.results.findingsOfPage(p.id) });
  }
  await s.runs.updateRun(id, { status: 'finished', finishedAt: new Date(new Date(startedAt).getTime() + 60_000).toISOString() });
  return id;
}

describe('jis-a11y test', () => {
  it('test new refuses a second open test, naming the open one', async () => {
    const r = await binCli('test', 'new', '--name', '二つ目');
    expect(r.code).toBe(2);
    expect(r.out).toContain('試験 #1「令和7年度 試験」がまだ実施中です');
  });

  it('the crawl used the open test; test status says what it uses and what is missing', async () => {
    const r = await cli('test', 'status');
    expect(r.code).toBe(0);
    expect(r.out).toContain('試験 #1「令和7年度 試験」（令和7年度（2025年度）、目標 AA、実施中）');
    expect(r.out).toMatch(/使う検査: #1（/);
    expect(r.out).toContain('人による判断: 0 件');
    expect(r.out).toMatch(/まだ結果のない達成基準: \d+ 件/);
    expect(r.out).toContain('2.4.5 複数の手段');
  });

  it('judge refuses a site-wide ○ on 2.1.1 while a page fails it, and records a waiver with its reason', async () => {
    const refused = await binCli('judge', '-c', '2.1.1', '--result', 'pass', '--site');
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('達成基準 2.1.1 に ○ は付けられません');
    expect(refused.out).toContain(origin + '/event/');
    const short = await cli('judge', '-c', '2.1.1', '--result', 'pass', '--site', '--waiver', '問題なし');
    expect(short.code).toBe(2);
    expect(short.out).toContain('短すぎます');
    const csv = path.join(tmp, 'bad.csv');
    writeFileSync(csv, `達成基準,結果,URL\n2.4.5,○,\n2.1.1,○,\n`);
    const fromCsv = await cli('judge', '--import', csv);
    expect(fromCsv.code).toBe(2);
    expect(fromCsv.out).toContain('3 行目: 達成基準 2.1.1 に ○ は付けられません');
    await withStore(async (s) => expect(await s.judgements.listJudgements()).toEqual([]));
  });

  it('test statement --set and --file are validated, errors name the key', async () => {
    const ok = await cli('test', 'statement', '--set', 'futurePlan=令和8年度中に修正します', '--set', 'exclusions=PDF 文書、外部サイト');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('futurePlan: 令和8年度中に修正します');
    expect(ok.out).toContain('exclusions: ["PDF 文書","外部サイト"]');
    const typo = await cli('test', 'statement', '--set', 'futurPlan=x');
    expect(typo.code).toBe(2);
    expect(typo.out).toContain('futurPlan');
    expect(typo.out).toContain('futurePlan');
    const date = await cli('test', 'statement', '--set', 'statementDate=2026/12/01');
    expect(date.code).toBe(2);
    expect(date.out).toContain('statementDate');
    const file = path.join(tmp, 'statement.json');
    writeFileSync(file, JSON.stringify({ organisation: 'みどり県 総務部 広報広聴課', environments: [{ os: 'Windows 11', browser: 'Chrome 131', screenReader: 'NVDA' }] }));
    const bad = await cli('test', 'statement', '--file', file);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain(file);
    expect(bad.out).toContain('screenReader');
    await withStore(async (s) => expect((await s.tests.get(1))!.statement.organisation).toBeUndefined());
    // the documents policy: a sample needs its size, and the message is the Japanese one only
    const noN = await cli('test', 'statement', '--set', 'documents={"include":"sample"}');
    expect(noN.code).toBe(2);
    expect(noN.out).toContain('documents の "n" は必須です');
    expect(noN.out).not.toMatch(/must match/);
    const docs = await cli('test', 'statement', '--set', 'documents={"include":"sample","n":10}');
    expect(docs.code).toBe(0);
    await withStore(async (s) => expect((await s.tests.get(1))!.statement.documents).toEqual({ include: 'sample', n: 10 }));
    expect((await cli('test', 'statement', '--set', 'documents=')).code).toBe(0);
  });

  it('test close refuses a 表明日 before the end of the 試験実施期間', async () => {
    const r = await cli('test', 'close', '--statement-date', '2020-01-01');
    expect(r.code).toBe(2);
    expect(r.out).toContain('表明日が試験実施期間より前です');
    await withStore(async (s) => expect((await s.tests.get(1))!.status).toBe('open'));
  });
});

describe('carry-over, never silent (the store moved one year on)', () => {
  let run2 = 0;
  beforeAll(async () => {
    // last year's test: a site-wide ○, a ○ on the page that will change, a ○ on a page that will not
    for (const args of [
      ['-c', '2.4.5', '--result', 'pass', '--site', '--who', '山田', '--note', '検索とサイトマップがある'],
      ['-c', '1.4.5', '--result', 'pass', '--page', top, '--who', '山田'],
      ['-c', '1.4.5', '--result', 'pass', '--page', unchanged, '--who', '山田'],
    ])
      expect((await cli('judge', ...args)).code).toBe(0);
    const closed = await cli('test', 'close');
    expect(closed.code).toBe(0);
    expect(closed.out).toContain('を終了しました');
    expect((await cli('test', 'new', '--name', '令和8年度 試験', '--year', '2026')).code).toBe(0);
    run2 = await withStore(async (s) => {
      const id = await nextYearRun(s);
      await s.tests.attachRun(2, id);
      return id;
    });
  }, 120_000);

  it('the new test starts empty: last year\'s judgements do not count in its report', async () => {
    const m = await withStore((s) => buildReportModel(s, { testId: 2 }));
    expect(m.run.id).toBe(run2);
    expect(m.judgements.all).toEqual([]);
    expect(siteRow(m, '2.4.5').outcome).toBe('untested');
    expect(outcomeOn(m, unchanged, '1.4.5')).toBe('untested');
    // the period is the new run's, and the old test still reports its own judgements
    expect(jstDate(m.statement.period.from)).toBe(jstDate(m.run.startedAt));
    const old = await withStore((s) => buildReportModel(s, { testId: 1 }));
    expect(siteRow(old, '2.4.5').outcome).toBe('pass');
    // the report command picks the test of the run it reports
    const r = await cli('report', '--formats', 'json', '--out', path.join(tmp, 'r2'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('試験 #2「令和8年度 試験」');
  });

  it('carry-over --dry-run lists each judgement with whether its page changed, and carries nothing', async () => {
    const r = await cli('test', 'carry-over', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toContain('試験 #1 の判断（3 件）→ 試験 #2');
    const lines = r.out.split('\n');
    expect(lines.find((l) => l.includes('2.4.5'))).toContain('ページが変わりました');
    expect(lines.find((l) => l.includes('2.4.5'))).toContain(top);
    expect(lines.find((l) => l.includes(`ページ ${top}`))).toContain('ページが変わりました');
    expect(lines.find((l) => l.includes(`ページ ${unchanged}`))).toContain('変更なし');
    expect(r.out).toContain('何も引き継いでいません');
    const none = await cli('test', 'carry-over');
    expect(none.code).toBe(2);
    expect(none.out).toContain('--all、--criterion');
    await withStore(async (s) => expect(await s.tests.judgementsOf(2)).toEqual([]));
  });

  it('carry-over --all carries the unchanged one as a result (keeping date and who); the changed ones stay out', async () => {
    const r = await cli('test', 'carry-over', '--all');
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 件を試験 #2 に引き継ぎました');
    expect(r.out).toContain('ページが変わった 2 件');
    const m = await withStore((s) => buildReportModel(s, { testId: 2 }));
    expect(outcomeOn(m, unchanged, '1.4.5')).toBe('pass');
    expect(outcomeOn(m, top, '1.4.5')).toBe('untested');
    expect(siteRow(m, '2.4.5').outcome).toBe('untested');
    const [copy] = m.judgements.all;
    expect(copy).toMatchObject({ who: '山田', carriedFrom: 3, testId: 2, recheck: false });
    // the period now shows that the result rests on last year's check
    expect(m.statement.period.from).toBe(copy.when);
  });

  it('--include-changed carries the changed ones as 「再確認」 only, never as a result', async () => {
    const r = await cli('test', 'carry-over', '--all', '--include-changed');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 件を試験 #2 に引き継ぎました（うち 2 件はページが変わったため「再確認」として');
    const m = await withStore((s) => buildReportModel(s, { testId: 2 }));
    expect(siteRow(m, '2.4.5').outcome).toBe('untested');
    expect(outcomeOn(m, top, '1.4.5')).toBe('untested');
    expect(m.judgements.recheck).toHaveLength(2);
    expect(m.judgements.stale.map((x) => x.judgement.criterion).sort()).toEqual(['1.4.5', '2.4.5']);
    const status = await cli('test', 'status');
    expect(status.out).toContain('うち引き継ぎ 1 件');
    expect(status.out).toContain('「再確認」として引き継いだもの 2 件');
  });

  it('judge --test records into the test named; a closed test refuses', async () => {
    const r = await cli('judge', '-c', '2.4.5', '--result', 'pass', '--page', unchanged, '--test', '1');
    expect(r.code).toBe(2);
    expect(r.out).toContain('終了しています');
    const ok = await cli('judge', '-c', '2.4.5', '--result', 'pass', '--page', unchanged, '--test', '2');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('試験 #2「令和8年度 試験」の判断です');
    const list = await cli('judge', '--list');
    expect(list.out).toMatch(/#4 1\.4\.5 適合 ページ \S+ 山田 \S+（試験 #2、#3 から引き継ぎ）/);
    expect(list.out).toContain('（試験 #2、#1 から引き継ぎ、再確認）');
  });

  it('test new reads its statement file against the schema, naming the file and the key', async () => {
    const file = path.join(tmp, 'new-statement.json');
    writeFileSync(file, JSON.stringify({ siteName: 'みどり県公式ホームページ', policyUrl: 'www.pref.example.lg.jp/policy.html' }));
    const r = await cli('test', 'new', '--name', '令和9年度 試験', '--statement', file);
    expect(r.code).toBe(2);
    expect(r.out).toContain(file);
    expect(r.out).toContain('policyUrl');
    expect(r.out).toContain('http:// か https:// で始まる URL');
  });
});
