// Unit tests of the pure parts of the issue-17 static rules (rules-jis/text): the table grid, the top page, link and
// frame texts, CSS content, form words, images of notices, reading order and language identification.
import { describe, expect, it } from 'vitest';
import { analyzeHeaders, buildGrid, headerRole, raggedRows, type CellInput } from '../../rules-jis/text/table-grid.js';
import { folderOf, isRootPath, isTopPage } from '../../rules-jis/text/home.js';
import { rawLinkText } from '../../rules-jis/text/link-raw.js';
import { frameTitleProblem } from '../../rules-jis/text/frame-title.js';
import { contentText, meaningfulContent } from '../../rules-jis/text/css-content.js';
import { explainsMark, isHintText, isReddish, markGlyphs, saysRequired, yesNoOptions } from '../../rules-jis/text/form.js';
import { decorativeFileName, looksLikeImageOfNotice, noticeGaps } from '../../rules-jis/text/image-text.js';
import { firstInversion } from '../../rules-jis/text/reading-order.js';
import { confirmsLanguage, otherLanguage, partLanguageMismatch } from '../../rules-jis/text/language-id.js';
import { colourWords } from '../../rules-jis/text/sensory.js';

const th = (o: Partial<CellInput> = {}): CellInput => ({ header: true, colspan: 1, rowspan: 1, scope: '', hasHeaders: false, id: '', filled: true, ...o });
const td = (o: Partial<CellInput> = {}): CellInput => th({ header: false, ...o });

describe('table grid (1.3.1)', () => {
  it('lays spans out and finds short rows', () => {
    const g = buildGrid([[th({ rowspan: 2 }), th({ colspan: 2 })], [th(), th()], [td(), td(), td()], [td(), td()]]);
    expect(g.width).toBe(3);
    expect(g.slots[1]).toEqual([0, 2, 3]);
    expect(raggedRows(g)).toEqual([3]);
  });
  it('two header rows with merged cells are complex; a plain header row is not', () => {
    const two = buildGrid([[th({ rowspan: 2 }), th({ colspan: 2 })], [th(), th()], [th(), td(), td()], [th(), td(), td()]]);
    expect(analyzeHeaders(two).complex).toBe(true);
    const plain = buildGrid([[th(), th()], [td(), td()], [td(), td()]]);
    expect(analyzeHeaders(plain).complex).toBe(false);
  });
  it('a header cell among data cells both ways heads nothing', () => {
    const g = buildGrid([[th(), th(), th()], [td(), td(), td()], [td(), th(), td()]]);
    const orphan = g.cells[7];
    expect(headerRole(g, orphan)).toBe('none');
    expect(analyzeHeaders(g).orphanHeaders).toEqual([orphan]);
    expect(headerRole(g, g.cells[0])).toBe('column');
  });
  it('scope decides over position', () => {
    const g = buildGrid([[th(), th()], [td(), th({ scope: 'row' })]]);
    expect(headerRole(g, g.cells[3])).toBe('row');
  });
});

describe('top page (2.4.2)', () => {
  it('folds top files away', () => {
    expect(folderOf('/portal/index.html')).toBe('/portal/');
    expect(isRootPath('/top.html')).toBe(true);
    expect(isRootPath('/kurashi/top.html')).toBe(false);
  });
  it.each([
    [{ pathname: '/', homeLinks: [], links: [] }, true],
    [{ pathname: '/city/', homeLinks: ['/city/'], links: ['/city/'] }, true],
    [{ pathname: '/portal/', homeLinks: [], links: ['/portal/kurashi/'] }, true],
    [{ pathname: '/kurashi/gomi.html', homeLinks: ['/'], links: ['/'] }, false],
    [{ pathname: '/kurashi/top.html', homeLinks: ['/'], links: ['/'] }, false],
    [{ pathname: '/portal/', homeLinks: [], links: ['/'] }, false],
  ])('%o → %s', (facts, top) => expect(isTopPage(facts)).toBe(top));
});

describe('link and frame texts (2.4.4, 4.1.2)', () => {
  it.each([
    ['kouhou_2026_04.pdf', 'file-name'],
    ['https://www.city.kawase.lg.jp/soshiki/3/12345.html', 'url'],
    ['https://www.pref.hibari.lg.jp/event.cgi?id=2031', 'url'],
    ['https://www.city.kawase.lg.jp/', null],
    ['www.mhlw.go.jp', null],
    ['広報かわせ 2026年4月号（PDF：2.1MB）', null],
  ])('%s → %s', (t, want) => expect(rawLinkText(t)).toBe(want));
  it.each([
    ['iframe', 'generic'],
    ['無題', 'generic'],
    ['frame1', 'generic'],
    ['YouTube video player', 'generic'],
    ['map_embed.html', 'file-name'],
    ['地図', null],
    ['県庁周辺の地図', null],
    ['', null],
  ])('frame title %s → %s', (t, want) => expect(frameTitleProblem(t)).toBe(want));
  it('a title that repeats the src file name', () => expect(frameTitleProblem('embed01', '/maps/embed01')).toBe('file-name'));
});

describe('CSS content (1.3.1 F87)', () => {
  it('reads quoted strings and escapes', () => {
    expect(contentText('"必須"')).toBe('必須');
    expect(contentText('"\\e900"')).toBe('\ue900');
    expect(contentText('none')).toBe('');
  });
  it.each([['"必須"', true], ['"NEW "', true], ['"「"', false], ['"・"', false], ['"\\e900"', false], ['"→"', false], ['counter(item) "."', false]])(
    '%s meaningful: %s',
    (v, want) => expect(meaningfulContent(v)).toBe(want),
  );
});

describe('form words (1.3.1, 3.3.2, 1.4.1)', () => {
  it('yes/no answers', () => {
    expect(yesNoOptions(['はい', 'いいえ'])).toBe(true);
    expect(yesNoOptions(['有', '無'])).toBe(true);
    expect(yesNoOptions(['子育て', '福祉'])).toBe(false);
    expect(yesNoOptions(['はい'])).toBe(false);
  });
  it('hints', () => {
    expect(isHintText('半角数字で入力してください')).toBe(true);
    expect(isHintText('（例：123-4567）')).toBe(true);
    expect(isHintText('電話番号')).toBe(false);
  });
  it('required marks', () => {
    expect(saysRequired('氏名（必須）')).toBe(true);
    expect(markGlyphs('氏名●※')).toBe('●※');
    expect(explainsMark('●は必須項目です。', '●')).toBe(true);
    expect(explainsMark('●お知らせ', '●')).toBe(false);
    expect(isReddish(204, 0, 0)).toBe(true);
    expect(isReddish(0, 0, 0)).toBe(false);
    expect(isReddish(255, 200, 200)).toBe(false);
  });
});

describe('images of notices (1.1.1)', () => {
  it('recognises flyers and posters by alt or file name', () => {
    expect(looksLikeImageOfNotice('夏祭りのチラシ', '/img/a.png')).toBe(true);
    expect(looksLikeImageOfNotice('夏祭り', '/img/natsumatsuri_chirashi.png')).toBe(true);
    expect(looksLikeImageOfNotice('県庁舎の外観', '/img/chousha.jpg')).toBe(false);
  });
  it('both the date and the place must be missing', () => {
    expect(noticeGaps('夏祭りのチラシ', '')).toEqual(['日時', '場所']);
    expect(noticeGaps('夏祭りのチラシ（8月10日）', '')).toBeNull();
    expect(noticeGaps('夏祭りのチラシ', '会場：中央公園')).toBeNull();
  });
  it('template file names', () => {
    expect(decorativeFileName('/img/bg_line.png')).toBe(true);
    expect(decorativeFileName('/img/icon_pdf.gif')).toBe(true);
    expect(decorativeFileName('/img/photo01.jpg')).toBe(false);
  });
});

describe('reading order (1.3.2)', () => {
  const box = (index: number, x: number, y: number) => ({ index, x, y, width: 100, height: 40 });
  it('row-reverse reads the second first', () => expect(firstInversion([box(0, 200, 0), box(1, 0, 0)])?.map((b) => b.index)).toEqual([1, 0]));
  it('left to right, top to bottom agrees', () => expect(firstInversion([box(0, 0, 0), box(1, 200, 5), box(2, 0, 60)])).toBeNull());
});

describe('language identification (3.1.1, 3.1.2)', () => {
  const en = 'The city offers free Japanese language classes for foreign residents every Saturday morning at the community center.';
  const pt = 'A prefeitura oferece aulas gratuitas de japonês para moradores estrangeiros todos os sábados de manhã no centro comunitário.';
  it('English marked French, Portuguese marked English', () => {
    expect(otherLanguage(en, 'fr')?.found).toBe('en');
    expect(otherLanguage(pt, 'en')?.found).toBe('pt');
  });
  it('the right lang, short text and unknown languages give nothing', () => {
    expect(otherLanguage(en, 'en')).toBeNull();
    expect(otherLanguage(pt, 'pt')).toBeNull();
    expect(otherLanguage('Bonjour', 'en')).toBeNull();
    expect(otherLanguage('Hibari Prefecture', 'fr')).toBeNull();
    expect(otherLanguage(en, 'xx')).toBeNull();
  });
  it('Japanese under another lang by its script', () => {
    expect(partLanguageMismatch('市役所の窓口は、平日の午前8時30分から午後5時15分まで開いています。', 'en')).toBe('ja');
    expect(partLanguageMismatch('市役所の窓口は、平日の午前8時30分から午後5時15分まで開いています。', 'ja')).toBeNull();
  });
});

describe('colour with a part of the page, without の (1.4.1)', () => {
  it.each(['下の赤いボタンを押してください', '緑色のアイコンをクリック', '青い矢印が避難経路です'])('%s', (s) => expect(colourWords(s).length).toBeGreaterThan(0));
  it.each(['赤い羽根共同募金', '青い鳥文庫', '黄色いハンカチ運動'])('%s is a name', (s) => expect(colourWords(s)).toEqual([]));
});

describe('confirmsLanguage: what a 3.1.1 pass of a page not in Japanese rests on', () => {
  it('confirms a short English, Chinese or long Dutch page written in its declared language', () => {
    expect(confirmsLanguage('English | Midori Prefecture Welcome. This is the English page of Midori Prefecture.', 'en')).toBe(true);
    expect(confirmsLanguage('外國居民生活指南 搬到青葉市後，請在十四天內到市民課辦理遷入登記。如有任何問題，請洽詢國際交流中心。', 'zh')).toBe(true);
    expect(confirmsLanguage('De gemeente haalt het afval op maandag en donderdag op. Zet het afval voor half negen op de ophaalplaats en neem contact op met het stadhuis als u vragen heeft over de regels.', 'nl')).toBe(true);
  });

  it('does not confirm what it cannot tell: Dutch under lang="en" (ACT ucwvc8), a title alone, Japanese under zh', () => {
    expect(confirmsLanguage('Met de kippen op stok "Hij ging met de kippen op stok"', 'en')).toBe(false);
    expect(confirmsLanguage('Paris', 'nl')).toBe(false);
    expect(confirmsLanguage('ごみの分け方・出し方。燃やすごみは月曜日と木曜日に出してください。', 'zh')).toBe(false);
  });
});
