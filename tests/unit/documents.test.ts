// The document checks on hand-built PDFs and Office files (tests/fixtures/documents/): each file gives
// exactly the findings it must (rule and kind), broken and password-protected files give a clear Japanese
// error instead of findings, and the pure checks hold on their own. No browser: tests/browser/documents.test.ts
// covers the PDFs Chromium prints.
import { describe, expect, it } from 'vitest';
import { documentRules } from '../../rules-jis/catalogue/document.js';
import { checkPdf, PLACEHOLDER_TITLE } from '../../rules-jis/documents/check-pdf.js';
import { DEFAULT_SHEET_NAME } from '../../rules-jis/documents/check-office.js';
import type { PdfFacts } from '../../rules-jis/documents/facts.js';
import { checkDocument, documentFormat } from '../../crawler/page/documents/check-document.js';
import { LIST_MARKER } from '../../crawler/page/documents/pdf-structure.js';
import { HAND_CASES, scores } from '../fixtures/documents/corpus.js';
import { docx } from '../fixtures/documents/office-builder.js';
import { handPdf } from '../fixtures/documents/pdf-builder.js';
import { runCases } from '../fixtures/documents/run-corpus.js';

const JA = /[ぁ-んァ-ヶ一-龠]/;

describe('document checks on hand-built files', async () => {
  const results = await runCases(HAND_CASES);

  for (const c of HAND_CASES) {
    it(`${c.name}: ${Object.keys(c.expect).join(', ') || (c.error ? `error ${c.error}` : 'no finding')}`, () => {
      const r = results.find((x) => x.name === c.name)!;
      expect(r.error).toBe(c.error);
      expect(r.fired).toEqual(Object.keys(c.expect).sort());
      expect(r.kinds).toEqual(c.expect);
    });
  }

  it('precision and recall are 1 for every rule with hand-built cases', () => {
    const rules = documentRules.map((r) => r.id);
    const s = scores(results, rules).filter((x) => x.tp + x.fp + x.fn > 0);
    console.log(s.map((x) => `${x.rule}: P=${x.precision.toFixed(2)} R=${x.recall.toFixed(2)} (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`).join('\n'));
    expect(s.filter((x) => x.precision < 1 || x.recall < 1)).toEqual([]);
  });
});

describe('document errors', () => {
  it('a broken PDF and a password-protected PDF give Japanese errors that name the file and say what to do', async () => {
    const broken = await checkDocument(Buffer.from('%PDF-1.7\ngarbage'), { name: 'https://x.example/files/keikaku.pdf' });
    expect(broken.error?.code).toBe('document-unreadable');
    expect(broken.error?.message).toMatch(/^keikaku\.pdf: .*PDF として読み取れません.*書き出し直して/);
    const locked = await checkDocument(handPdf({ encrypt: { accessibility: true, copy: true, locked: true } }), { name: '/tmp/shinsei.pdf' });
    expect(locked.error?.code).toBe('document-encrypted');
    expect(locked.error?.message).toMatch(/^shinsei\.pdf: パスワード/);
  });

  it('a PDF that takes longer than the time limit is stopped with a timeout error', async () => {
    const pages = Array.from({ length: 400 }, (_, i) => `Line ${i}`);
    const r = await checkDocument(handPdf({ lines: pages, tagged: true }), { name: 'slow.pdf', timeoutMs: 1 });
    expect(r.error?.code).toBe('timeout');
    expect(r.error?.message).toMatch(/slow\.pdf: 読み取りが/);
  });

  it('the format comes from the bytes: a PDF served under another name is still read as PDF; CSV is not checked', async () => {
    expect(documentFormat(handPdf(), 'download.php?id=3')).toBe('pdf');
    expect(documentFormat(await docx(), 'file.bin', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx');
    expect(documentFormat(Buffer.from('a,b\n1,2\n'), 'list.csv')).toBeNull();
    expect((await checkDocument(Buffer.from('a,b\n'), { name: 'list.csv' })).format).toBeNull();
  });
});

describe('the pure checks', () => {
  const base: PdfFacts = {
    format: 'pdf', file: 'a.pdf', pages: 3, pagesRead: 3, title: '計画', displayDocTitle: true, lang: 'ja', marked: true, structTree: true,
    bookmarks: 0, encrypted: false, accessibilityBlocked: false, imageOnlyPages: [], textPages: [1, 2, 3], figuresWithoutAlt: [], figures: 0, fields: [], order: [],
    tables: 0, tablesWithoutHeader: [], headings: 1, listLikeOutsideLists: [],
  };

  it('a PDF with some scanned pages is a review naming the pages; all pages scanned is a violation', () => {
    const some = checkPdf({ ...base, imageOnlyPages: [2, 3], textPages: [1] });
    expect(some.map((f) => [f.ruleId, f.kind])).toEqual([['pdf-image-only', 'review']]);
    expect(some[0].message).toContain('2〜3 ページ');
    const all = checkPdf({ ...base, imageOnlyPages: [1, 2, 3], textPages: [] });
    expect(all.map((f) => [f.ruleId, f.kind])).toEqual([['pdf-image-only', 'violation']]);
    expect(all[0].criteria).toEqual(['1.1.1']);
  });

  it('bookmarks are asked for from 10 pages on', () => {
    expect(checkPdf({ ...base, pages: 9 })).toEqual([]);
    expect(checkPdf({ ...base, pages: 10 }).map((f) => f.ruleId)).toEqual(['pdf-no-bookmarks']);
    expect(checkPdf({ ...base, pages: 10, bookmarks: 3 })).toEqual([]);
  });

  it('titles a tool filled in count as none; real titles do not', () => {
    for (const t of ['about:blank', 'Microsoft Word - 文書1.docx', '20250401_03.pdf', '無題', 'Untitled']) expect(PLACEHOLDER_TITLE.test(t), t).toBe(true);
    for (const t of ['令和7年度 事業計画', '入札公告（第3号）', 'みどり県 防災計画 2025']) expect(PLACEHOLDER_TITLE.test(t), t).toBe(false);
  });

  it('list markers: bullets, (1), 1., ① start a list item; a decimal or a plain sentence does not', () => {
    for (const t of ['‧申請書', '・申請書', '● 持ち物', '(1) 第一', '（２）第二', '1. はじめに', '3）窓口', '①申請']) expect(LIST_MARKER.test(t), t).toBe(true);
    for (const t of ['1.5 倍', '2025年4月1日', '申請書・届出書', '300円']) expect(LIST_MARKER.test(t), t).toBe(false);
  });

  it('structure findings: tables without TH, a long tagged PDF without headings, two typed list items; none on an untagged PDF', () => {
    const found = checkPdf({ ...base, pages: 12, bookmarks: 2, headings: 0, tables: 2, tablesWithoutHeader: [{ page: 3 }], listLikeOutsideLists: [{ page: 1 }, { page: 2 }] });
    expect(found.map((f) => [f.ruleId, f.kind, f.criteria])).toEqual([
      ['pdf-table-no-header', 'review', ['1.3.1']],
      ['pdf-no-headings', 'review', ['1.3.1']],
      ['pdf-list-not-tagged', 'review', ['1.3.1']],
    ]);
    expect(found[0].message).toContain('3 ページ');
    expect(checkPdf({ ...base, listLikeOutsideLists: [{ page: 1 }] })).toEqual([]);
    expect(checkPdf({ ...base, pages: 9, headings: 0 })).toEqual([]);
    expect(checkPdf({ ...base, pages: 12, bookmarks: 2, headings: 0, structTree: false }).map((f) => f.ruleId)).toEqual(['pdf-untagged']);
  });

  it('default sheet names in either UI language and width, not names that merely contain "sheet"', () => {
    for (const n of ['Sheet1', 'sheet 12', 'シート1', 'Sheet１']) expect(DEFAULT_SHEET_NAME.test(n.normalize('NFKC')), n).toBe(true);
    for (const n of ['申込者一覧', 'Sheet of fees', 'シート一覧']) expect(DEFAULT_SHEET_NAME.test(n.normalize('NFKC')), n).toBe(false);
  });

  it('every document rule has Japanese words that say how to fix at the source', () => {
    for (const r of documentRules) {
      expect(r.source).toBe('document');
      for (const t of [r.title.ja, r.message, r.help, r.why ?? '']) expect(t, r.id).toMatch(JA);
    }
  });
});
