// `jis-a11y report` and `jis-a11y judge`, and generateReports(): what the crawl, the demo and the
// service call at the end of a run to write every report of it into one folder.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_STORE } from '../crawler/config.js';
import type { Command } from 'commander';
import type { Browser } from 'puppeteer';
import { openStore, type CrawlStore } from '../crawler/store.js';
import { UsageError } from '../crawler/exit-codes.js';
import { buildReportModel, type ReportModel, type StatementOptions } from './model.js';
import type { SelectionMethod, SelectionOptions } from './sampling.js';
import { siteReportHtml } from './html-report.js';
import { testResultFragment, testResultPage } from './test-result.js';
import { findingsCsv } from './csv.js';
import { checklistXlsx } from './xlsx.js';
import { htmlToPdf } from './pdf.js';
import { resultJson } from './json-export.js';
import { JudgementFormatError, parseJudgementCsv, parseJudgementJson, describeScope, RESULT_LABEL_JA, type JudgementInput, type JudgementScope } from './judgements.js';
import { listJudgements, recordJudgements, revokeJudgement } from './judgements-store.js';

export type ReportFormat = 'html' | 'test-result' | 'json' | 'csv' | 'xlsx' | 'pdf';
export const ALL_FORMATS: ReportFormat[] = ['html', 'test-result', 'json', 'csv', 'xlsx', 'pdf'];

export const REPORT_FILES = {
  html: 'report.html',
  testResult: 'test-result.html',
  fragment: 'test-result-fragment.html',
  json: 'result.json',
  csv: 'findings.csv',
  xlsx: 'checklist.xlsx',
  pdf: 'report.pdf',
} as const;

export interface GenerateReportsOptions {
  /** The crawl store: an open CrawlStore or the SQLite file. */
  store: CrawlStore | string;
  /** Run to report (default: the newest finished run). */
  runId?: number;
  /** Output folder (created). */
  outDir: string;
  selection?: SelectionOptions;
  statement?: StatementOptions;
  formats?: ReportFormat[];
  /** Reuse a browser for the PDF (otherwise one is launched and closed). */
  browser?: Browser;
  now?: string;
}

export interface GeneratedReports {
  runId: number;
  /** Absolute paths of the files written. */
  files: Partial<Record<keyof typeof REPORT_FILES, string>>;
  /** The site report (the file to open first). */
  reportPath: string;
  model: ReportModel;
}

/**
 * Writes every report of a run: report.html (site report), test-result.html and its CMS fragment,
 * result.json, findings.csv (BOM), checklist.xlsx and report.pdf. Call it at the end of a crawl.
 */
export async function generateReports(o: GenerateReportsOptions): Promise<GeneratedReports> {
  const store = typeof o.store === 'string' ? openStore(o.store) : o.store;
  try {
    const formats = new Set(o.formats ?? ALL_FORMATS);
    const model = buildReportModel(store, { runId: o.runId, selection: o.selection, statement: o.statement, now: o.now });
    const dir = path.resolve(o.outDir);
    mkdirSync(dir, { recursive: true });
    const files: GeneratedReports['files'] = {};
    const write = (k: keyof typeof REPORT_FILES, data: string | Buffer) => {
      const f = path.join(dir, REPORT_FILES[k]);
      writeFileSync(f, data);
      files[k] = f;
    };
    if (formats.has('test-result')) {
      write('testResult', testResultPage(model));
      write('fragment', testResultFragment(model) + '\n');
    }
    if (formats.has('json')) write('json', JSON.stringify(resultJson(store, model), null, 2) + '\n');
    if (formats.has('csv')) write('csv', findingsCsv(store, model));
    if (formats.has('xlsx')) write('xlsx', await checklistXlsx(model));
    const links = {
      testResult: formats.has('test-result') ? REPORT_FILES.testResult : undefined,
      csv: formats.has('csv') ? REPORT_FILES.csv : undefined,
      xlsx: formats.has('xlsx') ? REPORT_FILES.xlsx : undefined,
      json: formats.has('json') ? REPORT_FILES.json : undefined,
      pdf: formats.has('pdf') ? REPORT_FILES.pdf : undefined,
    };
    const html = siteReportHtml(model, { links });
    if (formats.has('html') || formats.has('pdf')) write('html', html);
    if (formats.has('pdf')) write('pdf', await htmlToPdf(siteReportHtml(model, { links: { ...links, pdf: undefined } }), { browser: o.browser }));
    return { runId: model.run.id, files, reportPath: files.html ?? files.testResult ?? dir, model };
  } finally {
    if (typeof o.store === 'string') store.close();
  }
}

// -------------------------------------------------------------------------------------------- CLI


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
    .option('-s, --store <file>', '検査結果の SQLite ファイル', DEFAULT_STORE)
    .option('-r, --run <id>', '検査番号（省略時は最新の完了した検査）')
    .option('-o, --out <dir>', '出力フォルダー（省略時はストアと同じフォルダー）')
    .option('--select <method>', '試験するページの選択方法 all | random | representative | representative-random', 'all')
    .option('-n, --sample <n>', 'ランダムに選ぶページ数（WAIC の目安は 40 以上）', '40')
    .option('--seed <seed>', 'ランダム選択の乱数の種（同じ種なら同じページ）', 'jis-a11y')
    .option('--statement <file>', '試験結果の記載事項（JSON: statementDate, siteName, scopeDescription, exclusions, technologies, period, organisation）')
    .option('--statement-date <date>', '表明日（YYYY-MM-DD）')
    .option('--site-name <name>', 'サイト名')
    .option('--formats <list>', `作るもの（カンマ区切り）: ${ALL_FORMATS.join(',')}`, ALL_FORMATS.join(','))
    .action(async (o: { store: string; run?: string; out?: string; select: string; sample: string; seed: string; statement?: string; statementDate?: string; siteName?: string; formats: string }) => {
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
      const storeFile = path.resolve(o.store);
      const store = openExisting(storeFile);
      try {
        const r = await generateReports({
          store,
          runId: parseRunId(o.run),
          outDir: o.out ?? path.dirname(storeFile),
          selection: { method: o.select as SelectionMethod, n, seed: o.seed },
          statement,
          formats,
        });
        const m = r.model;
        console.log(`検査 #${r.runId}（${m.pages.length} ページ）: ${m.claim.text}`);
        for (const f of Object.values(r.files)) console.log(`  ${f}`);
        console.log(`報告書: ${r.reportPath}`);
      } finally {
        store.close();
      }
    });
}

function openExisting(file: string): CrawlStore {
  try {
    readFileSync(file, { flag: 'r' }).subarray(0, 0);
  } catch {
    throw new UsageError(`検査結果のファイルが見つかりません: ${file}（先に jis-a11y crawl を実行するか --store で指定してください）`);
  }
  return openStore(file);
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
    .option('--site', '範囲: サイト全体')
    .option('--pattern <glob>', '範囲: URL パターン（/ で始まればパス、例 "/news/**"）')
    .option('--page <url>', '範囲: 1 ページ')
    .option('--finding <url>', '範囲: 1 つの指摘箇所（そのページの URL。--rule と --selector も指定）')
    .option('--rule <id>', '指摘箇所の検査項目（例: image-alt）')
    .option('--selector <css>', '指摘箇所のセレクター')
    .option('--import <file>', 'JSON（jis-a11y-judgements 形式）または CSV から読み込む')
    .option('--list', '記録されている判断を表示する')
    .option('--revoke <id>', '判断を取り消す')
    .action((o: Record<string, string | boolean | undefined>) => {
      const store = openExisting(path.resolve(String(o.store)));
      try {
        if (o.list) {
          const all = listJudgements(store, { includeRevoked: true });
          if (!all.length) console.log('記録されている判断はありません。');
          for (const j of all)
            console.log(`#${j.id} ${j.criterion} ${RESULT_LABEL_JA[j.result]} ${describeScope(j.scope)} ${j.who} ${j.when}${j.revokedAt ? '（取消済み）' : ''}${j.note ? ` — ${j.note}` : ''}`);
          return;
        }
        if (o.revoke) {
          const ok = revokeJudgement(store, Number(o.revoke));
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
          inputs = [{ criterion: String(o.criterion), result: String(o.result) as JudgementInput['result'], note: String(o.note ?? ''), who: String(o.who ?? ''), when: o.when ? String(o.when) : undefined, scope }];
        }
        let ids: number[];
        try {
          ids = recordJudgements(store, inputs, { source });
        } catch (e) {
          if (e instanceof JudgementFormatError) throw new UsageError(e.message);
          throw e;
        }
        console.log(`判断を ${ids.length} 件記録しました（#${ids.join(', #')}）。次に作る報告書から反映されます。`);
      } catch (e) {
        if (e instanceof JudgementFormatError) throw new UsageError(e.message);
        throw e;
      } finally {
        store.close();
      }
    });
}

/**
 * The one call for the end of a crawl (crawl command, demo, service): writes every report of the run into
 * the crawl's output folder and returns the lines to print (the report's path last). A failure to write
 * the reports never fails the crawl: it is reported in the returned text.
 */
export async function reportsAfterCrawl(outcome: { dbFile: string; runId: number; outputDir: string }, opts: Omit<GenerateReportsOptions, 'store' | 'runId' | 'outDir'> = {}): Promise<string> {
  try {
    const r = await generateReports({ ...opts, store: outcome.dbFile, runId: outcome.runId, outDir: outcome.outputDir });
    return [`対応度: ${r.model.claim.text}`, `試験結果ページ: ${r.files.testResult ?? '—'}`, `報告書: ${r.reportPath}`].join('\n');
  } catch (e) {
    return `報告書を作れませんでした: ${(e as Error).message}（jis-a11y report --store ${outcome.dbFile} --run ${outcome.runId} で作り直せます）`;
  }
}
