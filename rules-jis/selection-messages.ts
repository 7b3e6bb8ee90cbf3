// The Japanese words of the page selection (JIS X 8341-3:2016 附属書JB.1.2): the warnings a selection carries
// into the selection result, `test select`, `test status` and the reports, the reasons a page was selected,
// and the sentences of the 試験結果 about draws. Data, kept apart from the selection logic
// (reports/selection/) so the CLI, the reports and later the workspace print the same words.
// The numbers behind the warnings are WAIC's: 40 pages is the guide to 「合否判定に十分なページ数」 (WAIC Q&A
// https://waic.jp/qa/ramdom-toppage/), and for a site of more than 100 pages the 試験実施ガイドライン
// (JIS X 8341-3:2016 試験実施ガイドライン 2020年12月版, https://waic.jp/docs/jis2016/test-guidelines/202012/)
// recommends method d) (代表ページ及びランダム).

/** WAIC's guide to the number of pages drawn at random. */
export const WAIC_RANDOM_GUIDE = 40;
/** Above this many pages WAIC's 試験実施ガイドライン recommends representative + random (JB.1.2 d). */
export const WAIC_METHOD_D_ABOVE = 100;

export const WAIC_TEST_GUIDELINE_JA = 'ウェブアクセシビリティ基盤委員会「JIS X 8341-3:2016 試験実施ガイドライン」（2020年12月版）';

export type SelectionWarningCode =
  | 'random-below-guide'
  | 'random-over-population'
  | 'site-size-method'
  | 'no-top-page'
  | 'no-form-page'
  | 'unmatched-representative'
  | 'not-audited'
  | 'test-not-selected'
  | 'plan-not-drawn'
  | 'draws-repeated'
  | 'suggestions-capped'
  | 'forms-grouped';

/** warning: the selection may not stand up to questions; note: what a reader should know about how it was made. */
export type SelectionWarningLevel = 'warning' | 'note';

export interface SelectionWarning {
  code: SelectionWarningCode;
  level: SelectionWarningLevel;
  message: string;
}

type Params = Record<string, string | number>;
const LEVEL: Record<SelectionWarningCode, SelectionWarningLevel> = {
  'random-below-guide': 'warning',
  'random-over-population': 'warning',
  'site-size-method': 'warning',
  'no-top-page': 'warning',
  'no-form-page': 'warning',
  'unmatched-representative': 'warning',
  'not-audited': 'warning',
  'test-not-selected': 'warning',
  'plan-not-drawn': 'note',
  'draws-repeated': 'note',
  'suggestions-capped': 'note',
  'forms-grouped': 'note',
};

const MESSAGES: Record<SelectionWarningCode, (p: Params) => string> = {
  'random-below-guide': (p) =>
    `ランダムに選んだページは ${p.n} ページです。WAIC の目安（合否判定に十分なページ数）は ${WAIC_RANDOM_GUIDE} ページです。` +
    `ランダムに選ぶページ数を ${WAIC_RANDOM_GUIDE} 以上にしてください（jis-a11y test select --random ${WAIC_RANDOM_GUIDE}）。`,
  'random-over-population': (p) =>
    `ランダムに ${p.n} ページを求めましたが、選べるページは ${p.pool} ページしかないため、その全 ${p.pool} ページを選びました。` +
    `ページ数が少ないサイトは「すべてのウェブページを選択」（JB.1.2 a）で試験できます。`,
  'site-size-method': (p) =>
    `対象のページは ${p.population} ページです。${WAIC_TEST_GUIDELINE_JA}は、${WAIC_METHOD_D_ABOVE} ページを超えるサイトでは` +
    `代表ページとランダムに選択したページを併せる方法（JB.1.2 d）を推奨しています（今の方法: ${p.method}）。`,
  'no-top-page': (p) => `代表ページにトップページ（${p.url}）が入っていません。トップページは代表ページに加えてください（--representative ${p.url}）。`,
  'no-form-page': (p) =>
    `入力欄（フォーム）のあるページが ${p.count} ページありますが、試験するページに 1 ページも入っていません（例: ${p.url}）。` +
    `フォームのページを代表ページに加えてください（--representative ${p.url}、または --accept-suggestions）。`,
  'unmatched-representative': (p) =>
    `代表ページの指定「${p.entry}」に一致するページが検査 #${p.run} の結果にありません。URL やパターンの綴りを確かめてください` +
    `（URL は https:// から、パターンは「/」から書きます。例: /bosai/*）。`,
  'not-audited': (p) =>
    `試験するページ ${p.url} が検査 #${p.run} で検査されていません（エラーになったか、巡回の範囲外です）。` +
    `このページの結果がないまま試験を終えることはできません。巡回し直すか、選択から外してください。`,
  'test-not-selected': (p) =>
    `試験 #${p.test} の試験するページはまだ選ばれていません（jis-a11y test select --test ${p.test}）。この報告書は「${p.method}」で選んだページで作りました。`,
  'plan-not-drawn': (p) => `抽選 #${p.id}（乱数の種「${p.seed}」、${p.plannedAt} に記録）は計画だけが記録され、行われていません。`,
  'draws-repeated': (p) =>
    `この試験では抽選を ${p.count} 回行いました（すべて記録しています）。使っているのは ${p.ordinal} 回目の抽選 #${p.id}（乱数の種「${p.seed}」）です。`,
  'suggestions-capped': (p) =>
    `ページの種類（テンプレート）の候補 ${p.clusters} 種類のうち、ページ数の多い順に ${p.shown} 種類（全 ${p.population} ページの ${p.percent}%）を提案しました。` +
    `ほかの種類で試験したいページは --representative で加えてください。`,
  'forms-grouped': (p) =>
    `入力欄のあるページが ${p.count} ページあり（共通の検索欄などと思われます）、すべては提案できないため、入力欄のあるページを種類ごとに 1 ページ提案しました（${p.shown} ページ）。`,
};

export function selectionWarning(code: SelectionWarningCode, params: Params = {}): SelectionWarning {
  return { code, level: LEVEL[code], message: MESSAGES[code](params) };
}

/** Why a page was selected (SelectedPage.reason). */
export const SELECTION_REASON_JA = {
  user: (entry: string, url: string) => (entry === url ? '利用者が指定' : `利用者が指定（${entry}）`),
  top: 'トップページ',
  form: 'フォームがあるページ（入力欄あり）',
  formOfTemplate: (count: number) => `フォームがあるページ（入力欄のある同じ種類のページ ${count} ページの代表）`,
  template: (key: string, count: number, applicable: number) => `テンプレート「${key}」の代表（同じ種類 ${count} ページから、適用される達成基準の数（${applicable} 件）と内容の量で選択）`,
  draw: (drawId: number, seed: string) => `抽選 #${drawId}（乱数の種「${seed}」）`,
  seeded: (seed: string) => `ランダム（乱数の種「${seed}」）`,
} as const;

/** The 試験結果's sentence on the draws: how many were made and which one is used. */
export function drawsSentenceJa(count: number, used: { ordinal: number; id: number; seed: string; plannedAt: string; population: number; n: number } | null): string {
  if (!used) return count ? `抽選の計画が ${count} 件記録されていますが、抽選は行われていません。` : '';
  const times = count === 1 ? '抽選は 1 回行いました' : `抽選は ${count} 回行い、${used.ordinal} 回目の結果を使用しました`;
  return `${times}（抽選 #${used.id}: 乱数の種「${used.seed}」を ${used.plannedAt} に記録してから、${used.population} ページから ${used.n} ページを抽選）。`;
}
