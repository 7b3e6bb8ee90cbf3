// Shared set-up for the service tests (tests/service/*.test.ts): a real `jis-a11y serve` (createService) on
// 127.0.0.1 with a temporary store, policy, reports folder and one schedule, a local site origin, and a raw
// HTTP client that sends the request path exactly as written (fetch would normalise `/./`, `/x/../`, `%2e`).
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createService, type Service, type ServiceOptions } from '../../crawler/service/server.js';
import { mergeServiceConfig, type PartialServiceConfig } from '../../crawler/service/config.js';
import { jaPage } from '../helpers/server.js';
import { recordingServer, type RecordingServer } from '../hook/site.js';

export const TOKEN = 'test-token-0123456789abcdef';
export const WRONG = 'wrong-token-0123456789abcdef';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

export interface Harness {
  service: Service;
  base: string;
  site: RecordingServer;
  tmp: string;
  /** Every line the service logged. */
  logLines: string[];
  /** One request with the path sent byte for byte as given. */
  raw(method: string, rawPath: string, opts?: { token?: string; body?: string | Buffer; headers?: Record<string, string> }): Promise<RawResponse>;
  close(): Promise<void>;
}

export async function startHarness(cfg: PartialServiceConfig = {}, opts: ServiceOptions = {}): Promise<Harness> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-service-'));
  const site = await recordingServer({
    '/style.css': 'body { color: #222; }',
    '/': jaPage('<h1>みどり県</h1><p>県のお知らせです。</p>', { title: 'トップページ | みどり県' }),
  });
  writeFileSync(path.join(tmp, 'policy.json'), JSON.stringify({ waivers: [] }));
  writeFileSync(
    path.join(tmp, 'crawl.json'),
    JSON.stringify({ site: `${site.url}/`, sitemap: false, robots: false, concurrency: 1, interaction: { enabled: false }, scope: { maxPages: 1 }, checkDocuments: false, output: { dir: path.join(tmp, 'crawl-out') } }),
  );
  const config = mergeServiceConfig(
    {
      host: '127.0.0.1',
      port: 0,
      tokens: [TOKEN],
      origins: [site.url],
      policy: path.join(tmp, 'policy.json'),
      store: path.join(tmp, 'service.sqlite'),
      reportsDir: path.join(tmp, 'reports'),
      limits: { bodyBytes: 300_000, requestTimeoutMs: 20_000, concurrency: 1, queueSize: 4 },
      schedules: [{ name: 'weekly', cron: '0 3 * * 1', config: path.join(tmp, 'crawl.json') }],
    },
    cfg,
  );
  const logLines: string[] = [];
  const service = await createService(config, { log: (l) => logLines.push(l), ...opts });
  const base = await service.listen();
  const { hostname, port } = new URL(base);

  const raw: Harness['raw'] = (method, rawPath, o = {}) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...o.headers };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      if (o.body !== undefined) headers['content-type'] ??= 'application/json';
      const req = http.request({ host: hostname, port, method, path: rawPath, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: any;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      });
      req.on('error', reject);
      req.end(o.body);
    });

  return {
    service,
    base,
    site,
    tmp,
    logLines,
    raw,
    async close() {
      await service.close();
      await site.close();
    },
  };
}
