// Reading judgement files (rules-jis/judgement-import.ts): JSON checked by schema/judgements.schema.json
// with Japanese messages, and CSV read by csv-parse (BOM, quotes, CRLF, Japanese headings).
import { describe, expect, it } from 'vitest';
import { parseCsv, parseJudgementCsv, parseJudgementJson } from '../../rules-jis/judgement-import.js';
import { JudgementFormatError } from '../../rules-jis/judgements.js';
import { buildExport } from '../../extension/lib/judgements.js';
import type { PageJudgement } from '../../rules-jis/judgements.js';

const O = 'https://pref.example.jp';
const doc = (judgements: unknown[], over: object = {}) => JSON.stringify({ format: 'jis-a11y-judgements', version: 1, judgements, result: null, ...over });
const site = { type: 'site' };
const errorOf = (text: string) => {
  try {
    parseJudgementJson(text);
  } catch (e) {
    expect(e).toBeInstanceOf(JudgementFormatError);
    return (e as Error).message;
  }
  return 'no error';
};

describe('JSON judgements', () => {
  it('reads what the extension exports', () => {
    const j: PageJudgement = { criterion: '1.3.1', result: 'pass', note: '見出しは h2', who: '佐藤', when: '2026-11-20T10:00:00.000Z', scope: { type: 'page', url: `${O}/a.html` } };
    const exported = JSON.stringify(buildExport({ '1.3.1': j }, null));
    expect(parseJudgementJson(exported)).toEqual([{ ...j, contentHash: undefined }]);
  });

  it('reads a bare array, scopes other than page, and the words a person writes', () => {
    const js = parseJudgementJson(
      JSON.stringify([
        { criterion: ' 1.4.1 ', result: '○', scope: { type: 'pattern', pattern: '/news/**' } },
        { criterion: '2.4.6', result: '×', scope: { type: 'finding', url: `${O}/`, ruleId: 'r', selector: '' }, when: '2026-11-20' },
        { criterion: '3.3.2', result: 'n/a', scope: { type: 'page', url: `${O}/b.html#top`, contentHash: 'abc' } },
      ]),
    );
    expect(js.map((j) => [j.criterion, j.result, j.scope.type])).toEqual([
      ['1.4.1', 'pass', 'pattern'],
      ['2.4.6', 'fail', 'finding'],
      ['3.3.2', 'inapplicable', 'page'],
    ]);
    expect(js[1].when).toBe('2026-11-20T00:00:00.000Z');
    expect(js[2]).toMatchObject({ scope: { url: `${O}/b.html` }, contentHash: 'abc' });
  });

  it('does not look inside the embedded result (evidence, not imported)', () => {
    expect(parseJudgementJson(doc([], { result: { schemaVersion: '1.0.0', pages: [] } }))).toEqual([]);
  });

  it('says in Japanese what is wrong, naming the entry', () => {
    const cases: [string, string][] = [
      [doc([], { format: 'x' }), 'format が "jis-a11y-judgements" ではありません'],
      [doc([], { version: 2 }), 'version 2 には対応していません（1 のみ）'],
      [JSON.stringify({ format: 'jis-a11y-judgements', version: 1 }), 'judgements の配列がありません'],
      [doc([], { extra: 1, more: 2 }), '知らない項目があります: extra, more'],
      [doc([{ criterion: '9.9.9', result: 'x', scope: site }, { criterion: '1.1.1', result: 'pass', scope: site, foo: 1 }]), '2 件目: 知らない項目があります: foo'],
      [doc([{ result: 'pass', scope: site }]), '1 件目: 達成基準（criterion）がありません（例: 1.1.1）'],
      [doc([{ criterion: '9.9.9', result: 'pass', scope: site }]), '1 件目: 達成基準「9.9.9」がありません（例: 1.1.1）'],
      [doc([{ criterion: '1.4.6', result: 'pass', scope: site }]), '1 件目: 達成基準 1.4.6 はレベル AAA です。A / AA の達成基準を指定してください'],
      [doc([{ criterion: '1.1.1', result: 'maybe', scope: site }]), '1 件目: 結果「maybe」を読めません（pass / fail / inapplicable、○ / × / − のいずれか）'],
      [doc([{ criterion: '1.1.1', result: 'pass' }]), '1 件目: scope（範囲）がありません'],
      [doc([{ criterion: '1.1.1', result: 'pass', scope: { type: 'region' } }]), '1 件目: scope.type は site / pattern / page / finding のいずれかです'],
      [doc([{ criterion: '1.1.1', result: 'pass', scope: { type: 'pattern' } }]), '1 件目: URL パターンがありません'],
      [doc([{ criterion: '1.1.1', result: 'pass', scope: { type: 'page', url: 'ftp://x' } }]), '1 件目: ページの URL（http(s)）がありません'],
      [doc([{ criterion: '1.1.1', result: 'pass', scope: { type: 'finding', url: O } }]), '1 件目: 指摘箇所には url / ruleId / selector が必要です'],
      [doc([{ criterion: '1.1.1', result: 'pass', scope: { type: 'site', url: O } }]), '1 件目: scope に知らない項目があります: url'],
      [doc([{ criterion: '1.1.1', result: 'pass', scope: site, note: 5 }]), '1 件目: note は文字列で指定してください'],
      [doc([{ criterion: '1.1.1', result: 'pass', scope: site, when: 'きのう' }]), '1 件目: 日時「きのう」を読めません'],
      ['null', 'format が "jis-a11y-judgements" ではありません'],
      ['{', expect.stringMatching(/^JSON を読めません: /) as unknown as string],
    ];
    for (const [text, message] of cases) expect(errorOf(text), text).toEqual(message);
  });
});

describe('CSV judgements', () => {
  it('parses RFC 4180 with csv-parse: BOM, quotes, doubled quotes, CRLF / LF / CR, blank rows dropped', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""",z\r\n\r\n , \n"two\nlines",q\rlast,row')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'z'],
      ['two\nlines', 'q'],
      ['last', 'row'],
    ]);
    expect(() => parseCsv('a,"b\n')).toThrow('CSV を読めません（1 行目付近）: 引用符（"）が閉じていません');
  });

  it('reads Japanese headings and ○ / × / −, inferring the scope', () => {
    const csv = '\uFEFF達成基準,結果,注記,確認者,URL,pattern,セレクター,ルール\r\n"1.4.1 色の使用",○,"色だけで区別していない, 確認済み",田中,,/news/**,,\r\n2.4.6,×,,田中,https://pref.example.jp/,,,\r\n3.3.2,−,,田中,,,,\r\n1.1.1,適合,,田中,https://pref.example.jp/,,img.logo,image-alt\r\n';
    const js = parseJudgementCsv(csv);
    expect(js.map((j) => [j.criterion, j.result, j.scope.type])).toEqual([
      ['1.4.1', 'pass', 'pattern'],
      ['2.4.6', 'fail', 'page'],
      ['3.3.2', 'inapplicable', 'site'],
      ['1.1.1', 'pass', 'finding'],
    ]);
    expect(js[0]).toMatchObject({ note: '色だけで区別していない, 確認済み', who: '田中' });
    expect(parseJudgementCsv('')).toEqual([]);
    expect(() => parseJudgementCsv('a,b\n1,2\n')).toThrow('CSV の見出し行に criterion（達成基準）と result（結果）の列が必要です');
    expect(() => parseJudgementCsv('criterion,result\n1.1.1,たぶん\n')).toThrow('2 行目: 結果「たぶん」を読めません');
  });
});
