// Shift_JIS and EUC-JP pages (issue 21 case 10): many older municipal pages are not UTF-8. `check <file>`,
// `check <url>`, `check --html` (file and stdin) and the HTTP API's decoder must read them as the browser
// does, so the title and every finding (the 4.1.1 ones included) equal those of the same page in UTF-8.
// The fixtures in tests/fixtures/encoding/ were made from one UTF-8 page with Debian's iconv: the same
// text, only the charset declaration differs (line 4), so findings and their lines and columns match.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSubmittedHtml } from '../../crawler/hook/decode-html.js';
import { PageAuditError } from '../../crawler/page/audit-page.js';
import { servePages, type PageServer } from '../helpers/server.js';
import { jsonOf, runCli } from '../helpers/processes.js';

const dir = path.resolve(__dirname, '../fixtures/encoding');
const bytes = (name: string) => readFileSync(path.join(dir, name));
const TITLE = '子育て支援のお知らせ | みどり県';
const ENCODED = [
  ['Shift_JIS', 'shift_jis.html', 'shift_jis'],
  ['EUC-JP', 'euc-jp.html', 'euc-jp'],
] as const;

interface FindingLike {
  ruleId: string;
  kind: string;
  message: string;
  selector: string;
  html: string;
  line?: number;
  column?: number;
}
/** What a finding says, without what differs by run (nothing should differ by encoding). */
const said = (fs: FindingLike[]) => fs.map(({ ruleId, kind, message, selector, html, line, column }) => ({ ruleId, kind, message, selector, html, line, column }));
const pageSays = (p: { title: string; lang: string; findings: FindingLike[]; criteria: { id: string; outcome: string }[] }) => ({
  title: p.title,
  lang: p.lang,
  findings: said(p.findings),
  criteria: p.criteria.map((c) => `${c.id}:${c.outcome}`),
});
const verdictSays = (v: { verdict: string; title: string; blocking: FindingLike[]; review: FindingLike[]; advisory: FindingLike[] }) => ({
  verdict: v.verdict,
  title: v.title,
  blocking: said(v.blocking),
  review: said(v.review),
  advisory: said(v.advisory),
});

describe('decodeSubmittedHtml (the HTTP API\'s htmlBase64 and check --html)', () => {
  it.each([['UTF-8', 'utf-8.html', 'utf-8'] as const, ...ENCODED])('reads a %s page by its <meta> declaration', (_name, file, encoding) => {
    const r = decodeSubmittedHtml(bytes(file));
    expect(r.encoding).toBe(encoding);
    expect(r.html).toContain(`<title>${TITLE}</title>`);
    expect(r.html).toContain('<p id="お知らせ">');
  });

  it('a declared encoding wins over a wrong <meta charset>, a BOM wins over both', () => {
    expect(decodeSubmittedHtml(bytes('shift_jis-declared-utf-8.html')).html).not.toContain(TITLE);
    expect(decodeSubmittedHtml(bytes('shift_jis-declared-utf-8.html'), 'Shift-JIS')).toMatchObject({ encoding: 'shift_jis', html: expect.stringContaining(TITLE) });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('utf-8.html')]);
    expect(decodeSubmittedHtml(bom, 'shift_jis')).toMatchObject({ encoding: 'utf-8', html: expect.stringMatching(/^<!DOCTYPE html>/) });
  });

  it.each(ENCODED)('a %s page that declares nothing is still read as Japanese', (_name, file, encoding) => {
    const undeclared = Buffer.from(bytes(file).toString('latin1').replace(/<meta[^>]*>\n/, ''), 'latin1');
    expect(decodeSubmittedHtml(undeclared)).toMatchObject({ encoding, html: expect.stringContaining(TITLE) });
  });

  it('refuses an unknown encoding label and bytes that are not text, in Japanese', () => {
    expect(() => decodeSubmittedHtml(bytes('utf-8.html'), 'cp-unknown')).toThrow(/文字コード「cp-unknown」は扱えません/);
    let err: unknown;
    try {
      decodeSubmittedHtml(PNG.sync.write(new PNG({ width: 4, height: 4 })));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PageAuditError);
    expect(err).toMatchObject({ code: 'not-html', message: expect.stringMatching(/HTML ではありません/) });
  });
});

describe('check reads Shift_JIS and EUC-JP pages as the browser does', () => {
  let server: PageServer;
  let tmp: string;
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-encoding-'));
    server = await servePages({
      '/utf-8.html': { body: bytes('utf-8.html') },
      // the charset in the HTTP header (the usual web server set-up), and only in the page's meta
      '/shift_jis.html': { body: bytes('shift_jis.html'), type: 'text/html; charset=Shift_JIS' },
      '/euc-jp.html': { body: bytes('euc-jp.html'), type: 'text/html' },
      '/kurashi/zu.png': { body: PNG.sync.write(new PNG({ width: 4, height: 4 })), type: 'image/png' },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const checkJson = async (args: string[], stdin?: Buffer) => {
    const run = await runCli(args, { cwd: tmp, stdin, limitMs: 90_000 });
    const json = jsonOf(run);
    expect(json, run.stderr).not.toBeNull();
    return { run, json };
  };
  const hook = ['check', '--base-url', '', '--no-store'];
  const hookArgs = () => hook.map((a) => (a === '' ? `${server.url}/kurashi/page.html` : a));

  it('check <file>: the same title and findings as the UTF-8 page', async () => {
    const files = ['utf-8.html', 'shift_jis.html', 'euc-jp.html'].map((f) => path.join(dir, f));
    const { run, json } = await checkJson(['check', '--format', 'json', '--no-interaction', ...files]);
    expect(run.code).toBe(1);
    const [utf8, ...others] = json.pages.map(pageSays);
    expect(utf8.title).toBe(TITLE);
    expect(utf8.findings.filter((f: FindingLike) => f.ruleId.startsWith('source-')).length).toBeGreaterThanOrEqual(2);
    for (const o of others) expect(o).toEqual(utf8);
  });

  it('check <url>: the 4.1.1 check reads the charset of the header or of the meta', async () => {
    const { json } = await checkJson(['check', '--format', 'json', '--no-interaction', ...['utf-8', 'shift_jis', 'euc-jp'].map((n) => `${server.url}/${n}.html`)]);
    const [utf8, ...others] = json.pages.map(pageSays);
    expect(utf8.findings.some((f: FindingLike) => f.ruleId === 'source-duplicate-id' && f.message.includes('「お知らせ」'))).toBe(true);
    for (const o of others) expect(o).toEqual(utf8);
  });

  /** The UTF-8 page's verdict, made once for the tests that compare with it. */
  let utf8Verdict: Promise<any> | null = null;
  const utf8 = () => (utf8Verdict ??= checkJson([...hookArgs(), '--html', path.join(dir, 'utf-8.html')]).then((r) => r.json));

  it('check --html <file> and --html - (stdin): the same verdict as the UTF-8 page', async () => {
    const expected = await utf8();
    expect(expected.verdict).toBe('block');
    expect(expected.title).toBe(TITLE);
    const runs = [
      checkJson([...hookArgs(), '--html', path.join(dir, 'shift_jis.html')]),
      checkJson([...hookArgs(), '--html', '-'], bytes('shift_jis.html')),
      checkJson([...hookArgs(), '--html', path.join(dir, 'euc-jp.html')]),
    ];
    for (const { json } of await Promise.all(runs)) expect(verdictSays(json)).toEqual(verdictSays(expected));
  });

  it('check --html --encoding overrides a wrong <meta charset>; an unknown label is a usage error', async () => {
    const file = path.join(tmp, 'wrong-meta.html');
    copyFileSync(path.join(dir, 'shift_jis-declared-utf-8.html'), file);
    const [{ json: garbled }, { run, json: fixed }] = await Promise.all([
      checkJson([...hookArgs(), '--html', file]),
      checkJson([...hookArgs(), '--html', file, '--encoding', 'shift_jis']),
    ]);
    expect(garbled.title).not.toBe(TITLE);
    expect(run.stderr).toMatch(/文字コード: shift_jis/);
    expect(verdictSays(fixed)).toEqual(verdictSays(await utf8()));
    const bad = await runCli([...hookArgs(), '--html', file, '--encoding', 'sjis-2004'], { cwd: tmp, limitMs: 30_000 });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/文字コード「sjis-2004」は扱えません/);
  });
});
