// `jis-a11y report`: writes the reports of a stored run (reports/generate.ts) from the command line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_STORE } from '../store/paths.js';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { ALL_FORMATS, generateReports, type ReportFormat } from '../../reports/generate.js';
import type { StatementOptions } from '../../reports/model.js';
import type { SelectionMethod } from '../../reports/selection/index.js';
import { isPostgresLocation } from '../store/store.js';
import { openExistingStore, resolveStoreLocation } from './open-store.js';
import { warningLines } from './selection-text.js';
import { parseTestId } from './test-command.js';

function parseRunId(v?: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--run は検査番号（1 以上の整数）です（指定: ${v}）`);
  return n;
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('保存した検査結果から報告書・試験結果・CSV・Excel・PDF を作ります / write the reports of a stored run')
    .option('-s, --store <file>', '検査結果のストア（SQLite ファイルか postgres:// の URL）', DEFAULT_STORE)
    .option('-r, --run <id>', '検査番号（省略時は試験の最新の検査、なければ最新の完了した検査）')
    .option('--test <id>', '試験の番号（省略時はその検査を使う試験。その試験の判断と表明、選んだページ（jis-a11y test select）だけを使う）')
    .option('-o, --out <dir>', '出力フォルダー（省略時はストアと同じフォルダー）')
    .option('--select <method>', '試験するページの選択方法 all | random | representative | representative-random', 'all')
    .option('-n, --sample <n>', 'ランダムに選ぶページ数（WAIC の目安は 40 以上）', '40')
    .option('--seed <seed>', 'ランダム選択の乱数の種（同じ種なら同じページ）', 'jis-a11y')
    .option('--statement <file>', '試験結果の記載事項（JSON: statementDate, siteName, scopeDescription, exclusions, technologies, period, organisation, representative）')
    .option('--statement-date <date>', '表明日（YYYY-MM-DD）')
    .option('--site-name <name>', 'サイト名')
    .option('--crops', '試験したページの不適合の要素を、サイトを開き直して小さく撮影し報告書に載せる（サイトに接続できるときだけ）')
    .option('--formats <list>', `作るもの（カンマ区切り）: ${ALL_FORMATS.join(',')}`, ALL_FORMATS.join(','))
    .action(async (o: { store: string; run?: string; test?: string; out?: string; select: string; sample: string; seed: string; statement?: string; statementDate?: string; siteName?: string; formats: string; crops?: boolean }) => {
      const methods: SelectionMethod[] = ['all', 'random', 'representative', 'representative-random'];
      if (!methods.includes(o.select as SelectionMethod)) throw new UsageError(`--select は ${methods.join(' / ')} のいずれかです（指定: ${o.select}）`);
      const n = Number(o.sample);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--sample は 1 以上の整数です（指定: ${o.sample}）`);
      const formats = o.formats.split(',').map((f) => f.trim()).filter(Boolean) as ReportFormat[];
      const bad = formats.find((f) => !ALL_FORMATS.includes(f));
      if (bad) throw new UsageError(`--formats に「${bad}」は指定できません（${ALL_FORMATS.join(', ')}）`);
      let statement: StatementOptions = {};
      if (o.statement) {
        try {
          statement = JSON.parse(readFileSync(o.statement, 'utf8')) as StatementOptions;
        } catch (e) {
          throw new UsageError(`--statement のファイルを読めません: ${(e as Error).message}`);
        }
      }
      if (o.statementDate) statement.statementDate = o.statementDate;
      if (o.siteName) statement.siteName = o.siteName;
      const storeFile = resolveStoreLocation(o.store);
      const store = await openExistingStore(storeFile);
      try {
        const r = await generateReports({
          store,
          runId: parseRunId(o.run),
          testId: parseTestId(o.test) ?? 'run',
          outDir: o.out ?? (isPostgresLocation(storeFile) ? process.cwd() : path.dirname(storeFile)),
          // representative pages a person named in the statement (TestStatement.representative) come first
          selection: { method: o.select as SelectionMethod, n, seed: o.seed, representative: (statement as { representative?: string[] }).representative },
          statement,
          formats,
          crops: o.crops,
        });
        const m = r.model;
        if (m.test) console.log(`試験 #${m.test.id}「${m.test.name}」`);
        console.log(`検査 #${r.runId}（${m.pages.length} ページ）: ${m.claim.text}`);
        for (const l of warningLines(m.selection.warnings)) console.log(l);
        for (const p of m.statementProblems ?? []) console.log(`注意: ${p}`);
        for (const f of Object.values(r.files)) console.log(`  ${f}`);
        if (r.crops) console.log(`要素の画像: ${r.crops.crops} 枚（${Math.round(r.crops.bytes / 1024)} KB、開けなかったページ ${r.crops.pagesFailed}）`);
        console.log(`報告書: ${r.reportPath}`);
      } finally {
        await store.close();
      }
    });
}
