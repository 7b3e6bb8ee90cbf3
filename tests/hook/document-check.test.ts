// POST /api/v1/check with the URL of a PDF or Office file (issue 18): the real service on 127.0.0.1 with its
// sandbox browser, a local site serving real files. The answer is the same verdict as for a page — the document's
// findings in blocking / review / advisory with their criteria and Japanese messages, the policy's waivers
// applied, the verdict logged — plus `document` saying what was read; a broken file is a 422 in Japanese.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeServiceConfig } from '../../crawler/service/config.js';
import { createService, type Service } from '../../crawler/service/server.js';
import { openStore } from '../../crawler/store/store.js';
import { docx } from '../fixtures/documents/office-builder.js';
import { handPdf } from '../fixtures/documents/pdf-builder.js';
import { servePages, type PageServer } from '../helpers/server.js';
import { conforms } from './verdict-schema.js';

const TOKEN = 'test-token-documents-0123456789';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
let site: PageServer;
let service: Service;
let base: string;
let tmp: string;

async function check(url: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}/api/v1/check`, { method: 'POST', headers: auth, body: JSON.stringify({ url }) });
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-hook-docs-'));
  site = await servePages({
    '/files/shinsei.pdf': { body: handPdf(), type: 'application/pdf' },
    '/files/tebiki.docx': { body: await docx({ title: '申請の手引き', lang: 'ja-JP', pictures: [{}] }), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    '/download.php': { body: handPdf({ title: '入札公告', lang: 'ja', tagged: true, displayDocTitle: true }), type: 'application/pdf' },
    '/files/kowareta.pdf': { body: Buffer.from('%PDF-1.7\nnot a pdf'), type: 'application/pdf' },
  });
  writeFileSync(
    path.join(tmp, 'policy.json'),
    JSON.stringify({ waivers: [{ rule: 'pdf-no-lang', pagePattern: '/files/**', reason: '旧様式の PDF。4月に差し替え', approvedBy: '広報広聴課 山田', expires: '2099-12-31' }] }),
  );
  const cfg = mergeServiceConfig({
    host: '127.0.0.1', port: 0, tokens: [TOKEN], origins: [site.url], policy: path.join(tmp, 'policy.json'),
    store: path.join(tmp, 'hook.sqlite'), reportsDir: path.join(tmp, 'reports'),
    limits: { bodyBytes: 300_000, requestTimeoutMs: 20_000, concurrency: 1, queueSize: 2 },
  });
  service = await createService(cfg, { log: () => {} });
  base = await service.listen();
}, 60_000);
afterAll(async () => {
  await service?.close();
  await site?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the check endpoint on documents', () => {
  it('a PDF URL: its findings block publication, the waiver applies, and the answer says a PDF was read', async () => {
    const r = await check(`${site.url}/files/shinsei.pdf`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(conforms(r.json)).toBe(true);
    expect(r.json.verdict).toBe('block');
    expect(r.json.document).toMatchObject({ format: 'pdf', pages: 1, contentType: 'application/pdf' });
    const blocking = r.json.blocking.map((f: any) => [f.ruleId, f.criteria, f.source]);
    expect(blocking).toEqual([['pdf-untagged', ['1.3.1'], 'document']]);
    expect(r.json.review.map((f: any) => [f.ruleId, f.criteria])).toEqual([['pdf-no-title', ['2.4.2']]]);
    expect(r.json.blocking[0].message).toMatch(/タグ/);
    expect(r.json.waived.map((f: any) => [f.ruleId, f.waiver.approvedBy])).toEqual([['pdf-no-lang', '広報広聴課 山田']]);
    expect(r.json.summary).toMatch(/^公開できません/);
    // the checks cover only part of a criterion: nothing is called pass
    expect(r.json.criteria.filter((c: any) => c.outcome === 'pass')).toEqual([]);
    const store = await openStore(path.join(tmp, 'hook.sqlite'), { readonly: true });
    try {
      const [last] = await store.hookLog.recentVerdicts(1);
      expect([last.id, last.verdict]).toEqual([r.json.logId, 'block']);
    } finally {
      await store.close();
    }
  });

  it('a docx URL and a PDF behind a PHP name (opened as a page first, then read as a document)', async () => {
    const word = await check(`${site.url}/files/tebiki.docx`);
    expect(word.status).toBe(200);
    expect([word.json.document.format, word.json.title, word.json.blocking.map((f: any) => f.ruleId)]).toEqual(['docx', '申請の手引き', ['office-image-no-alt']]);
    const php = await check(`${site.url}/download.php?id=3`);
    expect(php.status, JSON.stringify(php.json)).toBe(200);
    expect([php.json.verdict, php.json.title, php.json.document.format, php.json.blocking]).toEqual(['pass', '入札公告', 'pdf', []]);
  });

  it('a broken PDF is a 422 whose Japanese message names the file', async () => {
    const r = await check(`${site.url}/files/kowareta.pdf`);
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('document-unreadable');
    expect(r.json.error.message).toMatch(/kowareta\.pdf: PDF として読み取れません/);
  });
});
