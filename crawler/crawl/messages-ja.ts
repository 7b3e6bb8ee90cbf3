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

  // the end of a run (crawl.ts)
  keyboardSampled: (makeups: number, skipped: number) =>
    `キーボード操作の検査は、作りの異なる ${makeups} ページで行い、同じ作りの ${skipped} ページでは省きました（全ページで行うには --interaction-every-page）。`,
  reusedPages: (reused: number, changed: number) => `変わっていない ${reused} ページは前回の結果を引き継ぎました（変わったページ ${changed} 件は検査し直しました）。`,
  siteChecks: (review: number) => `サイト全体の検査（タイトルの重複・ナビゲーションの順序・リンク名の一貫性）: 要確認 ${review} 件`,
} as const;

/** One line for the crawl's log. */
export type CrawlLog = (line: string) => void;
