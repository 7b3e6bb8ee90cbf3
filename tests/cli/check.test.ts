// `jis-a11y check` as a user runs it: exit codes, Japanese messages, JSON that validates against the schema.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaValidator } from '../helpers/schema.js';
import { servePages, type PageServer } from '../helpers/server.js';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/jis-a11y.js');
const fixtures = path.join(root, 'tests/fixtures/pages');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [bin, ...args], { cwd: root, maxBuffer: 50 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const validate = schemaValidator();

/** A port nothing listens on: bind, note it, close. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

let server: PageServer;
beforeAll(async () => {
  server = await servePages({
    '/ok.html': readFileSync(path.join(fixtures, '03-procedure-clean.html'), 'utf8'),
    '/pdf': { body: '%PDF-1.4\n%%EOF\n', type: 'application/pdf' },
    '/500': { body: 'error', status: 500, type: 'text/html' },
  });
});
afterAll(async () => { await server?.close(); });

describe('jis-a11y check', () => {
  it('exits 0 on a clean Japanese page and prints the criteria table in Japanese', async () => {
    const r = await cli('check', path.join(fixtures, '03-procedure-clean.html'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('達成基準');
    expect(r.stdout).toContain('1.1.1 非テキストコンテンツ');
    expect(r.stdout).toMatch(/集計: 不適合 0/);
  });

  it('exits 1 with findings (message, how to fix, selector, snippet) on a page that fails', async () => {
    const r = await cli('check', path.join(fixtures, '02-news-barriers.html'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[不適合]');
    expect(r.stdout).toContain('直し方:');
    expect(r.stdout).toContain('場所:');
    expect(r.stdout).toMatch(/id 属性の値「shinsei」が重複/);
  });

  it('writes versioned JSON that validates against the schema', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jis-check-'));
    const out = path.join(dir, 'r.json');
    const r = await cli('check', '--format', 'json', '--output', out, path.join(fixtures, '02-news-barriers.html'), `${server.url}/ok.html`);
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    const ok = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(json.standard).toBe('JIS X 8341-3:2016');
    expect(json.pages).toHaveLength(2);
    expect(json.pages[0].criteria).toHaveLength(38);
    const ids = new Set(json.pages[0].findings.map((f: { ruleId: string }) => f.ruleId));
    for (const id of ['image-alt', 'color-contrast', 'empty-heading', 'source-duplicate-id', 'label']) expect(ids).toContain(id);
    expect(json.pages[1].findings.filter((f: { kind: string }) => f.kind === 'violation')).toEqual([]);
  });

  it('--level A judges only the 25 level-A criteria', async () => {
    const r = await cli('check', '--format', 'json', '--level', 'A', path.join(fixtures, '03-procedure-clean.html'));
    const json = JSON.parse(r.stdout);
    expect(json.target).toBe('A');
    expect(json.pages[0].criteria).toHaveLength(25);
  });

  it.each([
    ['a missing file', ['check', 'no-such-file.html'], /ファイルが見つかりません/],
    ['a file that is not HTML', ['check', path.join(root, 'package.json')], /HTML ファイルではありません/],
    ['an unknown level', ['check', '--level', 'AAA', path.join(fixtures, '03-procedure-clean.html')], /--level は A か AA/],
    ['an unknown option', ['check', '--bogus', 'x.html'], /unknown option/],
    ['no target', ['check'], /missing required argument|URL か HTML ファイルを指定してください/],
  ])('exits 2 on %s with a clear message', async (_name, args, message) => {
    const r = await cli(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it.each([
    ['an unreachable URL', 'closed-port', /接続できません/],
    ['a URL that answers 500', '/500', /エラー 500/],
    ['a URL that is not HTML', '/pdf', /HTML ではありません|HTML ではありません/],
  ])('exits 2 on %s with a Japanese message', async (_name, target, message) => {
    const url = target === 'closed-port' ? `http://127.0.0.1:${await closedPort()}/` : server.url + target;
    const r = await cli('check', url);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
