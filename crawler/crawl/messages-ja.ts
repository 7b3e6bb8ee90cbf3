// Every Japanese sentence the crawl says, in one place: the log lines (the CLI prints them, the service
// prefixes them with the schedule's name, crawler/service/scheduler.ts) and the errors it stores or throws.
// The crawl's modules call these instead of writing sentences inline, so the wording is kept and reviewed here.

export const CRAWL_MESSAGES_JA = {
  // opening a run (run-setup.ts)
  noRunToResume: () => '再開できる検査（中断した検査）がありません。',
  noSuchRun: (runId: number) => `検査 #${runId} がありません。`,
  runFinishedAlready: (runId: number) => `検査 #${runId} は完了しています。再開の必要はありません。`,
  resumed: (runId: number, back: number) => `検査 #${runId} を再開します（途中だった ${back} 件をやり直します）。`,
  started: (runId: number, startUrls: string[]) => `検査 #${runId} を開始します: ${startUrls.join(', ')}`,
  reusingPrevious: (prevRunId: number) => `前回の検査 #${prevRunId} から変わっていないページは、その結果を引き継ぎます（全ページ検査し直すには --full）。`,
  lockFailuresReopened: (n: number) => `前回、検査結果のファイルが使用中で保存できなかった ${n} ページを検査し直します。`,

  // the run's lease (run-lease.ts, run-setup.ts): one crawl per run, and one crawl of a site per store
  runHeld: (l: LeaseFacts) =>
    `検査 #${l.runId} は、ほかの jis-a11y が実行中です（${holderText(l)}）。同じ検査を二つのプロセスで同時に進めることはできないため、再開しませんでした。` +
    `そのプロセスが終わるのを待ってください。そのプロセスが異常終了している場合は、期限の ${timeText(l.expiresAt)} を過ぎると --resume で再開できます` +
    '（そのプロセスが止まっていることが確かなら、--force で今すぐ引き継げます）。',
  sameSiteRunning: (l: LeaseFacts, startUrls: string[]) =>
    `同じ開始 URL（${startUrls.join(', ')}）の検査 #${l.runId} を、ほかの jis-a11y が実行中です（${holderText(l)}）。` +
    '同じサイトを二重に巡回しないよう、新しい検査は開始しませんでした。そのプロセスが終わるのを待ってください。' +
    `そのプロセスが異常終了している場合は、期限の ${timeText(l.expiresAt)} を過ぎてから jis-a11y crawl --resume ${l.runId} で続きを再開できます（別の検査として今すぐ始めるには --force）。`,
  otherCrawlsWriting: (runIds: number[]) =>
    `注意: 同じ検査結果のファイルに、ほかの jis-a11y が別の検査（#${runIds.join('、#')}）を書き込み中です。書き込みは一つずつ行われるので結果が混ざることはありませんが、少し遅くなることがあります。`,
  reapedDead: (l: LeaseFacts) =>
    `検査 #${l.runId} を実行していたプロセス（${l.host}、PID ${l.pid}）は終了しているため、その検査を「中断」として記録しました（jis-a11y crawl --resume ${l.runId} で再開できます）。`,
  reapedExpired: (l: LeaseFacts) =>
    `検査 #${l.runId} を実行していたプロセス（${l.host}、PID ${l.pid}）は ${timeText(l.heartbeatAt)} から応答がなく期限が切れたため、その検査を「中断」として記録しました（jis-a11y crawl --resume ${l.runId} で再開できます）。`,
  forcedTakeover: (l: LeaseFacts) =>
    `--force の指定により、検査 #${l.runId} をほかのプロセス（${holderText(l)}）から引き継ぎます。そのプロセスがまだ動いている場合は、引き継がれたことに気づいた時点で止まります。`,
  leaseLost: (runId: number, by: LeaseFacts | null) =>
    `検査 #${runId} は、このプロセスの応答が途絶えた間に${by ? `ほかの jis-a11y（${by.host}、PID ${by.pid}）` : 'ほかの jis-a11y'}に引き継がれました。` +
    '二重に書き込まないよう、このプロセスでの検査をやめます。',
  leaseRenewFailed: (cause: string) => `実行中の印（リース）を更新できませんでした。このまま続け、次の機会にもう一度更新します: ${cause}`,

  // the store's transient trouble (item-handler.ts)
  storeBusyRedo: (url: string, redo: number) => `検査結果のファイルが使用中のため、このページの結果を保存できませんでした。少し待ってから検査し直します（${redo} 回目）: ${url}`,
  storeBusyTake: (redo: number) => `検査結果のファイルが使用中のため、次に検査する URL を読めませんでした。少し待ってからもう一度読みます（${redo} 回目）。`,

  // seeding the frontier (discovery.ts)
  urlListAdded: (added: number) => `URL リストから ${added} 件を追加しました。`,
  sitemapProblem: (url: string, problem: string) => `${problem}: ${url}`,
  sitemapAdded: (read: number, added: number) => `サイトマップから ${read} 件の URL を読み、${added} 件を追加しました。`,
  sitemapStopped: (read: number) => `検査するページの上限（maxPages）に達したため、サイトマップは ${read} 件目で読むのをやめました。`,

  // one frontier item (page-task.ts, crawl.ts)
  retrying: (url: string, failures: number, code: string, waitMs?: number | null) =>
    `再試行します（${failures}回目の失敗: ${code}${waitMs ? `。サーバーの求めに応じて、このホストへのアクセスを ${Math.ceil(waitMs / 1000)} 秒空けます` : ''}）: ${url}`,
  pageError: (code: string, message: string) => `エラー（${code}）: ${message}`,
  browserDied: (url: string, cause: string) => `${url} の検査中にブラウザが異常終了しました: ${cause}`,
  unexpected: (url: string, cause: string) => `${url} の処理中に予期しないエラーが起きました: ${cause}`,

  // documents (document-task.ts, document-fetch.ts)
  documentTooLarge: (url: string, maxBytes: number, bytes?: number | null) =>
    `${url} は ${bytes ? `${Math.ceil(bytes / 1048576)} MB あり、` : ''}文書の大きさの上限（${Math.round(maxBytes / 1048576)} MB、maxDocumentBytes）を超えるため、中身を検査しませんでした。` +
    '大きな文書は分割して掲載するか、上限を上げて検査してください（--max-document-bytes）。',
  documentUnreachable: (url: string, cause: string) => `${url} を取得できません（${cause}）。`,
  documentTimeout: (url: string) => `${url} の取得が時間内に終わりませんでした（--timeout）。`,
  documentError: (url: string, code: string, message: string) => `文書のエラー（${code}）: ${url}: ${message}`,
  documentsChecked: (checked: number, reused: number, findings: number) =>
    `文書 ${checked} 件の中身を検査しました（うち前回から変わっていない ${reused} 件は前回の結果を引き継ぎました）。文書の指摘 ${findings} 件。`,

  // the end of a run (crawl.ts)
  keyboardSampled: (makeups: number, skipped: number) =>
    `キーボード操作の検査は、テンプレートか本文の部品の種類が新しい ${makeups} ページで行い、検査済みの部品だけでできた ${skipped} ページでは省きました（全ページで行うには --interaction-every-page）。`,
  reusedPages: (reused: number, changed: number) => `変わっていない ${reused} ページは前回の結果を引き継ぎました（変わったページ ${changed} 件は検査し直しました）。`,
  screenshotTooLarge: (url: string) => `${url} の画面は容量の上限を超えたため、撮影した画像を保存しませんでした（ページの画面には表示されません）。`,
  screenshotsNotOnPostgres: () =>
    'PostgreSQL のストアでは、画面のスクリーンショットはまだ保存できません（今後の版で対応する予定です）。今回の検査では撮影しません（検査の結果には影響しません）。',
  screenshotFailed: (url: string, cause: string) => `${url} の画面を撮影できませんでした（検査の結果には影響しません）: ${cause}`,
  screenshotsTaken: (taken: number, carried: number, failed: number) =>
    `選ばれたページの画面を ${taken} 件撮影しました${carried ? `（変わっていない ${carried} 件は前回の画像を引き継ぎました）` : ''}${failed ? `。撮影できなかったページ ${failed} 件` : ''}。`,
  siteChecks: (review: number) => `サイト全体の検査（タイトルの重複・ナビゲーションの順序・リンク名の一貫性）: 要確認 ${review} 件`,
} as const;

/** What the lease messages tell about a holder (crawler/store/types.ts Lease). */
export interface LeaseFacts {
  runId: number;
  host: string;
  pid: number;
  acquiredAt: string;
  heartbeatAt: string;
  expiresAt: string;
}

/** A time as people here read it: local, 2026/11/30 14:05:09. */
export const timeText = (iso: string): string => new Date(iso).toLocaleString('ja-JP');

const holderText = (l: LeaseFacts) => `ホスト ${l.host}、PID ${l.pid}、${timeText(l.acquiredAt)} から実行、最後の応答 ${timeText(l.heartbeatAt)}`;

/** One line for the crawl's log. */
export type CrawlLog = (line: string) => void;
