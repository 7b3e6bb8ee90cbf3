// `jis-a11y test select`: the page selection of a test (JIS X 8341-3:2016 附属書JB.1.2). A person names
// representative pages (URLs or globs), looks at the suggestions (top page, forms, templates with why),
// accepts them, and draws random pages; each draw's seed and time are recorded before it is made
// (reports/selection/draw.ts). Prints the selection with 代表 / ランダム, the reasons and the warnings.
// A typo in an entry is an error that names it, and nothing is written.
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_STORE } from '../store/paths.js';
import { UsageError } from '../../rules-jis/exit-codes.js';
import type { SelectedPage } from '../../rules-jis/jis-test.js';
import { drawForTest, matchUserList, population, suggestRepresentatives, type SelectablePage } from '../../reports/selection/index.js';
import type { Store } from '../store/store.js';
import { openExistingStore } from './open-store.js';
import { pageLines, selectablePages, selectionStatusLines, warningLines } from './selection-text.js';

export interface SelectOptions {
  store: string;
  test?: string;
  run?: string;
  representative?: string[];
  suggest?: boolean;
  acceptSuggestions?: boolean;
  random?: string;
  seed?: string;
}

function positiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} は 1 以上の整数です（指定: ${v}）`);
  return n;
}

async function runOf(store: Store, run?: string): Promise<number> {
  const r = run !== undefined ? await store.runs.getRun(positiveInt(run, '--run')) : ((await store.runs.latestRun('finished')) ?? (await store.runs.latestRun()));
  if (!r) throw new UsageError(run !== undefined ? `検査 #${run} がストアにありません。` : 'ストアに検査結果がありません。先に jis-a11y crawl を実行してください。');
  return r.id;
}

/** The person's list: the one given now, or the one stored before. Unmatched entries are an error, before any write. */
function userPart(o: SelectOptions, pages: SelectablePage[], stored: SelectedPage[], runId: number): SelectedPage[] {
  if (!o.representative?.length) return stored.filter((p) => p.kind === 'representative' && p.source !== 'suggested');
  const m = matchUserList(o.representative, pages);
  if (m.unmatched.length) {
    const list = m.unmatched.map((e) => `「${e}」`).join('、');
    throw new UsageError(`--representative ${list} に一致するページが検査 #${runId} の結果にありません。URL やパターンの綴りを確かめてください（URL は https:// から、パターンは「/」から。例: /bosai/*）。何も記録していません。`);
  }
  return m.pages;
}

/** The test named by --test (it must exist), or the open test. */
async function testOf(store: Store, test?: string): Promise<number> {
  const t = test !== undefined ? await store.tests.get(positiveInt(test, '--test')) : await store.tests.openTest();
  if (!t) throw new UsageError(test !== undefined ? `試験 #${test} がストアにありません（jis-a11y test status --all で一覧を表示できます）。` : '実施中の試験がありません。--test で試験番号を指定するか、jis-a11y test new で作ってください。');
  return t.id;
}

export async function runTestSelect(o: SelectOptions, print: (line: string) => void = console.log): Promise<void> {
  if (o.test !== undefined) positiveInt(o.test, '--test');
  const n = o.random !== undefined ? positiveInt(o.random, '--random') : undefined;
  if (o.seed !== undefined && n === undefined) throw new UsageError('--seed は --random と一緒に指定してください（乱数の種は抽選の前に記録されます）。');
  const store = await openExistingStore(path.resolve(o.store));
  try {
    const testId = await testOf(store, o.test);
    const runId = await runOf(store, o.run);
    const pages = population(await selectablePages(store, runId));
    const stored = await store.selection.listSelection(testId);
    const user = userPart(o, pages, stored, runId);
    const sugg = suggestRepresentatives(pages, { taken: user });
    if (o.representative?.length || o.acceptSuggestions) {
      const kept = o.acceptSuggestions ? sugg.pages : stored.filter((p) => p.kind === 'representative' && p.source === 'suggested');
      const seen = new Set(user.map((p) => p.url));
      await store.selection.replaceRepresentative(testId, [...user, ...kept.filter((p) => !seen.has(p.url))]);
    }
    if (o.suggest) {
      print(`提案する代表ページ（${sugg.pages.length} ページ、検査 #${runId} の ${pages.length} ページから）:`);
      for (const l of [...pageLines(sugg.pages), ...warningLines(sugg.notes)]) print(l);
      if (!o.acceptSuggestions) print(`記録するには --accept-suggestions を付けてください。`);
    }
    if (n !== undefined) {
      const rep = new Set((await store.selection.listSelection(testId)).filter((p) => p.kind === 'representative').map((p) => p.url));
      const d = await drawForTest(store.selection, { testId, n, seed: o.seed, population: pages.map((p) => p.url).filter((u) => !rep.has(u)) });
      print(`抽選 #${d.id}: 乱数の種「${d.seed}」を ${d.plannedAt} に記録してから、${d.population} ページから ${d.urls?.length ?? 0} ページを抽選しました。`);
    }
    print(`試験 #${testId} の試験するページ（検査 #${runId} に対して）:`);
    for (const l of await selectionStatusLines(store, testId, runId)) print(l);
  } finally {
    await store.close();
  }
}

export function registerSelectCommand(parent: Command): void {
  parent
    .command('select')
    .description('試験するページを選びます（代表ページ・ランダム抽選、JIS X 8341-3:2016 附属書JB.1.2）/ choose the pages of a test')
    .option('-t, --test <id>', '試験番号（省略時は実施中の試験）')
    .option('-s, --store <file>', '検査結果の SQLite ファイル', DEFAULT_STORE)
    .option('-r, --run <id>', 'ページを選ぶ検査の番号（省略時は最新の完了した検査）')
    .option('--representative <url|glob...>', '代表ページ（URL、または「/」で始まるパスのパターン。例: /bosai/*）。指定すると利用者の指定を置き換えます')
    .option('--suggest', '代表ページの候補（トップページ、フォーム、ページの種類ごと）を理由とともに表示する')
    .option('--accept-suggestions', '候補を代表ページとして記録する')
    .option('--random <n>', 'ランダムに抽選するページ数（WAIC の目安は 40 以上）。乱数の種と時刻を記録してから抽選します')
    .option('--seed <seed>', '抽選の乱数の種（省略時は暗号論的乱数で作ります）')
    .action(async (o: SelectOptions) => runTestSelect(o));
}
