// Every Japanese label of the contract's words, in one place: outcomes, finding kinds, judgement results and
// scopes, the marks of the 達成基準チェックリスト, the advisory group and error codes. The CLI, the reports and
// the extension import these objects; none keeps a copy (tests/unit/labels.test.ts checks that).
// Pure data, typed so that a new outcome, kind, scope or error code does not compile without its label.
// No runtime dependencies: safe in the extension and the in-page bundle.
import type { ErrorCode, FindingKind, Outcome } from './types.js';
import type { JudgementResult, JudgementScope } from './judgements.js';
import type { FixBy, JudgedPer, KitAutomation } from './manual-kit.js';
import type { JudgedOutcome } from './verdict.js';
import type { SelectionKind, TestStatus } from './jis-test.js';

/** Per page and criterion (docs/architecture.md "Outcomes"). */
export const OUTCOME_LABEL_JA: Readonly<Record<Outcome, string>> = {
  fail: '不適合',
  review: '要確認',
  pass: '適合',
  inapplicable: '適用なし',
  // one word for `untested` everywhere (report, 試験結果, extension, CLI): 未確認 — nobody has checked the
  // criterion yet, and what is missing is a person's check (人による確認), as in 要確認; 未検査 read as
  // "the page was not audited", which is false for a page the crawl did audit.
  untested: '未確認',
};

/** A finding's kind. */
export const KIND_LABEL_JA: Readonly<Record<FindingKind, string>> = {
  violation: '不適合',
  review: '要確認',
  advisory: '参考',
};

/** What a person decided for a criterion (rules-jis/judgements.ts). */
export const JUDGEMENT_RESULT_LABEL_JA: Readonly<Record<JudgementResult, string>> = {
  pass: '適合',
  fail: '不適合',
  inapplicable: '適用なし',
};

/** What a judgement covers. */
export const JUDGEMENT_SCOPE_LABEL_JA: Readonly<Record<JudgementScope['type'], string>> = {
  site: 'サイト全体',
  pattern: 'URL パターン',
  page: 'ページ',
  finding: '指摘箇所',
  element: '要素（サイト内で共通）',
};

/** An outcome once judgements are applied (rules-jis/verdict.ts applyJudgements): the above plus 「再確認」. */
export const JUDGED_OUTCOME_LABEL_JA: Readonly<Record<JudgedOutcome, string>> = {
  ...OUTCOME_LABEL_JA,
  recheck: '再確認',
};

/** The 結果 column of the 達成基準チェックリスト: ○ met, × not met, or what still has to be done. */
export type ResultMark = '○' | '×' | '要確認' | '未確認' | '再確認';

/** The 結果 mark of a site-level outcome (pass and inapplicable are both met: rules-jis/verdict.ts claimStatus). */
export const RESULT_MARK_JA: Readonly<Record<JudgedOutcome, ResultMark>> = {
  pass: '○',
  inapplicable: '○',
  fail: '×',
  review: '要確認',
  untested: '未確認',
  recheck: '再確認',
};

/**
 * The words printed beside a mark, for every reader (a screen reader reads them; the mark alone is a symbol that
 * neither speech nor our own contrast check can read): 「○ 満たしている」「− 適用なし」.
 */
export const RESULT_MARK_WORDS_JA: Readonly<Record<ResultMark, string>> = {
  '○': '満たしている',
  '×': '満たしていない',
  要確認: '',
  未確認: '',
  再確認: '',
};

/** The 適用 column: ○ something on the pages is subject to the criterion, − nothing is. */
export const APPLICABLE_MARK_JA = { applicable: '○', inapplicable: '−' } as const;
export const APPLICABLE_MARK_WORDS_JA = { applicable: '適用あり', inapplicable: '適用なし' } as const;

/** Why a page is in a test's selection (rules-jis/jis-test.ts SelectionKind), as the URI list marks it. */
export const SELECTION_KIND_LABEL_JA: Readonly<Record<SelectionKind, string>> = { representative: '代表', random: 'ランダム' };

/**
 * How a criterion's result was reached in a report: by the automated checks alone, by them and a person, or by a
 * person alone (the judgements actually used). 「（人による確認）」 is printed only where a person decided.
 */
export type DecidedBy = 'automatic' | 'automatic+person' | 'person';
export const DECIDED_BY_LABEL_JA: Readonly<Record<DecidedBy, string>> = { automatic: '自動', 'automatic+person': '自動＋人', person: '人' };
export const DECIDED_BY_PERSON_SUFFIX_JA = '（人による確認）';

/**
 * The 対応度 (claim) words and the states of a test (rules-jis/claim.ts). The guideline is named as it asks to be
 * named; no definition of its words is invented here.
 */
export const CLAIM_WORDS_JA = {
  standard: 'JIS X 8341-3:2016',
  /** Shown instead of a claim until every criterion has a result on every selected page. */
  incomplete: '試験未完了（公開用ではありません）',
  /** Shown instead of a claim when the test is complete but a claim may not be stated (e.g. 一部準拠 without a plan). */
  blocked: '対応度を表記できません（公開用ではありません）',
  guideline: {
    title: 'ウェブコンテンツの JIS X 8341-3:2016 対応度表記ガイドライン',
    publisher: '情報通信アクセス協議会 ウェブアクセシビリティ基盤委員会',
    edition: '2021年4月版',
  },
  /** 配慮 is a word of the guideline that does not rest on a test's result: this tool never derives it from one. */
  consideration: '配慮',
  /** Why no 対応度 is stated yet (the claim's `reason`). */
  reasonNoPages: '試験したページがありません。ページを選んで検査してください。',
  reasonIncomplete: (criteria: number, cells: number) =>
    `${criteria} の達成基準で、結果（自動検査の合否、人による判断、又は適用なし）のないページが延べ ${cells} あります。すべてそろうまで対応度は表記できません。`,
  reasonNoPlan:
    '目標とする適合レベルの達成基準に満たしていないものがあるため「一部準拠」となりますが、「一部準拠」と表記するには今後の対応方針が必要です。試験の表明に今後の対応方針（futurePlan）を記入してください。',
} as const;

/** Findings with no A/AA criterion behind them (advisories), grouped under one heading. */
export const ADVISORY_GROUP_JA = {
  short: '参考',
  title: '参考（達成基準に該当しない日本語の推奨事項）',
} as const;

/** Why a page (or a pre-publish check) could not be audited: the short name of each error code. */
export const ERROR_CODE_LABEL_JA: Readonly<Record<ErrorCode, string>> = {
  unreachable: '接続できない',
  'http-error': 'HTTP エラー',
  'not-html': 'HTML ではない',
  'redirect-loop': 'リダイレクトのループ',
  'too-large': 'ページが大きすぎる',
  timeout: 'タイムアウト',
  'audit-timeout': '検査のタイムアウト',
  'navigation-failed': 'ページを開けない',
  crashed: 'タブの異常終了',
  internal: '内部エラー',
  'document-unreadable': '文書を読み取れない',
  'document-encrypted': 'パスワード付きの文書',
  'origin-not-allowed': '許可されていないオリジン',
  'browser-not-found': 'ブラウザーが見つからない',
  'browser-launch-failed': 'ブラウザーを起動できない',
  'browser-crashed': 'ブラウザーの異常終了',
  'shutting-down': 'サービスの停止中',
  aborted: '中止',
};

/** The manual-test kit (rules-jis/manual-kit.ts): who judges per what unit, how far a machine helps, who fixes. */
/** What one judgement of the workspace covers when it is made for many pages at once. */
export const BULK_SCOPE_LABEL_JA: Readonly<Record<'template' | 'site', string>> = { template: 'テンプレート', site: 'サイト全体' };

export const JUDGED_PER_LABEL_JA: Readonly<Record<JudgedPer, string>> = { page: 'ページごと', template: 'テンプレートごと', site: 'サイト全体' };
export const KIT_AUTOMATION_LABEL_JA: Readonly<Record<KitAutomation, string>> = { automatic: '自動', 'automatic+person': '自動＋人', person: '人' };
export const FIX_BY_LABEL_JA: Readonly<Record<FixBy, string>> = { editor: '編集者（掲載した課）', template: 'テンプレート', system: 'システム', mixed: '場所による' };

/** The yearly test (rules-jis/jis-test.ts): its state, and what carry-over says about each judgement. */
export const TEST_STATUS_LABEL_JA: Readonly<Record<TestStatus, string>> = { open: '実施中', closed: '終了' };
export const CARRY_STATE_LABEL_JA = {
  unchanged: '変更なし（引き継げます）',
  changed: 'ページが変わりました（引き継ぐなら「再確認」として。--include-changed）',
  carried: '引き継ぎ済み',
  conflict: '自動検査の結果と矛盾するため引き継げません',
  recheck: '再確認',
} as const;
/** Said by the reports and `test` commands when the 表明日 comes before the end of the 試験実施期間. */
export const STATEMENT_BEFORE_PERIOD_JA = '表明日が試験実施期間より前です';
/** Refusal of a ○ / × on a criterion that is 適用なし on every page the judgement covers. */
export const INAPPLICABLE_JUDGEMENT_REFUSED_JA = '適用なしの達成基準に ○ は付けられません。− を選んでください';

/** The mark a tester writes for a judgement (the worksheet's drop-down, the CSV's 結果 column). */
export const JUDGEMENT_MARK_JA: Readonly<Record<JudgementResult, '○' | '×' | '−'>> = { pass: '○', fail: '×', inapplicable: '−' };

/** The page × criterion worksheet (reports/worksheet.ts) and its import: sheet names and column headings. */
export const WORKSHEET_LABEL_JA = {
  sheet: '確認シート',
  kitSheet: '確認の手順',
  title: '人による確認のワークシート',
  siteUrl: '（サイト全体）',
  /** The elements of a cell still to judge (rules-jis/decision-items.ts); judged once, they are not asked again. */
  openItems: (n: number) => `まだ判断していない要素 ${n} 個（判断した要素はほかのページでも聞きません。jis-a11y judge --elements-of で記録）:`,
  templatePart: '［テンプレート］',
  contentPart: '［本文］',
  columns: {
    id: 'ID',
    url: 'URL',
    pageTitle: 'ページタイトル',
    criterion: '達成基準',
    criterionTitle: '達成基準の名称',
    judgedPer: '判断の単位',
    automated: '自動チェックの結果',
    reason: '自動チェックの理由',
    procedure: '確認の手順',
    result: '結果',
    note: '注記',
    who: '確認者',
    when: '確認日',
  },
  kitColumns: {
    criterion: '達成基準',
    criterionTitle: '達成基準の名称',
    judgedPer: '判断の単位',
    automation: '判定のしかた',
    tools: '使う道具',
    steps: '手順',
    pass: '○とする場合',
    fail: '×とする場合',
    failures: 'よくある不適合',
    inapplicableWhen: '−（適用なし）とする場合',
    minutes: '目安（分）',
  },
  locked: '自動判定済み（記入不要）',
} as const;

/** The findings CSV's ID column and the 結果 column a tester adds to it (reports/csv.ts, judge --import). */
export const FINDINGS_CSV_LABEL_JA = {
  id: 'ID',
  pageUrl: 'ページURL',
  pageTitle: 'ページタイトル',
  kind: '区分',
  criterion: '達成基準',
  criterionTitle: '達成基準の名称',
  ruleId: '検査項目',
  message: '問題',
  help: '直し方',
  selector: '位置（セレクター）',
  line: '行',
  html: 'HTML',
  helpUrl: '参考URL',
  /** The columns a tester adds to take the file back (judge --import). */
  result: '結果',
  note: '注記',
  who: '確認者',
  when: '確認日',
  /** The template's shared part a finding is in (reports/template-export.ts); empty for the page's own content. */
  template: '共通部分（テンプレート）',
} as const;

/** The exports' 「テンプレート別の問題」 (reports/template-export.ts): each template's own problems once, with page counts. */
export const TEMPLATE_EXPORT_LABEL_JA = {
  sheet: 'テンプレート別の問題',
  /** 「テンプレート 3（120 ページ）」 */
  template: 'テンプレート',
  pagesUnit: 'ページ',
  templatePages: 'テンプレートのページ数',
  example: 'ページの例',
  kind: '区分',
  criterion: '達成基準',
  ruleId: '検査項目',
  message: '問題',
  selector: '位置（セレクター）',
  problemPages: '問題のあるページ数',
  help: '直し方',
  /** The CSV cell of a finding in a template's shared part: 「テンプレート 3（120 ページに共通）」. */
  sharedBy: 'ページに共通',
} as const;

/** The columns of document-findings.csv and of the 文書の指摘 sheet: one row per finding of a linked document. */
export const DOCUMENTS_CSV_LABEL_JA = {
  url: '文書のURL',
  type: '種類',
  title: '文書のタイトル',
  linkedFrom: 'リンク元のページ',
  state: '状態',
  kind: '区分',
  criterion: '達成基準',
  criterionTitle: '達成基準の名称',
  ruleId: '検査項目',
  message: '問題',
  help: '直し方',
  helpUrl: '参考URL',
} as const;

/** The state of a document in its row. */
export const DOCUMENT_STATE_JA = {
  checked: '検査済み',
  noFindings: '検査済み（指摘なし）',
  notChecked: '中身は未確認（一覧のみ）',
  error: '検査できず',
} as const;

/** The parts of one grouped result (the extension's results list; the 何が問題か / 直し方 / 場所). */
export const FINDING_PARTS_JA = {
  what: '何が問題か',
  fix: '直し方',
  where: '場所',
  developer: '開発者向け',
  count: '件',
} as const;

/** All of the above as one object (what tests compare, and what a new front door imports). */
export const LABELS_JA = {
  outcome: OUTCOME_LABEL_JA,
  kind: KIND_LABEL_JA,
  judgementResult: JUDGEMENT_RESULT_LABEL_JA,
  judgementScope: JUDGEMENT_SCOPE_LABEL_JA,
  judgedOutcome: JUDGED_OUTCOME_LABEL_JA,
  resultMark: RESULT_MARK_JA,
  resultMarkWords: RESULT_MARK_WORDS_JA,
  applicableMark: APPLICABLE_MARK_JA,
  applicableMarkWords: APPLICABLE_MARK_WORDS_JA,
  decidedBy: DECIDED_BY_LABEL_JA,
  selectionKind: SELECTION_KIND_LABEL_JA,
  claim: CLAIM_WORDS_JA,
  advisoryGroup: ADVISORY_GROUP_JA,
  errorCode: ERROR_CODE_LABEL_JA,
  judgedPer: JUDGED_PER_LABEL_JA,
  kitAutomation: KIT_AUTOMATION_LABEL_JA,
  fixBy: FIX_BY_LABEL_JA,
  judgementMark: JUDGEMENT_MARK_JA,
  worksheet: WORKSHEET_LABEL_JA,
  findingsCsv: FINDINGS_CSV_LABEL_JA,
  documentsCsv: DOCUMENTS_CSV_LABEL_JA,
  documentState: DOCUMENT_STATE_JA,
  templateExport: TEMPLATE_EXPORT_LABEL_JA,
  findingParts: FINDING_PARTS_JA,
} as const;
