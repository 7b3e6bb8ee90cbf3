// The 試験結果 renders from its document (reports/test-result/document.ts), not from the report model: a document
// made by hand (no store, no crawl) gives the page, the fragment and the workbook, with every mark in words, the
// claim as a real heading, 代表 / ランダム on the URIs, every statement field, and a title that says the test is
// not for publication until a claim is stated. The document validates against schema/test-result.schema.json.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import schema from '../../schema/test-result.schema.json';
import { targetCriteria, understandingUrl } from '../../rules-jis/criteria.js';
import { CLAIM_WORDS_JA } from '../../rules-jis/labels-ja.js';
import { GUIDELINE_NOTE } from '../../rules-jis/claim.js';
import { testResultFragment, testResultPage, type TestResultDocument } from '../../reports/test-result.js';
import { checklistXlsx, CHECKLIST_SHEET } from '../../reports/xlsx.js';

const O = 'https://www.pref.midori.lg.jp';
const zero = { fail: 0, recheck: 0, review: 0, untested: 0, pass: 0, inapplicable: 0 };

function doc(over: Partial<TestResultDocument['claim']> = {}): TestResultDocument {
  const checklist = targetCriteria('AA').map((c) => ({
    id: c.wcag,
    level: c.level as 'A' | 'AA',
    title: c.jaJis,
    understandingUrl: understandingUrl(c.wcag),
    applicable: !c.wcag.startsWith('1.2'),
    result: c.wcag === '1.4.3' ? ('fail' as const) : c.wcag.startsWith('1.2') ? ('inapplicable' as const) : ('pass' as const),
    mark: c.wcag === '1.4.3' ? ('×' as const) : ('○' as const),
    status: c.wcag === '1.4.3' ? ('failed' as const) : ('met' as const),
    kit: 'automatic+person' as const,
    decidedBy: 'automatic+person' as const,
    pages: { ...zero, pass: 2 },
    note: c.wcag === '2.1.1' ? '自動検査の不適合を例外として扱うページ 1（理由: 外部の地図サービス）' : '',
    waivers: c.wcag === '2.1.1' ? [{ reason: '外部の地図サービス', who: '山田', when: '2026-10-01T00:00:00.000Z', urls: [O + '/access.html'] }] : [],
    judgements: [],
  }));
  return {
    format: 'jis-a11y-test-result',
    version: 1,
    generatedAt: '2026-11-30T00:00:00.000Z',
    tool: { name: 'jis-a11y', version: '0.2.0' },
    standard: 'JIS X 8341-3:2016',
    target: 'AA',
    claim: {
      state: 'stated',
      kind: 'A準拠・AA一部準拠',
      conformingLevel: 'A',
      text: 'JIS X 8341-3:2016 の適合レベルAに準拠、適合レベルAAに一部準拠',
      short: '適合レベルAに準拠、適合レベルAAに一部準拠',
      note: GUIDELINE_NOTE,
      reason: null,
      futurePlan: '令和9年度中にコントラストを改善します。',
      failed: [{ id: '1.4.3', level: 'AA', title: 'コントラスト(最低限レベル)の達成基準' }],
      remaining: [],
      missing: [],
      ...over,
    },
    checklist,
    selection: {
      method: 'representative-random',
      methodLabel: '代表ページ及びランダムに選択',
      description: '代表ページ 1 ページ及びランダムに 1 ページ',
      population: 40,
      seed: '令和8年度',
      pages: [
        { url: O + '/', title: 'トップページ', kind: 'representative', reason: 'トップページ' },
        { url: O + '/news/1.html', title: 'お知らせ', kind: 'random', reason: 'ランダムに選択' },
      ],
    },
    statement: {
      statementDate: '2026-12-01',
      siteName: 'みどり県公式ホームページ',
      scopeDescription: 'みどり県公式ホームページ（https://www.pref.midori.lg.jp/）',
      exclusions: [],
      technologies: ['HTML', 'CSS'],
      policyUrl: O + '/accessibility/policy.html',
      futurePlan: '令和9年度中にコントラストを改善します。',
      organisation: 'みどり県 総務部 広報広聴課',
      environments: [{ os: 'Windows 11', browser: 'Google Chrome 131', assistiveTech: 'NVDA 2024.4' }],
      additionalMeasures: ['ふりがな表示'],
      representative: ['/'],
      problems: [],
    },
    period: { from: '2026-10-01T00:00:00.000Z', to: '2026-11-20T00:00:00.000Z' },
    tools: ['jis-a11y 0.2.0'],
    judgements: [],
  };
}

function validator() {
  const Ajv = ((Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020) as typeof Ajv2020;
  const ajv = new Ajv({ allErrors: true, strict: false });
  (((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as typeof addFormats)(ajv);
  return ajv.compile(schema);
}

describe('the 試験結果 renders from its document', () => {
  it('the document validates; a stated claim without a reason, or an unstated one with a kind, does not', () => {
    const validate = validator();
    expect(validate(doc()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(doc({ state: 'incomplete', kind: null, text: CLAIM_WORDS_JA.incomplete, reason: '…' }))).toBe(true);
    expect(validate(doc({ state: 'incomplete' }))).toBe(false);
    expect(validate({ ...doc(), extra: 1 })).toBe(false);
  });

  it('page and fragment: the claim as a heading, marks in words, URIs with 代表 / ランダム, every statement field', () => {
    const d = doc();
    for (const out of [testResultPage(d), testResultFragment(d)]) {
      // a heading one level below the item's (h3 in the page, h4 in the fragment that starts at h2)
      expect(out).toMatch(/<h([34]) id="jr-claim">対応度: JIS X 8341-3:2016 の適合レベルAに準拠、適合レベルAAに一部準拠<\/h\1>/);
      expect(out).not.toMatch(/<p><strong>/);
      expect(out).toContain('>○ 満たしている</td>');
      expect(out).toContain('>× 満たしていない</td>');
      expect(out).toContain('>− 適用なし</td>');
      expect(out).toContain('>○ 適用あり</td>');
      expect(out).toContain(`<a href="${O}/">トップページ ${O}/</a>（代表）`);
      expect(out).toContain('（ランダム）');
      for (const s of ['令和9年度中にコントラストを改善します。', `${O}/accessibility/policy.html`, 'NVDA 2024.4', 'ふりがな表示', 'みどり県 総務部 広報広聴課', '外部の地図サービス', '自動＋人']) expect(out).toContain(s);
      expect(out).toContain(GUIDELINE_NOTE);
    }
  });

  it('until a claim is stated, the title says 「試験未完了（公開用ではありません）」 and lists what is missing', () => {
    const d = doc({ state: 'incomplete', kind: null, conformingLevel: null, text: CLAIM_WORDS_JA.incomplete, short: CLAIM_WORDS_JA.incomplete, reason: '結果のないページがあります', futurePlan: null, remaining: [{ id: '2.4.6', level: 'AA', title: '見出し及びラベルの達成基準' }], missing: [{ criterion: '2.4.6', level: 'AA', pages: [{ url: O + '/news/1.html', state: 'review' }] }] });
    const page = testResultPage(d);
    expect(page).toContain(`<h1 id="jr-title">みどり県公式ホームページ JIS X 8341-3:2016 試験結果【${CLAIM_WORDS_JA.incomplete}】</h1>`);
    expect(page).toContain(`<title>みどり県公式ホームページ JIS X 8341-3:2016 試験結果【${CLAIM_WORDS_JA.incomplete}】`);
    expect(page).toMatch(/2\.4\.6 見出し及びラベルの達成基準: 1 ページ<ul class="url"><li>https:\/\/www\.pref\.midori\.lg\.jp\/news\/1\.html<\/li>/);
    expect(page).not.toContain('今後の対応方針: ');
  });

  it('the workbook carries the same claim, marks, URIs and statement', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await checklistXlsx(doc())) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(CHECKLIST_SHEET)!;
    const row = (id: string) => ws.getRows(5, 38)!.find((r) => r.getCell(1).value === id)!;
    expect([row('1.4.3').getCell(5).value, row('1.4.3').getCell(8).value]).toEqual(['×', '満たしていない']);
    expect(row('1.2.1').getCell(4).value).toBe('−');
    expect(String(ws.getCell('A2').value)).toContain('JIS X 8341-3:2016 の適合レベルAに準拠、適合レベルAAに一部準拠');
    expect(wb.getWorksheet('試験したURI')!.getRow(2).values).toEqual([undefined, 1, O + '/', '代表（トップページ）']);
    const info = wb.getWorksheet('試験の情報')!.getSheetValues().flat().map(String);
    expect(info).toEqual(expect.arrayContaining(['令和9年度中にコントラストを改善します。', `${O}/accessibility/policy.html`, 'Windows 11、Google Chrome 131、NVDA 2024.4']));
  });
});
