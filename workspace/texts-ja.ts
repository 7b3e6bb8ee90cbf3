// Every Japanese word of the web app's own screens (the words of outcomes, marks, roles and judgements come from
// rules-jis/labels-ja.ts and rules-jis/roles.ts and are never copied here). Data only.
import { JUDGED_OUTCOME_LABEL_JA as OUTCOME, JUDGEMENT_MARK_JA as MARK, JUDGEMENT_RESULT_LABEL_JA as RESULT, JUDGEMENT_SCOPE_LABEL_JA, RESULT_MARK_JA } from '../rules-jis/labels-ja.js';

export const APP_NAME_JA = 'jis-a11y ワークスペース';

export const VIEW_TITLE_JA = {
  signin: 'サインイン',
  dashboard: 'ダッシュボード',
  sheet: '試験シート',
  page: JUDGEMENT_SCOPE_LABEL_JA.page,
  queue: '確認待ち',
  approval: '承認',
  users: '利用者',
  notFound: 'ページが見つかりません',
} as const;

export type ViewId = keyof typeof VIEW_TITLE_JA;

export const SHELL_JA = {
  skip: '本文へ移動',
  nav: 'ワークスペースのメニュー',
  signedInAs: (name: string, role: string) => `${name}（${role}）でサインイン中`,
  signOut: 'サインアウト',
  loading: '読み込み中です…',
  sessionEnded: 'サインインの有効期限が切れました。もう一度サインインしてください。',
  network: 'サーバーに接続できませんでした。ネットワークを確かめて、もう一度お試しください。',
  notFound: 'このアドレスの画面はありません。メニューから選んでください。',
} as const;

export const SIGNIN_JA = {
  intro: '試験を進めるには、管理者から受け取ったログイン名とパスワードでサインインしてください。',
  login: 'ログイン名',
  password: 'パスワード',
  submit: 'サインイン',
  missing: 'ログイン名とパスワードを入力してください。',
} as const;

export const DASHBOARD_JA = {
  runs: '最近の検査',
  noRuns: 'まだ検査がありません。',
  started: '開始',
  status: '状態',
  pages: 'ページ',
  rate: '速度',
  errors: 'エラー',
  eta: '残り時間',
  perMinute: (n: number) => `毎分 ${n.toLocaleString('ja-JP')} ページ`,
  progressLabel: (done: number, total: number) => `検査の進み具合: ${done.toLocaleString('ja-JP')} / ${total.toLocaleString('ja-JP')} ページ`,
  runStatus: { running: '実行中', done: '完了', finished: '完了', failed: '失敗', stopped: '中断', interrupted: '中断', queued: '待機中' } as Record<string, string>,
  test: '今年度の試験',
  noTest: '実施中の試験はありません。CLI の `jis-a11y test new` で作成してください。',
  period: '試験実施期間',
  completion: '判定の進み具合',
  completionText: (decided: number, cells: number) => `${cells.toLocaleString('ja-JP')} 項目のうち ${decided.toLocaleString('ja-JP')} 項目に結果があります`,
  claimToday: '今日の時点で表明できる対応度',
  blockers: 'まだ残っていること',
  trend: '年度ごとの推移',
  year: '年度',
  claim: '対応度',
  failing: '満たしていない達成基準の数',
  violations: '不適合の指摘',
  fiscalYear: (y: number | string) => `${y}年度`,
  schedules: '定期検査',
  noSchedules: '定期検査は設定されていません。',
  next: '次回',
  runNow: '今すぐ検査',
  started202: (name: string) => `定期検査「${name}」を開始しました。`,
  polling: '実行中の検査の進み具合は数秒ごとに更新されます。',
} as const;

export const SHEET_JA = {
  filters: '絞り込み',
  criterion: '達成基準',
  page: 'ページ（URL の一部）',
  state: '状態',
  assignee: '担当者',
  all: 'すべて',
  apply: '絞り込む',
  grid: '試験シート（ページ × 達成基準）',
  gridHelp: '矢印キーでセルを移動し、Enter キーでセルを選びます。色だけでなく記号と文字でも状態を示します。',
  pageColumn: 'ページ',
  kind: { representative: '代表', random: 'ランダム' } as Record<string, string>,
  legend: '凡例',
  range: (from: number, to: number, total: number) => `${total.toLocaleString('ja-JP')} ページ中 ${from.toLocaleString('ja-JP')}〜${to.toLocaleString('ja-JP')} ページ目`,
  prev: '前のページ群',
  next: '次のページ群',
  selected: '選んだセル',
  noSelection: 'セルを選ぶと、ここに詳しい内容と操作が出ます。',
  openPage: 'このページを開いて判定する',
  assign: '担当を割り当てる',
  assignWhole: 'この達成基準のすべてのセル',
  due: '期限',
  assignDone: (who: string) => `${who} さんに割り当てました。`,
  bulk: 'まとめて判定',
  bulkTemplate: (t: string) => `テンプレート「${t}」の全ページ`,
  bulkSite: 'サイト全体',
  bulkHelp: 'この達成基準は手順書でテンプレートごと・サイト全体で判定するものとされています。',
  judged: '判定を記録しました。',
  empty: '条件に合うセルはありません。',
  unassigned: '未割り当て',
} as const;

/** The state of a sheet cell: the symbol and the word shown in it (colour is never the only cue). */
export const CELL_STATE_JA: Record<string, { mark: string; word: string }> = {
  fail: { mark: RESULT_MARK_JA.fail, word: `自動で${OUTCOME.fail}` },
  review: { mark: '?', word: OUTCOME.review },
  untested: { mark: '・', word: OUTCOME.untested },
  recheck: { mark: '!', word: OUTCOME.recheck },
  pass: { mark: MARK.pass, word: RESULT.pass },
  'fail-judged': { mark: MARK.fail, word: `${RESULT.fail}（判定）` },
  na: { mark: MARK.inapplicable, word: RESULT.inapplicable },
  inapplicable: { mark: MARK.inapplicable, word: RESULT.inapplicable },
};

export const PAGE_JA = {
  screenshot: 'スクリーンショット（番号は指摘の番号）',
  noScreenshot: 'このページのスクリーンショットはありません（選ばれたページだけ検査時に撮ります）。',
  findings: '指摘',
  noFindings: 'このページの自動検査による指摘はありません（指摘がないことは適合を意味しません）。',
  openLive: 'このページを新しいタブで開く',
  newTab: '（新しいタブで開きます）',
  criterion: '判定する達成基準',
  procedure: '手順書の確認方法',
  judgement: '判定',
  result: '結果',
  note: '注記',
  noteHelp: '公開する注記です。判断の根拠を書いてください。',
  waiver: '免除の理由（自動の不適合を免除する場合だけ）',
  evidence: '証跡（スクリーンショット PNG・JPEG、2 MB まで）',
  evidenceNote: '証跡のメモ',
  submit: '判定を記録する',
  refused: '記録できませんでした',
  recorded: '判定を記録しました。',
  judgements: 'このページの判定',
  noJudgements: 'まだ判定はありません。',
  noPage: '表示するページが指定されていません。試験シートからページを選んでください。',
  template: 'テンプレート',
  recheck: '再確認（判定のあとでページが変わりました）',
  evidenceList: 'この達成基準の証跡',
  evidenceImage: '証跡の画像',
  findingNo: (n: number) => `指摘 ${n}`,
  tooBig: '証跡の画像は 2 MB までです。小さくしてから選び直してください。',
} as const;

export const QUEUE_JA = {
  intro: '要確認の指摘をルールとテンプレートごとにまとめています。一つの判定が、同じテンプレートのすべてのページに当てはまります。',
  empty: '確認待ちの指摘はありません。',
  pagesFirst: (n: number) => `この判定が当てはまる ${n.toLocaleString('ja-JP')} ページ`,
  count: (n: number) => `指摘 ${n.toLocaleString('ja-JP')} 件`,
  decide: 'このテンプレートの全ページに判定する',
  decided: (n: number) => `${n.toLocaleString('ja-JP')} ページに判定を記録しました。`,
  template: 'テンプレート',
} as const;

export const APPROVAL_JA = {
  ready: '試験は完了しています。承認すると表明日が決まり、試験結果のファイル（HTML、埋め込み用、XLSX、PDF、JSON）を新しい版として書き出します。',
  notReady: '試験はまだ完了していません。承認の前に次のことを終えてください。',
  draft: '公開される試験結果（下書き）',
  draftFrame: '試験結果の下書き',
  openDraft: '下書きを新しいタブで開く',
  approve: '承認して公開する',
  confirm: '承認すると表明日が今日に決まります。よろしければもう一度押してください。',
  approved: (v: number) => `第 ${v} 版として承認し、ファイルを書き出しました。`,
  versions: 'これまでの版',
  noVersions: 'まだ承認された版はありません。',
  version: (v: number) => `第 ${v} 版`,
  approvedAt: '承認日時',
  approvedBy: '承認者',
  files: 'ファイル',
} as const;

export const USERS_JA = {
  list: '利用者一覧',
  login: 'ログイン名',
  displayName: '表示名',
  role: '役割',
  status: '状態',
  active: '有効',
  disabled: '無効',
  add: '利用者を追加',
  password: '初期パスワード（12 文字以上）',
  create: '追加する',
  created: (n: string) => `${n} さんを追加しました。`,
  save: '役割を変更',
  saved: (n: string) => `${n} さんを更新しました。`,
  disable: '無効にする',
  enable: '有効にする',
  token: '個人トークンを発行',
  tokenShown: 'このトークンは一度しか表示されません。拡張機能の設定に貼り付けてください。',
} as const;

export const FORM_JA = {
  required: '（必須）',
  saving: '送信中です…',
} as const;
