// 1.3.3 / 1.4.1: instructions that only work for someone who sees the page: position (右のボタン),
// shape (丸いアイコン, ●印) or colour (赤字の項目). Bare 上記/下記 follow reading order and are fine;
// 財政の赤字, 青色申告, 右のとおり (legal "as above") are not instructions and must not match.
const NOUN = '(?:ボタン|表|図|画像|写真|リンク|欄|メニュー|アイコン|項目|枠|マーク|印|地図|一覧|フォーム|入力欄|イラスト|グラフ|囲み|矢印|部分|バナー|箇所|ところ|列|エリア|ナビゲーション|タブ|見出し)';
const POSITION = new RegExp(
  // (?<![左右]): 「左右のメニュー」 names both sides, not one place on the screen
  `(?:画面|ページ)?の?(?<![左右])(?:右上|右下|左上|左下|右側|左側|右端|左端|右横|左横|右隣|左隣|右|左)(?:に(?:ある|表示されている|並んでいる|配置された)|の)${NOUN}`,
  'g',
);
const SHAPE = new RegExp(
  `(?:丸い|四角い|三角の|丸形の|四角形の|星形の|ひし形の|円形の|矢印の|虫眼鏡の|虫めがねの)${NOUN}|[●○◎■□◆◇▲△▼▽★☆](?:印|マーク)|(?:丸|三角|四角|星|二重丸)(?:印|マーク)(?:の|が|を|で|は|に)|(?:丸|赤丸|青丸)で囲`,
  'g',
);
const COLOUR_NAME = '(?:赤|青|緑|黄|黄色|オレンジ|ピンク|紫|茶|灰|グレー|黒|白|水|赤色|青色|緑色|黄色い|赤い|青い|黒い|白い|オレンジ色|ピンク色|紫色|茶色|灰色|水色)';
// Colour as an adjective: 赤い, 緑色の, オレンジ色の.
const COLOUR_ADJ = '(?:(?:赤|青|黄色|白|黒)い|(?:赤|青|緑|黄|紫|茶|灰|水|オレンジ|ピンク|黄緑)色の|(?:オレンジ|ピンク|グレー)の)';
const COLOUR = new RegExp(
  // 赤字 alone also means a deficit (財政の赤字に転落): only 赤字/青字 followed by what they mark count.
  `(?:赤|青|緑)字(?:の(?:項目|部分|箇所|欄|文字|ところ|日|語)|で(?:示|表示|記載|書|記|強調)|部分)` +
    `|${COLOUR_NAME}文字(?:の|で|が|は|に|部分)|(?:赤い|青い)字(?:の|で|が|は)` +
    `|${COLOUR_NAME}(?:色)?(?:で(?:示|表示|記載|書|囲|塗|強調|色分け|表|記)|の(?:文字|字|項目|部分|箇所|枠|線|ボタン|マーク|印|セル|エリア|背景|ところ|欄|アイコン|網掛け|表示|日付|日))` +
    `|(?:赤|青|黄|緑)(?:枠|線)(?:の|で|内|に|が)` +
    // 「赤い線で示した区間」「青い棒は男性」: a coloured mark in a map or chart named by its colour alone.
    `|(?:赤|青|緑|黄色|オレンジ|ピンク|紫|茶色|灰色|水色)(?:い|色の|の)(?:線|棒|点|丸|矢印|ピン|枠|印|マーク|セル|背景|網掛け|エリア|区域|範囲|ライン|折れ線)(?:で|は|が|の|を|に|と)` +
    `|色(?:の付いた|のついた|が付いた|がついた|付きの|つきの|分けされた|が変わ)` +
    // 「下の赤いボタンを押して」「緑色のアイコン」: a control or mark of the page named by its colour, with no の needed.
    // Only nouns of a page's parts: 赤い羽根共同募金, 青い鳥, 黄色いハンカチ are names, not instructions.
    `|${COLOUR_ADJ}(?:ボタン|アイコン|リンク|バナー|タブ|ボックス|ラベル|マーク|印|矢印|枠|欄|項目|文字|字|見出し|セル|ピン)`,
  'g',
);

// The same kinds in English (foreign-language pages of a site, W3C ACT 9bd38c): "the menu on the right",
// "the triangle menu", "underneath the star". Bare "above"/"below" follow reading order and are fine.
const SHAPE_NOUN_EN = '(?:star|triangle|circle|square|diamond|arrow|icon|image|box)';
const POSITION_EN = /\b(?:menu|navigation|button|link|links|image|icon|column|sidebar|box|panel|list)\s+(?:on|to|at)\s+the\s+(?:right|left)\b|\b(?:on|at)\s+the\s+(?:right|left)(?:-hand)?\s+(?:side|column)\b/gi;
const SHAPE_EN = new RegExp(`\\b(?:round|square|triangle|triangular|star|star-shaped|circle|circular|diamond)\\s+(?:button|icon|menu|link|box|shape)\\b|\\b(?:underneath|beneath|inside|within|next to)\\s+the\\s+${SHAPE_NOUN_EN}\\b`, 'gi');

export interface SensoryHit {
  kind: 'position' | 'shape' | 'colour';
  text: string;
}

/**
 * The text with what it quotes in 「」 taken out: a quotation (「右のボタンを押して」とだけ書いている, 書名
 * 「青い鳥文庫」, 記載例「右記の者は…」) shows or names words, it does not instruct the reader.
 */
export function unquoted(text: string): string {
  let t = text;
  // innermost first, until nothing quoted is left (「「右のボタン」を押す」)
  for (let prev = ''; prev !== t; ) [prev, t] = [t, t.replace(/「[^「」]*」/g, '')];
  return t;
}

export function sensoryWords(text: string): SensoryHit[] {
  const hits: SensoryHit[] = [];
  const t = unquoted(text);
  for (const m of t.matchAll(POSITION)) hits.push({ kind: 'position', text: m[0] });
  for (const m of t.matchAll(SHAPE)) hits.push({ kind: 'shape', text: m[0] });
  for (const m of t.matchAll(POSITION_EN)) hits.push({ kind: 'position', text: m[0] });
  for (const m of t.matchAll(SHAPE_EN)) hits.push({ kind: 'shape', text: m[0] });
  return hits;
}

export function colourWords(text: string): SensoryHit[] {
  return [...unquoted(text).matchAll(COLOUR)].map((m) => ({ kind: 'colour' as const, text: m[0] }));
}
