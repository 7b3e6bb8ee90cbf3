// Every Japanese label of the contract's words, in one place: outcomes, finding kinds, judgement results and
// scopes, the marks of the 達成基準チェックリスト, the advisory group and error codes. The CLI, the reports and
// the extension import these objects; none keeps a copy (tests/unit/labels.test.ts checks that).
// Pure data, typed so that a new outcome, kind, scope or error code does not compile without its label.
// No runtime dependencies: safe in the extension and the in-page bundle.
import type { ErrorCode, FindingKind, Outcome } from './types.js';
import type { JudgementResult, JudgementScope } from './judgements.js';
import type { FixBy, JudgedPer, KitAutomation } from './manual-kit.js';
import type { SelectionKind } from './jis-test.js';

/** Per page and criterion (docs/architecture.md "Outcomes"). */
export const OUTCOME_LABEL_JA: Readonly<Record<Outcome, string>> = {
  fail: '不適合',
  review: '要確認',
  pass: '適合',
  inapplicable: '適用なし',
  untested: '未検査',
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
};

/** The 結果 column of the 達成基準チェックリスト: ○ met, × not met, or what still has to be done. */
export type ResultMark = '○' | '×' | '要確認' | '未確認';

/** The 結果 mark of a site-level outcome (pass and inapplicable are both met: rules-jis/verdict.ts claimStatus). */
export const RESULT_MARK_JA: Readonly<Record<Outcome, ResultMark>> = {
  pass: '○',
  inapplicable: '○',
  fail: '×',
  review: '要確認',
  untested: '未確認',
};

/** The 適用 column: ○ something on the pages is subject to the criterion, − nothing is. */
export const APPLICABLE_MARK_JA = { applicable: '○', inapplicable: '−' } as const;

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
  'origin-not-allowed': '許可されていないオリジン',
  'browser-not-found': 'ブラウザーが見つからない',
  'browser-launch-failed': 'ブラウザーを起動できない',
  'browser-crashed': 'ブラウザーの異常終了',
  'shutting-down': 'サービスの停止中',
  aborted: '中止',
};

/** The manual-test kit (rules-jis/manual-kit.ts): who judges per what unit, how far a machine helps, who fixes. */
export const JUDGED_PER_LABEL_JA: Readonly<Record<JudgedPer, string>> = { page: 'ページごと', template: 'テンプレートごと', site: 'サイト全体' };
export const KIT_AUTOMATION_LABEL_JA: Readonly<Record<KitAutomation, string>> = { automatic: '自動', 'automatic+person': '自動＋人', person: '人' };
export const FIX_BY_LABEL_JA: Readonly<Record<FixBy, string>> = { editor: '編集者（掲載した課）', template: 'テンプレート', system: 'システム', mixed: '場所による' };

/** Why a page is in the test's selection (rules-jis/jis-test.ts SelectionKind), as the URI list marks it. */
export const SELECTION_KIND_LABEL_JA: Readonly<Record<SelectionKind, string>> = { representative: '代表', random: 'ランダム' };

/** All of the above as one object (what tests compare, and what a new front door imports). */
export const LABELS_JA = {
  outcome: OUTCOME_LABEL_JA,
  kind: KIND_LABEL_JA,
  judgementResult: JUDGEMENT_RESULT_LABEL_JA,
  judgementScope: JUDGEMENT_SCOPE_LABEL_JA,
  resultMark: RESULT_MARK_JA,
  applicableMark: APPLICABLE_MARK_JA,
  advisoryGroup: ADVISORY_GROUP_JA,
  errorCode: ERROR_CODE_LABEL_JA,
  judgedPer: JUDGED_PER_LABEL_JA,
  kitAutomation: KIT_AUTOMATION_LABEL_JA,
  fixBy: FIX_BY_LABEL_JA,
  selectionKind: SELECTION_KIND_LABEL_JA,
} as const;
