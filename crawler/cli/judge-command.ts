// `jis-a11y judge`: records, lists, imports and revokes human judgements in the store.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_STORE } from '../store/paths.js';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { JudgementFormatError, describeScope, readResult, type JudgementInput, type JudgementScope } from '../../rules-jis/judgements.js';
import { ElementJudgementError, elementJudgements } from '../store/element-judgements.js';
import { parseJudgementCsv, parseJudgementJson } from '../../rules-jis/judgement-import.js';
import type { Store } from '../store/store.js';
import { importFindingsCsv, importWorksheet } from './worksheet-import.js';
import { checkScopeTargets } from '../store/judge-targets.js';
import { CARRY_STATE_LABEL_JA, JUDGEMENT_RESULT_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { openExistingStore } from './open-store.js';
import { parseTestId } from './test-command.js';

function parseRunId(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--run は検査番号（1 以上の整数）です（指定: ${v}）`);
  return n;
}

interface ReadImport {
  inputs: JudgementInput[];
  source: string;
  /** The run a round-trip file was exported from (its pages give the fingerprints). */
  runId?: number;
  /** What to say when nothing is recorded. */
  note?: string;
}

/** A file for --import: worksheet.xlsx, the findings CSV with a 結果 column, a tester's CSV, or JSON. */
async function readImport(store: Store, file: string): Promise<ReadImport> {
  const name = path.basename(file);
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    throw new UsageError(`--import のファイルを読めません: ${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
  const roundTrip = /\.xlsx$/i.test(file)
    ? { kind: 'xlsx', r: await importWorksheet(store, name, data) }
    : /\.csv$/i.test(file)
      ? { kind: 'findings-csv', r: await importFindingsCsv(store, name, data.toString('utf8')) }
      : null;
  if (roundTrip?.r) {
    const { inputs, runId, unchanged } = roundTrip.r;
    const same = unchanged ? `（記録済みと同じ ${unchanged} 行は記録し直しません）` : '';
    return { inputs, source: `${roundTrip.kind}:${name}`, runId: runId ?? undefined, note: inputs.length ? (same || undefined) : `${name}: 新しく記録する結果はありません${same}。` };
  }
  const text = data.toString('utf8');
  return /\.csv$/i.test(file) ? { inputs: parseJudgementCsv(text), source: `csv:${name}` } : { inputs: parseJudgementJson(text), source: `json:${name}` };
}

/** The one judgement given on the command line (--criterion, --result and exactly one scope). */
function judgementFromOptions(o: Record<string, string | boolean | undefined>): JudgementInput {
  if (!o.criterion || !o.result) throw new UsageError('--criterion と --result を指定してください（または --import でファイルから読み込み）。');
  const scopes = [o.site, o.pattern, o.page, o.finding].filter(Boolean).length;
  if (scopes !== 1) throw new UsageError('範囲を 1 つ指定してください: --site、--pattern、--page、--finding のいずれか。');
  const scope: JudgementScope = o.site
    ? { type: 'site' }
    : o.pattern
      ? { type: 'pattern', pattern: String(o.pattern) }
      : o.page
        ? { type: 'page', url: String(o.page) }
        : { type: 'finding', url: String(o.finding), ruleId: String(o.rule ?? ''), selector: String(o.selector ?? '') };
  return { criterion: String(o.criterion), result: String(o.result) as JudgementInput['result'], note: String(o.note ?? ''), who: String(o.who ?? ''), when: o.when ? String(o.when) : undefined, scope, waiver: o.waiver ? String(o.waiver) : undefined };
}

/** --elements-of: one element judgement per element of the page's cell not judged yet (crawler/store/element-judgements.ts). */
async function elementInputs(store: Store, o: Record<string, string | boolean | undefined>, runId: number | undefined): Promise<JudgementInput[]> {
  if (!o.criterion || !o.result) throw new UsageError('--elements-of には --criterion と --result も指定してください。');
  if (o.region !== undefined && o.region !== 'template' && o.region !== 'content') throw new UsageError(`--region は template か content です（指定: ${o.region}）`);
  const result = readResult(o.result);
  if (!result) throw new UsageError(`--result「${o.result}」を読めません（pass / fail / inapplicable、○ / × / − のいずれか）`);
  try {
    const region = o.region as 'template' | 'content' | undefined;
    return await elementJudgements(store, { url: String(o.elementsOf), criterion: String(o.criterion), result, region, note: String(o.note ?? ''), who: String(o.who ?? ''), when: o.when ? String(o.when) : undefined, runId });
  } catch (e) {
    if (e instanceof ElementJudgementError) throw new UsageError(e.message);
    throw e;
  }
}

export function registerJudgeCommand(program: Command): void {
  program
    .command('judge')
    .description('人による確認の結果を記録します（自動では判定できない達成基準）/ record a human judgement')
    .option('-s, --store <file>', '検査結果の SQLite ファイル', DEFAULT_STORE)
    .option('-c, --criterion <id>', '達成基準（例: 1.1.1）')
    .option('--result <result>', '結果 pass | fail | inapplicable（○ / × / − も可）')
    .option('--note <text>', '注記（判断の理由）', '')
    .option('--who <name>', '確認した人', '')
    .option('--when <datetime>', '確認した日時（省略時は今）')
    .option('--waiver <reason>', '自動検査の不適合を ○ とする理由（適用除外。10 文字以上。試験結果の注記に載る）')
    .option('--site', '範囲: サイト全体')
    .option('--pattern <glob>', '範囲: URL パターン（/ で始まればパス、例 "/news/**"）')
    .option('--page <url>', '範囲: 1 ページ')
    .option('--finding <url>', '範囲: 1 つの指摘箇所（そのページの URL。--rule と --selector も指定）')
    .option('--elements-of <url>', '範囲: このページの、まだ判断していない要素（1.1.1・1.4.5・2.4.4・2.4.6。画像・リンク・見出しなど）。同じ要素はほかのページでも聞かれません')
    .option('--region <region>', '--elements-of で判断する部分: template（ヘッダー・メニュー・フッター）か content（本文）。省略時は両方')
    .option('--rule <id>', '指摘箇所の検査項目（例: image-alt）')
    .option('--selector <css>', '指摘箇所のセレクター')
    .option('--import <file>', 'JSON（jis-a11y-judgements 形式）、CSV、記入した worksheet.xlsx、結果の列を足した findings.csv から読み込む')
    .option('--allow-unmatched', '--page / --pattern（読み込むファイルのページ・パターンも）が検査したページに当てはまらなくても記録する')
    .option('-r, --run <id>', '--page / --pattern を確かめる検査（省略時は最新の完了した検査）')
    .option('--list', '記録されている判断を表示する')
    .option('--revoke <id>', '判断を取り消す')
    .option('--test <id>', 'この試験の判断として記録する（省略時は実施中の試験）')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const store = await openExistingStore(path.resolve(String(o.store)));
      try {
        if (o.list) {
          const all = await store.judgements.listJudgements({ includeRevoked: true });
          if (!all.length) console.log('記録されている判断はありません。');
          for (const j of all)
            console.log(
              `#${j.id} ${j.criterion} ${JUDGEMENT_RESULT_LABEL_JA[j.result]} ${describeScope(j.scope)} ${j.who} ${j.when}` +
                `${j.testId ? `（試験 #${j.testId}${j.carriedFrom ? `、#${j.carriedFrom} から引き継ぎ` : ''}${j.recheck ? `、${CARRY_STATE_LABEL_JA.recheck}` : ''}）` : ''}` +
                `${j.revokedAt ? '（取消済み）' : ''}${j.note ? ` — ${j.note}` : ''}${j.waiver ? ` — 適用除外の理由: ${j.waiver}` : ''}`,
            );
          return;
        }
        if (o.revoke) {
          const ok = await store.judgements.revokeJudgement(Number(o.revoke));
          if (!ok) throw new UsageError(`判断 #${o.revoke} はないか、取り消し済みです。`);
          console.log(`判断 #${o.revoke} を取り消しました。`);
          return;
        }
        let inputs: JudgementInput[];
        let source = 'cli';
        let runId = o.run === undefined ? undefined : parseRunId(String(o.run));
        if (o.import) {
          const imported = await readImport(store, String(o.import));
          ({ inputs, source } = imported);
          if (imported.runId !== undefined) runId = imported.runId;
          if (imported.note) console.log(imported.note);
          if (!inputs.length) return;
        } else if (o.elementsOf) {
          inputs = await elementInputs(store, o, runId);
          if (!inputs.length) return void console.log(`${o.elementsOf} の ${o.criterion} の要素は、すべて判断済みです。`);
        } else {
          inputs = [judgementFromOptions(o)];
        }
        if (!o.allowUnmatched) await checkScopeTargets(store, inputs, runId);
        let ids: number[];
        const testId = parseTestId(o.test === undefined ? undefined : String(o.test));
        const entryName = o.import && /\.csv$/i.test(String(o.import)) ? (i: number) => `${i + 2} 行目` : undefined;
        try {
          ids = await store.judgements.recordJudgements(inputs, { source, testId, entryName, runId });
        } catch (e) {
          if (e instanceof JudgementFormatError) throw new UsageError(e.message);
          throw e;
        }
        const test = testId !== undefined ? await store.tests.get(testId) : await store.tests.openTest();
        console.log(`判断を ${ids.length} 件記録しました（#${ids.join(', #')}）${test ? `。試験 #${test.id}「${test.name}」の判断です` : ''}。次に作る報告書から反映されます。`);
      } catch (e) {
        if (e instanceof JudgementFormatError) throw new UsageError(e.message);
        throw e;
      } finally {
        await store.close();
      }
    });
}
