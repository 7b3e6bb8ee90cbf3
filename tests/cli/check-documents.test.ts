// `jis-a11y check` on documents: a PDF file, a docx URL and a URL that serves a PDF under a PHP name
// (real server on 127.0.0.1, real Chromium for the URL that is first opened as a page). Each comes back as
// a result with the document's findings, its failing criteria, no criterion called pass, and exit code 1.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../crawler/cli/check-command.js';
import { docx } from '../fixtures/documents/office-builder.js';
import { handPdf } from '../fixtures/documents/pdf-builder.js';
import { servePages, type PageServer } from '../helpers/server.js';

let server: PageServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-check-docs-'));
  server = await servePages({
    '/files/tebiki.docx': { body: await docx({ title: '申請の手引き', lang: 'ja-JP', pictures: [{}] }), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    '/download.php': { body: handPdf({ title: '入札公告', lang: 'ja', tagged: true, displayDocTitle: true }), type: 'application/pdf' },
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('check on documents', () => {
  it('checks a PDF file, a docx URL and a PDF behind a PHP URL with the document checks', async () => {
    const file = path.join(dir, 'shinsei.pdf');
    writeFileSync(file, handPdf());
    const { result, exitCode } = await runCheck([file, `${server.url}/files/tebiki.docx`, `${server.url}/download.php?id=3`], { format: 'json', level: 'AA', timeout: 10 });
    const [pdf, word, php] = result.pages;
    expect(pdf.findings.map((f) => f.ruleId)).toEqual(['pdf-untagged', 'pdf-no-title', 'pdf-no-lang']);
    expect(pdf.criteria.filter((c) => c.outcome === 'fail').map((c) => c.id)).toEqual(['1.3.1', '3.1.1']);
    expect(word.findings.map((f) => [f.ruleId, f.kind])).toEqual([['office-image-no-alt', 'violation']]);
    expect([php.title, php.findings]).toEqual(['入札公告', []]);
    // the checks cover only part of a criterion: a document without findings is not called pass
    for (const p of result.pages) expect(p.criteria.filter((c) => c.outcome === 'pass'), p.url).toEqual([]);
    expect(exitCode).toBe(1);
  });

  it('a broken document is an error result with a Japanese message and exit code 2', async () => {
    const file = path.join(dir, 'kowareta.pdf');
    writeFileSync(file, '%PDF-1.7\nnot a pdf');
    const { result, exitCode } = await runCheck([file], { format: 'json', level: 'AA', timeout: 10 });
    expect(result.pages[0].error?.code).toBe('document-unreadable');
    expect(result.pages[0].error?.message).toMatch(/^kowareta\.pdf: PDF として読み取れません/);
    expect(exitCode).toBe(2);
  });

  it('checks documents without launching a browser (a browser that cannot start does not matter)', async () => {
    const file = path.join(dir, 'keikaku.pdf');
    writeFileSync(file, handPdf({ title: '事業計画', lang: 'ja', tagged: true, displayDocTitle: true }));
    // a "browser" that fails at once: any launch would make the check fail with exit code 2
    const fake = path.join(dir, 'no-chromium.sh');
    writeFileSync(fake, '#!/bin/sh\nexit 1\n');
    chmodSync(fake, 0o755);
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = fake;
    try {
      const started = performance.now();
      const { result, exitCode } = await runCheck([file, `${server.url}/files/tebiki.docx`], { format: 'json', level: 'AA', timeout: 10 });
      const ms = performance.now() - started;
      expect(result.pages.map((p) => p.error)).toEqual([undefined, undefined]);
      expect(result.pages[0].title).toBe('事業計画');
      expect(result.pages[1].findings.map((f) => f.ruleId)).toEqual(['office-image-no-alt']);
      expect(result.tool.browser).toBe('');
      expect(exitCode).toBe(1);
      console.log(`check on a PDF and a docx without a browser: ${ms.toFixed(0)} ms`);
    } finally {
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
  });
});
