// The words of the checklist's exports (lib/exports.ts) and of the 公開時の URL settings (components/jis-publish.ts).
import { OUTCOME_LABEL_JA } from '../../rules-jis/labels-ja.js';

export const EXPORT_JA = {
  header: ['公開時の URL', '達成基準', '達成基準名', '適合レベル', '範囲', '結果', '注記', '確認者', '判断日時（日本時間）', '自動チェック'],
  sheet: '判断結果',
  pageScope: 'このページ',
  siteScope: 'テンプレート・サイト全体',
  notAudited: OUTCOME_LABEL_JA.untested,
  title: (url: string) => `アクセシビリティ確認の判断結果（${url}）`,
  caption: (n: number) => `達成基準ごとの判断 ${n} 件`,
  publicUrl: '公開時の URL',
  previewUrl: '判断したページ（プレビュー）',
  written: '書き出した日時',
} as const;

export const PUBLISH_JA = {
  heading: '判断結果の行き先（公開時の URL）',
  explain:
    'CMS のプレビューで判断した結果は、公開されるページの URL で書き出します。サイトごとに一度、プレビューと公開時の URL の先頭部分を登録すると、以後は自動で置き換えます（token などのプレビュー用のパラメーターは取り除きます）。',
  publicUrlLabel: '公開時の URL（このページ）',
  publicUrlHint: '空欄なら、登録した置き換えの規則で決めます。',
  ruleFrom: 'プレビューの URL の先頭',
  ruleTo: '公開時の URL の先頭',
  saveRule: '置き換えの規則を登録',
  ruleSaved: (from: string, to: string) => `規則を登録しました: ${from} → ${to}`,
  exportsTo: (url: string) => `書き出し先の URL: ${url}`,
  exportJson: 'JSON で書き出す',
  exportXlsx: 'Excel（XLSX）で書き出す',
  exportHtml: '印刷用の HTML で書き出す',
  exported: (n: number, file: string) => `判断結果 ${n} 件を ${file} に書き出しました。`,
  workspaceHint:
    '設定画面でワークスペースのアドレスと個人用トークンを設定すると、「ワークスペースへ送る」で判断結果を公開時の URL のままワークスペースへ送れます。',
} as const;
