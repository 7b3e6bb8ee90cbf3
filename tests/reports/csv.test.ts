// The CSV writer (reports/csv.ts): RFC 4180 quoting, a BOM and CRLF so Excel opens Japanese text, and no
// cell that Excel would run as a formula. Read back with csv-parse, the library the judgement import uses.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from '../../reports/csv.js';

describe('CSV', () => {
  it('quotes only cells that need it, doubling quotes', () => {
    expect(csvCell('お知らせ')).toBe('お知らせ');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('1行目\n2行目')).toBe('"1行目\n2行目"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('neutralises cells Excel would run as a formula', () => {
    for (const s of ['=1+1', '+81', '-1', '@SUM(A1)', '\tx']) expect(csvCell(s).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  });

  it('writes a BOM, CRLF line ends, and reads back cell for cell', () => {
    const rows = [['ページURL', '問題'], ['https://example.jp/a?b=1,2', '画像に "代替テキスト" がない\n2行目'], ['x', '']];
    const text = toCsv(rows);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text, { bom: true, record_delimiter: '\r\n' })).toEqual(rows);
  });
});
