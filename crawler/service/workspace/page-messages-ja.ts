// The Japanese answers of the page view, the files and the evidence routes (page-routes.ts, evidence-routes.ts).
// Each says what is wrong (which key, which URL, which limit) and what to do.

const mib = (n: number) => `${(n / 1048576).toLocaleString('ja-JP', { maximumFractionDigits: 1 })} MB`;

export const PAGE_MESSAGES_JA = {
  urlMissing: 'ページの URL を url パラメーターで指定してください（例: /api/v1/ws/pages?url=https://www.pref.example.jp/）。',
  pageNotFound: (url: string) => `${url} は検査の記録にありません。巡回の範囲に入っているか、URL の書き方（末尾の / など）が記録と同じかを確かめてください。`,
  kitNotFound: (id: string) => `達成基準「${id}」の手順はありません。手順は適合レベル A と AA の 38 の達成基準（1.1.1 〜 4.1.2）にあります。`,
  fileNotFound: 'そのファイルはありません。ファイルの URL は /api/v1/ws/files/ の後に SHA-256（16 進 64 文字）を付けた形です。',

  imageTooLarge: (max: number) => `画像が大きすぎます（上限 ${mib(max)}）。画面の必要な部分だけを切り取るか、JPEG で保存し直してから送ってください。`,
  noteTooLong: (max: number, length: number) => `メモが長すぎます（${length.toLocaleString('ja-JP')} 文字、上限 ${max.toLocaleString('ja-JP')} 文字）。要点だけを書くか、画像の証跡を添えてください。`,
  noteEmpty: 'メモが空です。note に確認した内容を書いてください。',
  notImage: 'PNG か JPEG の画像だけを受け付けます。送られたファイルの中身は PNG でも JPEG でもありません（ファイル名や Content-Type ではなく中身で判断しています）。',
  badImage: (cause: string) => `画像を読み込めません（壊れているか、大きすぎます: ${cause}）。画像を保存し直してから送ってください。`,
  badBody: '証跡は、画像（PNG か JPEG）をそのまま本文として送るか、JSON {"note": "…", "pageUrl": "…", "criterion": "1.1.1"} で送ってください。',
  badPageUrl: (given: string) => `pageUrl は http:// か https:// で始まる URL で指定してください（指定: ${JSON.stringify(given.slice(0, 200))}）。`,
  badCriterion: (given: string) => `criterion は達成基準の番号（例: 1.1.1）で指定してください（指定: ${JSON.stringify(given.slice(0, 50))}）。`,
} as const;
