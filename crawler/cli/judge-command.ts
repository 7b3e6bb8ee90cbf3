// `jis-a11y judge`: records, lists, imports and revokes human judgements in the store.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_STORE } from '../store/paths.js';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { JudgementFormatError, describeScope, type JudgementInput, type JudgementScope } from '../../rules-jis/judgements.js';
import { parseJudgementCsv, parseJudgementJson } from '../../rules-jis/judgement-import.js';
import { CARRY_STATE_LABEL_JA, JUDGEMENT_RESULT_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { openExistingStore } from './open-store.js';
import { parseTestId } from './test-command.js';

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
    .option('--rule <id>', '指摘箇所の検査項目（例: image-alt）')
    .option('--selector <css>', '指摘箇所のセレクター')
    .option('--import <file>', 'JSON（jis-a11y-judgements 形式）または CSV から読み込む')
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
        if (o.import) {
          const file = String(o.import);
          const text = readFileSync(file, 'utf8');
          inputs = /\.csv$/i.test(file) ? parseJudgementCsv(text) : parseJudgementJson(text);
          source = `${/\.csv$/i.test(file) ? 'csv' : 'json'}:${path.basename(file)}`;
        } else {
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
          inputs = [{ criterion: String(o.criterion), result: String(o.result) as JudgementInput['result'], note: String(o.note ?? ''), who: String(o.who ?? ''), when: o.when ? String(o.when) : undefined, scope, waiver: o.waiver ? String(o.waiver) : undefined }];
        }
        let ids: number[];
        const testId = parseTestId(o.test === undefined ? undefined : String(o.test));
        const entryName = o.import && /\.csv$/i.test(String(o.import)) ? (i: number) => `${i + 2} 行目` : undefined;
        try {
          ids = await store.judgements.recordJudgements(inputs, { source, testId, entryName });
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
