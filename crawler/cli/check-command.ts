// `jis-a11y check <url-or-file>...`: audit single pages and print or write the result.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { launchBrowser } from '../page/browser.js';
import { auditUrl } from '../page/audit-page.js';
import { interactionAfterAudit, type InteractionSetting } from '../page/interaction/after-audit.js';
import { serveStatic, type StaticServer } from '../page/static-server.js';
import { auditResultOf, type AuditedPage } from '../../rules-jis/result.js';
import { formatPageText } from './format-text.js';
import { UsageError, EXIT } from '../../rules-jis/exit-codes.js';
import type { AuditResult } from '../../rules-jis/types.js';
import { runHtmlCheck } from '../hook/html-check.js';

export interface CheckOptions {
  format: 'text' | 'json';
  output?: string;
  level: 'A' | 'AA';
  timeout: number;
  /** Keyboard/interaction phase (the CLI turns it on by default; off when undefined). */
  interaction?: InteractionSetting;
}

/** Resolve each argument to a URL; local files are served from 127.0.0.1 so relative assets load. */
async function resolveTargets(targets: string[], servers: StaticServer[]): Promise<string[]> {
  const urls: string[] = [];
  for (const t of targets) {
    if (/^https?:\/\//i.test(t)) {
      urls.push(t);
      continue;
    }
    if (/^[a-z]+:/i.test(t) && !/^[a-z]:\\/i.test(t)) throw new UsageError(`「${t}」は検査できません。http(s) の URL か HTML ファイルのパスを指定してください。`);
    const file = path.resolve(t);
    if (!existsSync(file)) throw new UsageError(`ファイルが見つかりません: ${t}`);
    if (!statSync(file).isFile()) throw new UsageError(`ファイルではありません: ${t}`);
    if (!/\.(x?html?)$/i.test(file)) throw new UsageError(`HTML ファイルではありません: ${t}（.html / .htm のファイルを指定してください）`);
    const server = await serveStatic(path.dirname(file));
    servers.push(server);
    urls.push(server.url + encodeURIComponent(path.basename(file)));
  }
  return urls;
}

export async function runCheck(targets: string[], opts: CheckOptions): Promise<{ result: AuditResult; exitCode: number }> {
  const servers: StaticServer[] = [];
  const urls = await resolveTargets(targets, servers);
  const browser = await launchBrowser();
  try {
    const pages: AuditedPage[] = [];
    for (const url of urls) {
      const page = await browser.newPage();
      try {
        const r = await auditUrl(page, url, {
          target: opts.level,
          navigationTimeoutMs: opts.timeout * 1000,
          afterAudit: interactionAfterAudit(opts.interaction),
        });
        pages.push(r);
      } finally {
        await page.close().catch(() => {});
      }
    }
    const result = auditResultOf(pages, { browser: await browser.version(), target: opts.level });
    const exitCode = result.pages.some((p) => p.error) ? EXIT.ERROR : result.pages.some((p) => p.criteria.some((c) => c.outcome === 'fail')) ? EXIT.FAIL : EXIT.PASS;
    return { result, exitCode };
  } finally {
    await browser.close().catch(() => {});
    await Promise.all(servers.map((s) => s.close()));
  }
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('ページを検査します（URL または HTML ファイル）/ audit single pages')
    .argument('[targets...]', 'URL または HTML ファイルのパス')
    .option('-f, --format <format>', '出力形式 text | json', 'text')
    .option('-o, --output <file>', '結果をファイルに書き出す')
    .option('-l, --level <level>', '目標の適合レベル A | AA', 'AA')
    .option('--timeout <seconds>', '読み込みのタイムアウト（秒）', '30')
    .option('--no-interaction', 'キーボード操作の検査（2.1.1, 2.1.2, 2.4.3, 2.4.7, 3.2.1, 3.2.2）を行わない')
    .option('--interaction-budget <seconds>', 'キーボード操作の検査に 1 ページで使う時間の上限（秒）', '10')
    .option('--focus-overlay-dir <dir>', 'フォーカス順序（番号付きのタブ移動）の画像を保存するフォルダー')
    // Pre-publish hook (crawler/hook/html-check.ts): JSON verdict, exit 0 publish / 1 block / 2 error.
    .option('--html <file>', '公開前チェック: HTML ファイル（- で標準入力）を検査し、公開可否を JSON で返す')
    .option('--base-url <url>', '--html のページが公開される URL（相対パスの CSS・画像はここから読む）')
    .option('--origin <origins...>', '--html で読み込みを許可するオリジン（既定: --base-url のオリジン）')
    .option('--policy <file>', 'ポリシーファイル（既定: ./jis-a11y.policy.json があれば使う）')
    .option('--store <file>', '判定を記録する SQLite ファイル（既定: jis-a11y-out/jis-a11y.sqlite）')
    .option('--no-store', '判定を記録しない')
    .action(async (targets: string[], o: { format: string; output?: string; level: string; timeout: string; html?: string; baseUrl?: string; origin?: string[]; policy?: string; store?: string | false; interaction: boolean; interactionBudget: string; focusOverlayDir?: string }) => {
      if (!['text', 'json'].includes(o.format)) throw new UsageError(`--format は text か json です（指定: ${o.format}）`);
      if (!['A', 'AA'].includes(o.level)) throw new UsageError(`--level は A か AA です（指定: ${o.level}）`);
      const timeout = Number(o.timeout);
      if (!(timeout > 0)) throw new UsageError(`--timeout は正の数（秒）です（指定: ${o.timeout}）`);
      if (o.html !== undefined) {
        if (targets.length) throw new UsageError('--html と URL・ファイルの指定は同時に使えません。');
        process.exitCode = await runHtmlCheck({ html: o.html, baseUrl: o.baseUrl, origin: o.origin, policy: o.policy, store: typeof o.store === 'string' || o.store === false ? o.store : undefined, level: o.level as 'A' | 'AA', timeout, output: o.output });
        return;
      }
      if (!targets.length) throw new UsageError('検査する URL か HTML ファイルを指定してください（公開前チェックは --html <ファイル> --base-url <URL>）。');
      const budget = Number(o.interactionBudget);
      if (!(budget > 0)) throw new UsageError(`--interaction-budget は正の数（秒）です（指定: ${o.interactionBudget}）`);
      const interaction = o.interaction ? { budgetMs: budget * 1000, overlayDir: o.focusOverlayDir ? path.resolve(o.focusOverlayDir) : undefined } : undefined;
      const { result, exitCode } = await runCheck(targets, { format: o.format as 'text' | 'json', output: o.output, level: o.level as 'A' | 'AA', timeout, interaction });
      const text = o.format === 'json' ? JSON.stringify(result, null, 2) : result.pages.map((p) => formatPageText(p)).join('\n\n');
      if (o.output) {
        writeFileSync(o.output, text + '\n');
        console.error(`結果を書き出しました: ${o.output}`);
      } else {
        process.stdout.write(text + '\n');
      }
      for (const p of result.pages) if (p.error) console.error(`エラー: ${p.error.message}`);
      process.exitCode = exitCode;
    });
}
