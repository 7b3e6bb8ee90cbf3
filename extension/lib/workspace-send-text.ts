// The Japanese messages of sending judgements to the workspace (lib/workspace-send.ts): data, kept apart from
// the code that sends. Each failure says what is wrong and how to fix it.
export const WS_SEND_JA = {
  noSettings: 'ワークスペースのアドレスと個人用トークンが設定されていません。拡張機能の設定画面で入力してください。',
  nothing: 'このページには送る判断結果がありません。チェックリストで判断してから送ってください。',
  denied: (origin: string) => `ワークスペース（${origin}）への送信が許可されませんでした。もう一度「ワークスペースへ送る」を押し、表示される確認で許可してください。`,
  sending: (n: number) => `ワークスペースへ ${n} 件を送っています…`,
  network: (origin: string, why: string) =>
    `ワークスペース（${origin}）につながりませんでした（${why}）。設定画面のアドレスが正しいか、ネットワークにつながっているかを確かめてから、もう一度送ってください。`,
  unauthorized: '個人用トークンが違うか、無効になっています（401）。ワークスペースの「個人用トークン」で新しいトークンを作り、拡張機能の設定画面に貼り付けてから、もう一度送ってください。',
  forbidden: (msg: string) => `この個人用トークンの利用者には判断結果を記録する権限がありません（403）: ${msg} 確認者以上の権限をワークスペースの管理者に依頼してください。`,
  httpError: (status: number, msg: string) => `ワークスペースがエラーを返しました（${status}）: ${msg}`,
  badReply: (status: number) => `ワークスペースの応答を読めませんでした（${status}）。設定画面のアドレスがワークスペースのものか確かめてください。`,
  sent: (n: number) => `${n} 件を送りました。`,
  refused: (n: number, reasons: string) => `${n} 件は受け付けられませんでした: ${reasons}`,
  failed: (n: number, reasons: string) => `${n} 件は送れませんでした: ${reasons}`,
  state: (judged: number, by: readonly string[]) =>
    judged ? `ワークスペースの試験では、このページの達成基準 ${judged} 件が判断済みです（${by.join('、')}）。` : 'ワークスペースの試験では、このページはまだ判断されていません。',
  pageUnknown: (url: string) => `公開時の URL「${url}」のページはワークスペースにまだありません（巡回されていません）。公開時の URL が正しいか確かめてください。`,
  stateFailed: (why: string) => `ワークスペースでのこのページの状態を読めませんでした: ${why}`,
} as const;
