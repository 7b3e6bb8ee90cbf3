// The pure side of the round trips (rules-jis/round-trip.ts, judgement-import.ts, url-suggest.ts): IDs, the rows
// a tester filled in turned into judgements or into problems named by row, and the closest URLs for a typo.
// The files themselves (XLSX through exceljs, the CLI, a real crawl) are tests/reports/round-trip.test.ts.
import { describe, expect, it } from 'vitest';
import { WORKSHEET_LABEL_JA as L } from '../../rules-jis/labels-ja.js';
import { parseFindingsCsv, parseJudgementCsv, parseWorksheetCells } from '../../rules-jis/judgement-import.js';
import {
  findingJudgements,
  findingRowId,
  parseFindingRowId,
  parseWorksheetRowId,
  RoundTripError,
  worksheetJudgements,
  worksheetRowId,
  type FilledRow,
  type RowKey,
} from '../../rules-jis/round-trip.js';
import { closestUrls, editDistance } from '../../rules-jis/url-suggest.js';
import ExcelJS from 'exceljs';
import { cellText, readWorksheetCells } from '../../crawler/cli/worksheet-import.js';

const O = 'https://www.pref.example.lg.jp';
const row = (over: Partial<FilledRow>): FilledRow => ({ where: '5 行目', id: '', url: '', mark: '', note: '', who: '', when: '', ...over });

describe('round-trip IDs', () => {
  it('name run, page (or site) and criterion, and read back', () => {
    expect(worksheetRowId(3, 12, '1.1.1')).toBe('R3-P12-1.1.1');
    expect(worksheetRowId(3, 'site', '2.4.5')).toBe('R3-S-2.4.5');
    expect(parseWorksheetRowId(' R3-P12-1.1.1 ')).toEqual({ runId: 3, pageId: 12, criterion: '1.1.1' });
    expect(parseWorksheetRowId('R3-S-2.4.5')).toEqual({ runId: 3, pageId: null, criterion: '2.4.5' });
    expect(parseWorksheetRowId('R3-P12')).toBeNull();
    expect(parseFindingRowId(findingRowId(7, 1234))).toEqual({ runId: 7, findingId: 1234 });
    expect(parseFindingRowId('F1234')).toBeNull();
  });
});

describe('worksheet rows → judgements', () => {
  const keys = new Map<string, RowKey>([
    ['R1-P1-1.1.1', { id: 'R1-P1-1.1.1', url: O + '/', criterion: '1.1.1', automated: 'review' }],
    ['R1-P1-2.4.6', { id: 'R1-P1-2.4.6', url: O + '/', criterion: '2.4.6', automated: 'untested', current: { result: 'pass', note: '確認済み', who: '山田', when: '2026-11-30' } }],
    ['R1-P1-1.4.3', { id: 'R1-P1-1.4.3', url: O + '/', criterion: '1.4.3', automated: 'fail' }],
    ['R1-S-2.4.5', { id: 'R1-S-2.4.5', url: null, criterion: '2.4.5', automated: 'untested' }],
  ]);
  const pages = new Set([1]);

  it('a filled row is a page judgement, a site row a site judgement; empty and unchanged rows are skipped', () => {
    const r = worksheetJudgements('w.xlsx', 1, [
      row({ id: 'R1-P1-1.1.1', url: O + '/', mark: '○', note: '写真の内容を表している', who: '佐藤', when: '2026/11/30' }),
      row({ id: 'R1-P1-2.4.6', url: O + '/', mark: '○', note: '確認済み', who: '山田' }),
      row({ id: 'R1-P1-1.4.3', url: O + '/' }),
      row({ id: 'R1-S-2.4.5', url: L.siteUrl, mark: '−' }),
    ], keys, pages);
    expect(r.unchanged).toBe(1);
    expect(r.inputs).toEqual([
      { criterion: '1.1.1', result: 'pass', note: '写真の内容を表している', who: '佐藤', when: '2026-11-30T00:00:00+09:00', scope: { type: 'page', url: O + '/' } },
      { criterion: '2.4.5', result: 'inapplicable', note: '', who: '', when: undefined, scope: { type: 'site' } },
    ]);
  });

  it('collects every problem by row and returns nothing', () => {
    const err = (() => {
      try {
        worksheetJudgements('w.xlsx', 1, [
          row({ where: 'A', id: 'R1-P1-1.1.1', url: O + '/', mark: '○' }),
          row({ where: 'B', id: '', mark: '○' }),
          row({ where: 'C', id: 'R1-P2-1.1.1', url: O + '/x', mark: '○' }),
          row({ where: 'D', id: 'R1-P1-1.4.3', url: O + '/', mark: '○' }),
          row({ where: 'E', id: 'R1-P1-1.1.1', url: O + '/other', mark: '○' }),
          row({ where: 'F', id: 'R1-P1-1.1.1', url: O + '/', mark: 'はい', when: 'きのう' }),
        ], keys, pages);
      } catch (e) {
        return e as RoundTripError;
      }
    })()!;
    expect(err).toBeInstanceOf(RoundTripError);
    expect(err.problems.map((p) => p.split(':')[0])).toEqual(['B', 'C', 'D', 'E', 'F', 'F']);
    expect(err.message).toMatch(/^w\.xlsx を取り込めません（6 件の問題があります。何も記録していません）/);
    expect(err.problems[2]).toContain('自動チェックで「不適合」と判定済み');
  });

  it('reads the sheet cells by heading, naming the sheet row', () => {
    const header = Object.values(L.columns);
    const cells = [header, header.map((h) => (h === L.columns.id ? 'R1-P1-1.1.1' : h === L.columns.result ? '○' : h === L.columns.url ? O + '/' : ''))];
    expect(parseWorksheetCells('w.xlsx', cells)[0]).toMatchObject({ where: `シート「${L.sheet}」 2 行目`, id: 'R1-P1-1.1.1', mark: '○', criteria: '' });
    expect(() => parseWorksheetCells('w.xlsx', [header.filter((h) => h !== L.columns.result)])).toThrow(`見出し行に「${L.columns.result}」の列がありません`);
  });
});

describe('reading the XLSX', () => {
  it('a workbook without the worksheet (e.g. checklist.xlsx) is refused; cells read as the text a person sees', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('達成基準チェックリスト').addRow(['1.1.1']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(readWorksheetCells('checklist.xlsx', data)).rejects.toThrow(`シート「${L.sheet}」がありません`);
    expect(cellText({ richText: [{ text: '○' }, { text: ' ' }] })).toBe('○ ');
    expect(cellText({ text: O + '/', hyperlink: O + '/' })).toBe(O + '/');
    expect(cellText(new Date(Date.UTC(2026, 10, 30)))).toBe('2026-11-30');
    expect(cellText(null)).toBe('');
  });
});

describe('findings CSV rows → finding judgements', () => {
  const keys = new Map([
    ['R1-F10', { id: 'R1-F10', url: O + '/', ruleId: 'jis-alt-filename', selector: 'img.a', kind: 'review' as const, criteria: ['1.1.1', '1.3.1'] }],
    ['R1-F11', { id: 'R1-F11', url: O + '/', ruleId: 'image-alt', selector: 'img.b', kind: 'violation' as const, criteria: ['1.1.1'] }],
    ['R1-F12', { id: 'R1-F12', url: O + '/', ruleId: 'jis-compat-char', selector: 'p', kind: 'advisory' as const, criteria: [] }],
  ]);

  it('one finding judgement per criterion of the filled rows, never site-wide', () => {
    const r = findingJudgements('f.csv', 1, [row({ id: 'R1-F10', url: O + '/', mark: '○', criteria: '1.1.1 1.3.1' }), row({ id: 'R1-F11', url: O + '/', mark: '×', criteria: '1.1.1' }), row({ id: 'R1-F12', url: O + '/' })], keys);
    expect(r.inputs.map((j) => [j.criterion, j.result, j.scope])).toEqual([
      ['1.1.1', 'pass', { type: 'finding', url: O + '/', ruleId: 'jis-alt-filename', selector: 'img.a' }],
      ['1.3.1', 'pass', { type: 'finding', url: O + '/', ruleId: 'jis-alt-filename', selector: 'img.a' }],
      ['1.1.1', 'fail', { type: 'finding', url: O + '/', ruleId: 'image-alt', selector: 'img.b' }],
    ]);
    expect(findingJudgements('f.csv', 1, [row({ id: 'R1-F10', url: O + '/', mark: '○', criteria: '1.3.1' })], keys).inputs.map((j) => j.criterion)).toEqual(['1.3.1']);
    // a row equal to what is recorded for every criterion is not recorded again
    const judged = new Map([...keys].map(([k, v]) => [k, { ...v, current: { '1.1.1': { result: 'pass' as const, note: '', who: '' }, '1.3.1': { result: 'pass' as const, note: '', who: '' } } }]));
    expect(findingJudgements('f.csv', 1, [row({ id: 'R1-F10', url: O + '/', mark: '○' })], judged)).toEqual({ inputs: [], unchanged: 1 });
  });

  it('unknown, moved, contradicting or advisory rows are problems named by row', () => {
    const problems = (rows: FilledRow[]) => {
      try {
        findingJudgements('f.csv', 1, rows, keys);
        return [];
      } catch (e) {
        return (e as RoundTripError).problems;
      }
    };
    expect(problems([row({ id: 'R1-F99', url: O + '/', mark: '○' })])).toEqual(['5 行目: ID「R1-F99」の指摘は検査 #1 にありません']);
    expect(problems([row({ id: 'R1-F10', url: O + '/x', mark: '○' })])[0]).toContain('URL が書き出したときと違います');
    expect(problems([row({ id: 'R1-F11', url: O + '/', mark: '○' })])[0]).toContain('○ / − は記録できません');
    expect(problems([row({ id: 'R1-F12', url: O + '/', mark: '○' })])[0]).toContain('参考の指摘');
    expect(problems([row({ id: 'R1-F10', url: O + '/', mark: '○', criteria: '2.4.4' })])[0]).toContain('達成基準「2.4.4」はこの指摘の達成基準（1.1.1 1.3.1）にありません');
  });

  it('tells the findings CSV from a tester\'s judgement CSV; an unknown column in the latter is an error', () => {
    expect(parseFindingsCsv('x.csv', '達成基準,結果\n1.1.1,○\n')).toBeNull();
    expect(() => parseFindingsCsv('old.csv', 'ページURL,検査項目,位置（セレクター）,結果\nhttps://a/,image-alt,img,○\n')).toThrow('ID 列がありません');
    expect(parseFindingsCsv('f.csv', 'ID,ページURL,達成基準,検査項目,位置（セレクター）,結果,注記\nR1-F10,https://a/,1.1.1,x,img,○,済\n')).toEqual([
      { where: 'f.csv 2 行目', id: 'R1-F10', url: 'https://a/', mark: '○', note: '済', who: '', when: '', criteria: '1.1.1' },
    ]);
    // the six-site-wide-judgements defect: an unknown "ページURL" column was dropped and each row became site-wide
    expect(() => parseJudgementCsv('達成基準,結果,ページURL\n1.1.1,○,https://a/\n')).toThrow('見出し「ページURL」は分かりません');
    // descriptive columns people keep beside the criterion are read by people only
    expect(parseJudgementCsv('達成基準,達成基準の名称,適合レベル,結果,URL\n1.1.1,非テキストコンテンツ,A,○,https://a.example.jp/\n')[0].scope).toEqual({ type: 'page', url: 'https://a.example.jp/' });
  });
});

describe('closest URLs for a typo', () => {
  const urls = [O + '/', O + '/news/index.html', O + '/news/2026/news-001.html', O + '/kurashi/gomi.html', O + '/event/event-01.html'];
  it('edit distance, and suggestions for a URL or a path pattern', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closestUrls(O + '/kurashi/gomi.htm', urls)).toEqual([O + '/kurashi/gomi.html']);
    expect(closestUrls('/nwes/**', urls)).toEqual([O + '/news/index.html', O + '/news/2026/news-001.html']);
    expect(closestUrls('https://other.example.jp/zzz', urls)).toEqual([]);
    expect(closestUrls('https://www.pref.exmple.lg.jp/kurashi/gomi.html', urls)).toEqual([O + '/kurashi/gomi.html']);
  });
});
