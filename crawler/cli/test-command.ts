// `jis-a11y test`: the yearly JIS test (試験) as a first-class thing owned by the store (issue 14):
//   test new        creates the one open test (name, 年度, target, statement)
//   test status     its runs, 試験実施期間, 表明日, judgements and what is still missing (./test-status.ts)
//   test statement  shows or changes the statement (--set key=value, --file f.json; schema/test-statement.schema.json)
//   test carry-over last test's judgements offered one by one, carried only when picked (./test-carry.ts)
//   test close      closes it with its 表明日 (never before the end of the 試験実施期間)
// The rules are the store's (crawler/store/sqlite/tests.ts); this file reads flags and prints.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_STORE } from '../store/paths.js';
import { openStore, type Store } from '../store/store.js';
import { UsageError } from '../../rules-jis/exit-codes.js';
import type { JisTest, TestStatement } from '../../rules-jis/jis-test.js';
import { applyStatementSets, checkStatement } from '../../rules-jis/test-statement.js';
import { readJsonConfig } from '../../rules-jis/config/validate.js';
import { jaDate } from '../../rules-jis/test-period.js';
import { openExistingStore } from './open-store.js';
import { testHeading, testStatusText } from './test-status.js';
import { carryOverText, type CarryOptions } from './test-carry.js';

const STORE_FLAG = ['-s, --store <file>', '検査結果の SQLite ファイル', DEFAULT_STORE] as const;

/** Reads a statement JSON file (schema/test-statement.schema.json), errors naming the file and the key. */
export function readStatementFile(file: string): TestStatement {
  const source = { label: '表明のファイル', file };
  return checkStatement(readJsonConfig(() => readFileSync(file, 'utf8'), source), source);
}

/** A test number given on the command line. */
export function parseTestId(v: string | undefined, flag = '--test'): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} は試験の番号（1 以上の整数）です（指定: ${v}）`);
  return n;
}

/** The test asked for, else the open test; a Japanese error when there is none. */
async function chosenTest(store: Store, id: number | undefined): Promise<JisTest> {
  const t = id !== undefined ? await store.tests.get(id) : await store.tests.openTest();
  if (t) return t;
  throw new UsageError(id !== undefined ? `試験 #${id} はありません。` : 'いま実施中の試験がありません。jis-a11y test new で作るか、--test で番号を指定してください。');
}

async function withStore<T>(file: string, existing: boolean, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = existing ? await openExistingStore(path.resolve(file)) : await openStore(path.resolve(file));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function statementText(s: TestStatement): string {
  const keys = Object.keys(s) as (keyof TestStatement)[];
  if (!keys.length) return '  （まだ何も書かれていません。--set key=value か --file で書きます）';
  return keys.map((k) => `  ${k}: ${typeof s[k] === 'string' ? s[k] : JSON.stringify(s[k])}`).join('\n');
}

function registerNew(test: Command): void {
  test
    .command('new')
    .description('新しい試験を作ります（同時に実施できるのは 1 つ）/ create the open test')
    .option(...STORE_FLAG)
    .requiredOption('--name <name>', '試験の名前（例: 「令和8年度 試験」）')
    .option('--year <year>', '年度（西暦、例 2026）')
    .option('--target <level>', '目標の適合レベル A | AA', 'AA')
    .option('--statement <file>', '表明の記載事項（JSON、schema/test-statement.schema.json）')
    .action(async (o: { store: string; name: string; year?: string; target: string; statement?: string }) => {
      const fiscalYear = o.year === undefined ? null : Number(o.year);
      const statement = o.statement ? readStatementFile(o.statement) : {};
      const t = await withStore(o.store, false, (s) => s.tests.create({ name: o.name, fiscalYear, target: o.target as JisTest['target'], statement }));
      console.log(`${testHeading(t)} を作りました。`);
      console.log('これからの検査（jis-a11y crawl）と人による判断（jis-a11y judge）は、この試験のものとして記録されます。');
      console.log('前の試験の判断は自動では使いません。引き継ぐなら: jis-a11y test carry-over --dry-run');
    });
}

function registerStatus(test: Command): void {
  test
    .command('status')
    .description('試験の状況（使う検査、試験実施期間、判断、足りないもの）/ show the test')
    .option(...STORE_FLAG)
    .option('--test <id>', '試験の番号（省略時は実施中の試験）')
    .option('--all', 'すべての試験を一覧する')
    .action(async (o: { store: string; test?: string; all?: boolean }) => {
      await withStore(o.store, true, async (s) => {
        if (o.all) {
          const all = await s.tests.list();
          console.log(all.length ? all.map(testHeading).join('\n') : '試験はまだありません（jis-a11y test new で作ります）。');
          return;
        }
        console.log(await testStatusText(s, await chosenTest(s, parseTestId(o.test))));
      });
    });
}

function registerStatement(test: Command): void {
  test
    .command('statement')
    .description('試験の表明の記載事項を表示・変更します / show or change the statement')
    .option(...STORE_FLAG)
    .option('--test <id>', '試験の番号（省略時は実施中の試験）')
    .option('--set <key=value>', '1 項目を設定（繰り返し可。値を空にすると削除）', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--file <file>', '表明の JSON ファイルで置き換える')
    .action(async (o: { store: string; test?: string; set: string[]; file?: string }) => {
      await withStore(o.store, true, async (s) => {
        const t = await chosenTest(s, parseTestId(o.test));
        if (!o.set.length && !o.file) {
          console.log(`${testHeading(t)} の表明:\n${statementText(t.statement)}`);
          return;
        }
        const base = o.file ? readStatementFile(o.file) : t.statement;
        const next = o.set.length ? applyStatementSets(base, o.set) : base;
        const updated = await s.tests.updateStatement(t.id, next);
        console.log(`${testHeading(updated)} の表明を更新しました:\n${statementText(updated.statement)}`);
      });
    });
}

function registerCarry(test: Command): void {
  test
    .command('carry-over')
    .description('前の試験の判断を 1 件ずつ確かめて、実施中の試験に引き継ぎます / carry judgements into the open test')
    .option(...STORE_FLAG)
    .option('--from <id>', '引き継ぐ元の試験の番号、または none（どの試験にも属さない判断）。省略時は直前の試験')
    .option('--all', '変更のない判断をすべて引き継ぐ')
    .option('--criterion <list>', 'この達成基準の判断だけ（カンマ区切り、例 1.1.1,2.4.6）')
    .option('--id <list>', 'この番号の判断だけ（カンマ区切り）')
    .option('--include-changed', 'ページが変わった判断も「再確認」として引き継ぐ（結果には使わない）')
    .option('--dry-run', '候補を表示するだけで、何も引き継がない')
    .action(async (o: CarryOptions & { store: string }) => {
      await withStore(o.store, true, async (s) => console.log(await carryOverText(s, o)));
    });
}

function registerClose(test: Command): void {
  test
    .command('close')
    .description('試験を終了します（表明日は試験実施期間の終わり以降）/ close the test')
    .option(...STORE_FLAG)
    .option('--test <id>', '試験の番号（省略時は実施中の試験）')
    .option('--statement-date <date>', '表明日（YYYY-MM-DD）。省略時は表明に書いた日、なければ今日')
    .action(async (o: { store: string; test?: string; statementDate?: string }) => {
      await withStore(o.store, true, async (s) => {
        const t = await chosenTest(s, parseTestId(o.test));
        const closed = await s.tests.close(t.id, { statementDate: o.statementDate });
        console.log(`${testHeading(closed)} を終了しました。表明日: ${jaDate(closed.statement.statementDate ?? '')}`);
      });
    });
}

export function registerTestCommand(program: Command): void {
  const test = program.command('test').description('年度ごとの試験（JIS X 8341-3 の試験）を作り、状況を確かめ、終了します / the yearly JIS test');
  registerNew(test);
  registerStatus(test);
  registerStatement(test);
  registerCarry(test);
  registerClose(test);
}
