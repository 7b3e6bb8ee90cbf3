// `jis-a11y serve`: the pre-publish API and the scheduled audits (crawler/service/server.ts).
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { loadServiceConfigFile, mergeServiceConfig, SERVICE_CONFIG_FILE, validateServiceConfig } from '../service/config.js';
import { createService } from '../service/server.js';

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
    .action(async (o: { config?: string; host?: string; port?: string; origin?: string[]; policy?: string; store?: string }) => {
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
      const service = await createService(cfg);
      const url = await service.listen();
      // One machine-readable line on stdout (the bench and scripts wait for it); the rest goes to stderr.
      process.stdout.write(`listening ${url}\n`);
      console.error(`jis-a11y サービスを起動しました: ${url}（API 説明: ${url}/api/v1/openapi.json、報告書: ${url}/reports/）`);
      for (const s of service.scheduler.status()) console.error(`定期検査「${s.name}」: ${s.cron}（次回 ${s.next ?? '—'}）`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          console.error('停止しています…（実行中の検査が終わるのを待ちます）');
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void service.close().finally(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
