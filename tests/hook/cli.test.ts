// `jis-a11y check --html` as a CMS runs it: exit 0 publish / 1 block / 2 error, the JSON verdict on stdout,
// every verdict logged in the store.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../crawler/store/store.js';
import { jaPage } from '../helpers/server.js';
import { recordingServer, type RecordingServer } from './site.js';
import { conforms } from './verdict-schema.js';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/jis-a11y.js');
const fixtures = path.join(root, 'tests/fixtures/pages');

async function cli(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string; json: any }> {
  const parse = (s: string) => {
    try {
      return JSON.parse(s);
    } catch {
      return null;
    }
  };
  if (stdin !== undefined) {
    return new Promise((resolve) => {
      const p = spawn('node', [bin, ...args], { cwd: tmp });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (d) => (stdout += d));
      p.stderr.on('data', (d) => (stderr += d));
      p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, json: parse(stdout) }));
      p.stdin.end(stdin);
    });
  }
  try {
    const { stdout, stderr } = await run('node', [bin, ...args], { cwd: tmp, maxBuffer: 50 * 1024 * 1024 });
    return { code: 0, stdout, stderr, json: parse(stdout) };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr, json: parse(err.stdout) };
  }
}

let tmp: string;
let site: RecordingServer;
let store: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-hook-cli-'));
  store = path.join(tmp, 'log.sqlite');
  site = await recordingServer({ '/css/site.css': 'h1 { font-size: 2em; }' });
  writeFileSync(path.join(tmp, 'image.html'), jaPage('<h1>旧ページ</h1><p>本文です。</p><img src="/img/old.png">', { head: '<link rel="stylesheet" href="../css/site.css">' }));
  writeFileSync(path.join(tmp, 'loop.html'), jaPage('<h1>無限ループ</h1><script>while (true) {}</script>'));
  const waiver = { rule: 'image-alt', pagePattern: '/waived/**', reason: '画像差し替え予定', approvedBy: '広報広聴課 山田' };
  writeFileSync(path.join(tmp, 'valid.json'), JSON.stringify({ waivers: [{ ...waiver, expires: '2099-12-31' }] }));
  writeFileSync(path.join(tmp, 'expired.json'), JSON.stringify({ waivers: [{ ...waiver, expires: '2024-03-31' }] }));
  writeFileSync(path.join(tmp, 'broken.json'), JSON.stringify({ waivers: [{ rule: 'image-alt', reason: '理由なし' }] }));
});
afterAll(async () => {
  await site?.close();
});

describe('jis-a11y check --html', () => {
  it('exits 0 with verdict "pass" for a clean page, logged in the store', async () => {
    const r = await cli(['check', '--html', path.join(fixtures, '03-procedure-clean.html'), '--base-url', `${site.url}/tetsuzuki/a.html`, '--store', store]);
    expect(r.code).toBe(0);
    expect(r.json.verdict).toBe('pass');
    expect(r.json.blocking).toEqual([]);
    expect(r.stderr).toMatch(/公開できます/);
    expect(conforms(r.json)).toBe(true);
    const log = await openStore(store);
    try {
      expect((await log.hookLog.recentVerdicts(1))[0]).toMatchObject({ id: r.json.logId, verdict: 'pass', channel: 'cli', mode: 'html' });
    } finally {
      await log.close();
    }
  });

  it('exits 1 with verdict "block" and the blocking findings in Japanese', async () => {
    const r = await cli(['check', '--html', path.join(fixtures, '02-news-barriers.html'), '--base-url', `${site.url}/news/1.html`, '--store', store]);
    expect(r.code).toBe(1);
    expect(r.json.verdict).toBe('block');
    expect(r.json.blocking.length).toBeGreaterThan(0);
    const alt = r.json.blocking.find((f: any) => f.ruleId === 'image-alt');
    expect(alt.criteriaTitles[0]).toBe('1.1.1 非テキストコンテンツ（A）');
    expect(alt.message).toMatch(/[ぁ-ん]/);
    expect(r.stderr).toMatch(/公開できません/);
    expect(conforms(r.json)).toBe(true);
  });

  it('reads HTML from stdin and resolves relative CSS against --base-url', async () => {
    site.hits.length = 0;
    const r = await cli(['check', '--html', '-', '--base-url', `${site.url}/kurashi/page.html`, '--no-store'], readFileSync(path.join(tmp, 'image.html'), 'utf8'));
    expect(r.code).toBe(1);
    expect(r.json.blocking.map((f: any) => f.ruleId)).toEqual(['image-alt']);
    expect(site.hits).toContain('/css/site.css');
    expect(site.hits).toContain('/img/old.png');
  });

  it('applies a valid waiver (exit 0) and not an expired one (exit 1, and says so)', async () => {
    const valid = await cli(['check', '--html', path.join(tmp, 'image.html'), '--base-url', `${site.url}/waived/a.html`, '--policy', path.join(tmp, 'valid.json'), '--store', store]);
    expect(valid.code).toBe(0);
    expect(valid.json.waived[0].waiver.reason).toBe('画像差し替え予定');
    const expired = await cli(['check', '--html', path.join(tmp, 'image.html'), '--base-url', `${site.url}/waived/a.html`, '--policy', path.join(tmp, 'expired.json'), '--store', store]);
    expect(expired.code).toBe(1);
    expect(expired.json.expiredWaivers).toHaveLength(1);
    expect(conforms(valid.json) && conforms(expired.json)).toBe(true);
    expect(expired.stderr).toMatch(/2024-03-31 で期限が切れているため適用していません/);
    const log = await openStore(store);
    try {
      expect((await log.hookLog.waiverUses(valid.json.logId)).map((u) => u.status)).toEqual(['applied']);
      expect((await log.hookLog.waiverUses(expired.json.logId)).map((u) => u.status)).toEqual(['expired']);
    } finally {
      await log.close();
    }
  });

  it('exits 2 on usage errors: no --base-url, an invalid policy', async () => {
    const noBase = await cli(['check', '--html', path.join(tmp, 'image.html'), '--no-store']);
    expect(noBase.code).toBe(2);
    expect(noBase.stderr).toMatch(/--base-url/);
    const broken = await cli(['check', '--html', path.join(tmp, 'image.html'), '--base-url', `${site.url}/a.html`, '--policy', path.join(tmp, 'broken.json'), '--no-store']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/waivers\[0\]/);
  });

  it('exits 2 with an error verdict when the page never finishes (busy loop)', async () => {
    const t = Date.now();
    const r = await cli(['check', '--html', path.join(tmp, 'loop.html'), '--base-url', `${site.url}/a.html`, '--timeout', '4', '--store', store]);
    expect(r.code).toBe(2);
    expect(r.json).toMatchObject({ verdict: 'error', error: { code: 'timeout' } });
    expect(conforms(r.json)).toBe(true);
    expect(r.stderr).toMatch(/制限時間/);
    expect(Date.now() - t).toBeLessThan(30_000);
  });
});
