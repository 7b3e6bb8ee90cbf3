// `jis-a11y test select` and `report --test` as a person runs them (the real CLI in a child process) on a
// generated 3,000-URL site stored in a real SQLite file: suggestions with reasons, a typo in a representative
// entry named with nothing written, accepted suggestions and a draw logged with its seed, a second draw
// logged and warned about, and the 試験結果's URI list with 代表 / ランダム marks and links.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../crawler/store/store.js';
import { FORMS, ORIGIN, generateSite, storeSite } from '../reports/selection/generated-site.js';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../../bin/jis-a11y.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-test-select-'));
const file = path.join(tmp, 'store.sqlite');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await run(process.execPath, [CLI, ...args], { cwd: tmp, maxBuffer: 16 << 20 });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

async function storedSelection(testId: number) {
  const s = await openStore(file);
  try {
    return { pages: await s.selection.listSelection(testId), draws: await s.selection.listDraws(testId) };
  } finally {
    await s.close();
  }
}

beforeAll(async () => {
  const s = await openStore(file);
  const runId = await storeSite(s, generateSite());
  const t = await s.tests.create({ name: '令和8年度 試験', fiscalYear: 2026, target: 'AA', statement: {} });
  await s.tests.attachRun(t.id, runId);
  await s.close();
}, 120_000);

describe('jis-a11y test select', () => {
  it('--suggest lists the suggestions with 代表 and why, and records nothing', async () => {
    const r = await cli('test', 'select', '--store', file, '--test', '1', '--suggest');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`[代表] ${ORIGIN}/ — トップページ`);
    for (const f of FORMS) expect(r.out).toContain(`[代表] ${ORIGIN}/form/${f}.html — フォームがあるページ`);
    expect(r.out).toMatch(/テンプレート「[^」]+」の代表（同じ種類 2000 ページ/);
    expect(r.out).toContain('--accept-suggestions');
    expect(r.out).toContain('まだ選ばれていません');
    expect((await storedSelection(1)).pages).toEqual([]);
  });

  it('a typo in --representative is an error naming the entry (exit 2), and nothing is written', async () => {
    const r = await cli('test', 'select', '--store', file, '--test', '1', '--representative', '/bosai/ichi/*.html', '/bosia/**', '--accept-suggestions', '--random', '40');
    expect(r.code).toBe(2);
    expect(r.err).toContain('「/bosia/**」');
    expect(r.err).toContain('何も記録していません');
    expect(await storedSelection(1)).toEqual({ pages: [], draws: [] });
  });

  it('records the person\'s list, the accepted suggestions and a logged draw of 40, and prints them', async () => {
    const r = await cli('test', 'select', '--store', file, '--test', '1', '--representative', `${ORIGIN}/bosai/`, '/bosai/ichi/*.html', '--accept-suggestions', '--random', '40');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`[代表] ${ORIGIN}/bosai/ — 利用者が指定`);
    expect(r.out).toContain('利用者が指定（/bosai/ichi/*.html）');
    expect(r.out).toContain(`[代表] ${ORIGIN}/ — トップページ`);
    expect(r.out.match(/\[ランダム\]/g)).toHaveLength(40);
    expect(r.out).toMatch(/抽選 #\d+: 乱数の種「[0-9a-f]{16}」を .+ に記録してから、\d+ ページから 40 ページを抽選しました/);
    expect(r.out).not.toContain('警告');
    const { pages, draws } = await storedSelection(1);
    expect(draws).toHaveLength(1);
    expect(pages[0]).toMatchObject({ url: `${ORIGIN}/bosai/`, kind: 'representative', source: 'user' });
    expect(pages.filter((p) => p.kind === 'random').map((p) => p.url)).toEqual(draws[0].urls);
    // the random pages were drawn from the pages that are not representative
    const rep = new Set(pages.filter((p) => p.kind === 'representative').map((p) => p.url));
    expect(draws[0].urls!.some((u) => rep.has(u))).toBe(false);
  });

  it('a second, smaller draw is logged: the output warns below 40 and says which draw is used', async () => {
    const r = await cli('test', 'select', '--store', file, '--test', '1', '--random', '10', '--seed', 'やり直し');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('警告: ランダムに選んだページは 10 ページです');
    expect(r.out).toContain('抽選は 2 回行い、2 回目の結果を使用しました');
    expect((await storedSelection(1)).draws.map((d) => d.seed)).toEqual([expect.stringMatching(/^[0-9a-f]{16}$/), 'やり直し']);
  });

  it('--seed without --random is refused before anything is written', async () => {
    const r = await cli('test', 'select', '--store', file, '--test', '2', '--seed', 'x');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--seed は --random と一緒に');
    expect((await storedSelection(2)).draws).toEqual([]);
  });

  it('report --test prints the stored selection: URIs linked and marked 代表 / ランダム, the draws, the warnings', async () => {
    const out = path.join(tmp, 'out');
    const r = await cli('report', '--store', file, '--test', '1', '--formats', 'test-result', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('警告: ランダムに選んだページは 10 ページです');
    const html = readFileSync(path.join(out, 'test-result.html'), 'utf8');
    const { pages } = await storedSelection(1);
    for (const p of pages) expect(html).toContain(`<a href="${p.url}">${p.url} ${p.url}</a>（${p.kind === 'random' ? 'ランダム' : '代表'}）`);
    expect(html).toContain('代表ページ及びランダムに選択');
    expect(html).toContain('抽選は 2 回行い、2 回目の結果を使用しました');
    expect(html).toContain('ランダムに選んだページは 10 ページです');
  });

  it('test select and report --test for a test that does not exist are errors naming it', async () => {
    const r = await cli('test', 'select', '--store', file, '--test', '42', '--suggest');
    expect(r.code).toBe(2);
    expect(r.err).toContain('試験 #42 がストアにありません');
    const rep = await cli('report', '--store', file, '--test', '42', '--formats', 'test-result', '--out', path.join(tmp, 'out-42'));
    expect(rep.code).toBe(2);
    expect(rep.err).toContain('試験 #42 がストアにありません');
  });

  it('report without a test takes the statement\'s representative list, and names an entry that matches nothing', async () => {
    const stmt = path.join(tmp, 'statement.json');
    writeFileSync(stmt, JSON.stringify({ statementDate: '2026-12-01', representative: [`${ORIGIN}/bosai/`, '/bosia/**'] }));
    const out = path.join(tmp, 'out-statement');
    // a store with no test (the reported run's test would bring its own stored selection)
    const file2 = path.join(tmp, 'no-test.sqlite');
    const s2 = await openStore(file2);
    await storeSite(s2, generateSite());
    await s2.close();
    const r = await cli('report', '--store', file2, '--statement', stmt, '--select', 'representative', '--formats', 'test-result', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('警告: 代表ページの指定「/bosia/**」に一致するページが');
    const html = readFileSync(path.join(out, 'test-result.html'), 'utf8');
    expect(html.indexOf(`<a href="${ORIGIN}/bosai/">`)).toBeLessThan(html.indexOf(`<a href="${ORIGIN}/">`));
    expect(html).toContain('代表ページの指定「/bosia/**」');
  });
});
