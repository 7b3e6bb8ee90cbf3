// The Japanese words of the workspace's test data API (ws-data: dashboard, sheet, judgements, assignments,
// review queue, approval). Data only: every route answers with these, so a refusal reads the same everywhere.
// Outcome labels stay in rules-jis/labels-ja.ts; the refusals of a judgement come from rules-jis/judgement-conflicts.ts.
import { BULK_SCOPE_LABEL_JA, JUDGED_PER_LABEL_JA } from '../../../rules-jis/labels-ja.js';

export const WS_DATA_MESSAGES_JA = {
  noTest: 'いま実施中の試験がありません。jis-a11y test new で試験を作ってください。',
  noSuchTest: (id: number) => `試験 #${id} はありません。`,
  noRun: '試験にまだ検査がありません。先に検査（crawl）を実行してください。',
  badInteger: (key: string, v: unknown) => `${key} は 0 以上の整数で指定してください（指定: ${String(v)}）。`,
  limitTooLarge: (key: string, max: number) => `${key} は ${max} 以下で指定してください。`,
  badState: (v: string, allowed: readonly string[]) => `state「${v}」は使えません。${allowed.join('、')} のいずれかを指定してください。`,
  badCriterion: (id: unknown, target: string) => `達成基準「${String(id)}」は目標 ${target} の達成基準ではありません（例: 1.1.1）。`,
  badResult: (v: unknown) => `result「${String(v)}」は使えません。pass（○）、fail（×）、na（−、適用なし）のいずれかを指定してください。`,
  oneScope: 'pageUrl、template、site: true のうち 1 つだけを指定してください。',
  scopeNeedsKit: (criterion: string, scope: string, per: string) =>
    `達成基準 ${criterion} は試験キットで「${per}」に判断する達成基準です。${scope}でまとめて判断することはできません。ページごとに判断してください。`,
  scopeWords: BULK_SCOPE_LABEL_JA as Record<string, string>,
  perWords: JUDGED_PER_LABEL_JA as Record<string, string>,
  unknownTemplate: (t: string) => `テンプレート「${t}」のページは、この試験の検査にありません。`,
  noteTooLong: (max: number) => `note（注記）は ${max} 文字以内にしてください。`,
  badEvidence: (v: unknown) => `evidence の「${String(v)}」は証拠ファイルの番号（64 桁の 16 進数 sha256）ではありません。`,
  badAssignee: 'assignee（担当者のログイン名）を指定してください。',
  badDue: (v: unknown) => `due（期限）「${String(v)}」を読めません。YYYY-MM-DD で指定してください（例: 2026-12-25）。`,
  pageNotSelected: (url: string) => `ページ ${url} はこの試験の対象ページ（代表・ランダム）ではありません。`,
  noGroup: (rule: string, template: string) => `検査項目 ${rule} の要確認がテンプレート「${template}」のページにありません。`,
  criterionNotOfRule: (criterion: string, rule: string, criteria: string[]) =>
    `検査項目 ${rule} の要確認は達成基準 ${criteria.join('、')} のものです。達成基準 ${criterion} には使えません。`,
  badSchedule: (name: unknown) => `定期検査「${String(name)}」は設定されていません。`,
  scheduleRunning: (name: string) => `定期検査「${name}」は実行中です。`,
  scheduleStarted: (name: string) => `定期検査「${name}」を開始しました。`,
  notReady: (reason: string) => `まだ承認できません: ${reason}`,
  statementProblem: (p: string) => `表明日を決められません: ${p}`,
  approved: (n: number, date: string) => `第 ${n} 版として承認し、公開用のファイルを書き出しました（表明日 ${date}）。`,
};

export const WS_APPROVAL_MESSAGES_JA = {
  unchanged: (n: number) => `第 ${n} 版の承認から内容が変わっていません。新しい版は作りませんでした（第 ${n} 版がそのまま公開用です）。`,
};
