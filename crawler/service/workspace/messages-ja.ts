// Every Japanese message of the workspace's sign-in, users and audit API (crawler/service/workspace/) and of
// `jis-a11y users`, in one place: the routes and the command import them, none keeps a copy. Each says what is
// wrong and what to do.
import { ROLES, ROLE_LABELS } from '../../../rules-jis/roles.js';

const ROLE_LIST = ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、');

/** `HH:mm` in Japan time, for "try again after". */
const jstTime = (ms: number) =>
  new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(ms));

export const WS_MESSAGES = {
  unauthenticated: 'サインインしてください（セッションの期限が切れたか、サインインしていません）。',
  forbiddenRole: (need: string, have: string) => `この操作には「${need}」以上の権限が必要です（あなたの権限:「${have}」）。管理者に依頼してください。`,
  csrf: '画面の操作として確認できない書き込みのため受け付けません（x-csrf-token がないか違います）。画面を再読み込みしてからやり直してください。',
  crossSite: '別のサイトから送られた書き込みのため受け付けません。作業画面から操作してください。',
  badCredentials: 'ログイン名かパスワードが違います。',
  locked: (untilMs: number) =>
    `サインインの失敗が続いたため、しばらく受け付けません。${jstTime(untilMs)}（日本時間）以降にもう一度試してください。パスワードを忘れた場合は管理者に再設定を依頼してください。`,
  loginBody: '本文は {"login": "ログイン名", "password": "パスワード"} の JSON で送ってください。',
  field: (key: string, what: string) => `「${key}」: ${what}`,
  loginFormat: 'ログイン名は半角の英小文字・数字・「.」「_」「-」で 2〜64 文字、英小文字か数字で始めてください（例 hanako.koho）。',
  displayNameFormat: '表示名は 1〜100 文字で指定してください（例 広報 花子）。',
  roleFormat: `権限は ${ROLE_LIST} のどれかです。`,
  passwordFormat: (min: number) => `パスワードは ${min} 文字以上 256 文字以下にしてください。`,
  disabledFormat: 'disabled は true か false です。',
  labelFormat: 'ラベルは 1〜100 文字で指定してください（例 拡張機能 ノートPC）。',
  unknownKey: (key: string, allowed: string[]) => `「${key}」は指定できません（指定できるのは ${allowed.join('、')}）。`,
  noSuchUser: (login: string) => `利用者「${login}」はいません。`,
  userExists: (login: string) => `利用者「${login}」はすでにいます。変更するときは PATCH /api/v1/ws/users/${login} を使ってください。`,
  lastAdmin: '有効な「管理」の利用者がいなくなるため、この変更はできません。先に別の利用者を「管理」にしてください。',
  notOwnToken: '他の利用者のトークンは管理者だけが扱えます。',
  noSuchToken: (id: string) => `トークン #${id} はないか、すでに無効です。`,
  badPaging: 'offset は 0 以上、limit は 1〜500 の整数で指定してください。',

  // serve and the users command
  noAdminYet: (cmd: string) =>
    `作業画面の「管理」の利用者がまだいません。最初の管理者を次のコマンドで作ってください: ${cmd}`,
  cliAdded: (login: string, role: string) => `利用者「${login}」（${role}）を追加しました。`,
  cliPasswd: (login: string) => `利用者「${login}」のパスワードを変更しました（サインイン中のセッションは終了しました）。`,
  cliDisabled: (login: string) => `利用者「${login}」を無効にしました（セッションと個人トークンは直ちに使えなくなりました）。`,
  cliEnabled: (login: string) => `利用者「${login}」を有効に戻しました。`,
  cliPrompt: 'パスワード: ',
  cliPromptAgain: 'パスワード（確認）: ',
  cliMismatch: '2 回入力したパスワードが違います。もう一度実行してください。',
  cliNoTty: 'パスワードを入力できる端末がありません。--password-stdin を付けて、パスワードを標準入力から渡してください。',
  cliEmptyStdin: '標準入力からパスワードを読めませんでした（空です）。',
  cliNoUsers: '利用者はまだいません。jis-a11y users add で追加してください。',
  cliListHead: ['ログイン名', '表示名', '権限', '状態'],
  cliState: (disabled: boolean) => (disabled ? '無効' : '有効'),
  defaultTokenLabel: '個人トークン',
} as const;

// The Japanese words of the workspace's test data API (ws-data: dashboard, sheet, judgements, assignments,
// review queue, approval). Data only: every route answers with these, so a refusal reads the same everywhere.
// Outcome labels stay in rules-jis/labels-ja.ts; the refusals of a judgement come from rules-jis/judgement-conflicts.ts.

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
    `達成基準 ${criterion} は試験キットで「${per}」ごとに判断する達成基準です。${scope}でまとめて判断することはできません。ページごとに判断してください。`,
  scopeWords: { template: 'テンプレート', site: 'サイト全体' } as Record<string, string>,
  perWords: { page: 'ページ', template: 'テンプレート', site: 'サイト' } as Record<string, string>,
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
