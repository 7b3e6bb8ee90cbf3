// `jis-a11y serve`: the pre-publish API and the scheduled audits (crawler/service/server.ts), run as a long-lived
// process: the process guard (crawler/service/process-guard.ts) keeps one failed request or crawl from ending
// the CMS's gate, SIGINT/SIGTERM close it gracefully, and a fatal error closes it and exits 2.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { EXIT, UsageError } from '../../rules-jis/exit-codes.js';
import { loadServiceConfigFile, mergeServiceConfig, SERVICE_CONFIG_FILE, validateServiceConfig, type ServiceConfig } from '../service/config.js';
import { installProcessGuard } from '../service/process-guard.js';
import { createService, type ServiceOptions } from '../service/server.js';
import { WS_MESSAGES } from '../service/workspace/messages-ja.js';

interface ServeFlags {
  config?: string;
  host?: string;
  port?: string;
  origin?: string[];
  policy?: string;
  store?: string;
}

/** A fatal error still gets this long to close the server, the browser and the store. */
const FATAL_CLOSE_MS = 10_000;

function configFrom(o: ServeFlags): ServiceConfig {
  const file = o.config ?? (existsSync(SERVICE_CONFIG_FILE) ? SERVICE_CONFIG_FILE : undefined);
  const fromFile = file ? loadServiceConfigFile(file) : undefined;
  const port = o.port === undefined ? undefined : Number(o.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) throw new UsageError(`--port は 0〜65535 の整数です（指定: ${o.port}）`);
  const cfg = mergeServiceConfig(fromFile, {
    host: o.host,
    port,
    policy: o.policy,
    store: o.store,
    origins: o.origin ? [...(fromFile?.origins ?? []), ...o.origin] : undefined,
  });
  validateServiceConfig(cfg);
  return cfg;
}

/**
 * Starts the service with the process guard and runs until SIGINT/SIGTERM (resolves) or a fatal error (exits 2).
 * Exported for tests that start a real `serve` process with extra routes (tests/service/fixtures/).
 */
export async function runServe(cfg: ServiceConfig, opts: ServiceOptions = {}): Promise<void> {
  const log = opts.log ?? ((s: string) => console.error(s));
  let stopping: Promise<void> | null = null;
  const service = await createService(cfg, { ...opts, log });
  const stop = () => (stopping ??= service.close());
  const uninstall = installProcessGuard({
    log,
    onFatal: () => {
      setTimeout(() => process.exit(EXIT.ERROR), FATAL_CLOSE_MS).unref();
      void stop().catch(() => {}).finally(() => process.exit(EXIT.ERROR));
    },
  });
  const url = await service.listen();
  void service.warmUp();
  // One machine-readable line on stdout (the bench and scripts wait for it); the rest goes to stderr.
  process.stdout.write(`listening ${url}\n`);
  // before the started line, so whoever waits for that line has seen this one
  if ((await service.store.users.countActiveAdmins()) === 0)
    log(WS_MESSAGES.noAdminYet(`jis-a11y users add <ログイン名> --name "<表示名>" --role admin --store ${JSON.stringify(cfg.store)}`));
  log(`jis-a11y サービスを起動しました: ${url}（API 説明: ${url}/api/v1/openapi.json、報告書: ${url}/reports/）`);
  for (const s of service.scheduler.status()) log(`定期検査「${s.name}」: ${s.cron}（次回 ${s.next ?? '—'}）`);
  await new Promise<void>((resolve) => {
    const onSignal = () => {
      log('停止しています…（実行中の検査が終わるのを待ちます）');
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      void stop().finally(resolve);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  uninstall();
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('公開前チェックの API と定期検査のサービスを起動します / run the pre-publish API and scheduled audits')
    .option('-c, --config <file>', `サービス設定ファイル（既定: ./${SERVICE_CONFIG_FILE}）`)
    .option('--host <host>', '待ち受けるアドレス（既定: 127.0.0.1）')
    .option('-p, --port <port>', '待ち受けるポート（既定: 8341、0 で空いているポート）')
    .option('--origin <origins...>', 'サイトのオリジン（設定ファイルの origins に追加）')
    .option('--policy <file>', 'ポリシーファイル')
    .option('--store <file>', 'SQLite ファイル')
    .action(async (o: ServeFlags) => runServe(configFrom(o)));
}
