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
