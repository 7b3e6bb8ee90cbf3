// Unit tests of the Japanese text heuristics (pure functions in rules-jis/text).
import { describe, expect, it } from 'vitest';
import { spacedInLine, spacedInLines } from '../../rules-jis/text/spaced.js';
import { foreignPassage, langContradiction, languageOfText } from '../../rules-jis/text/language.js';
import { meaninglessLinkText, normalizeLinkText } from '../../rules-jis/text/link-text.js';
import { altRepeats, meaninglessAlt } from '../../rules-jis/text/alt.js';
import { titleProblem } from '../../rules-jis/text/title.js';
import { colourWords, sensoryWords } from '../../rules-jis/text/sensory.js';
import { compatibilityChars, fullwidthAlnum, halfwidthKana, machineDependentChars } from '../../rules-jis/text/chars-advisory.js';
import { fileTypeOfHref, mentionsNewWindow, missingFileInfo } from '../../rules-jis/text/file-link.js';
import { looksLikeTextTable } from '../../rules-jis/text/text-table.js';

describe('spacedInLine / spacedInLines (1.3.2)', () => {
  it.each(['お　知　ら　せ', '山 田 太 郎', 'ご 挨 拶', 'カ タ ロ グ請求'])('flags %s', (s) => {
    expect(spacedInLine(s)?.kind).toBe('violation');
  });
  it.each(['氏　名', '住　　所', '電 話'])('flags the split form label %s', (s) => {
    expect(spacedInLine(s)).toEqual({ kind: 'violation', word: s.replace(/\s/g, '') });
  });
  it.each(['山口 太郎', '林　修', '令和7年 4月 1日', '月 火 水 木 金', 'あ か さ た な', '第 1 条', 'A 棟 3 階', '〒100-0001　中央市', '※ 注意', '　本市では'])(
    'leaves %s alone',
    (s) => expect(spacedInLine(s)).toBeNull(),
  );
  it('separators from inline elements break runs', () => {
    expect(spacedInLine('あ \u0001 か \u0001 さ')).toBeNull();
  });
  it('vertical writing with <br>', () => {
    expect(spacedInLines(['申', '込', '書'])?.kind).toBe('violation');
    expect(spacedInLines(['備', '考'])?.kind).toBe('violation');
    expect(spacedInLines(['受', '取'])?.kind).toBe('review');
    expect(spacedInLines(['みどり県庁', '〒100-0001'])).toBeNull();
  });
});

describe('language (3.1.1 / 3.1.2)', () => {
  const ja = '児童手当は、中学校修了前の児童を養育している方に支給されます。申請は市役所の子育て支援課で受け付けています。';
  const en =
    'The child allowance is paid to people who are raising children until they finish junior high school. Applications are accepted at the Child Support Division of the city office. Please prepare the required documents and apply as early as you can.';
  it('languageOfText', () => {
    expect(languageOfText(ja)).toBe('ja');
    expect(languageOfText(en)).toBe('en');
    expect(languageOfText('本市ではMicrosoft 365とGoogle Workspaceを導入し、Zoomによるオンライン相談を開始しました。詳しくはDX推進課までお問い合わせください。')).toBe('ja');
    expect(languageOfText('短い')).toBeNull();
  });
  it('langContradiction', () => {
    expect(langContradiction('en', ja)).toBe('ja');
    expect(langContradiction('ja', en)).toBe('en');
    expect(langContradiction('ja-JP', ja)).toBeNull();
    expect(langContradiction('', ja)).toBeNull();
    expect(langContradiction('ja', '会長山田太郎中央大学教授副会長佐藤花子中央市社会福祉協議会会長委員鈴木一郎中央市商工会議所副会頭委員高橋次郎中央市自治会連合会会長')).toBeNull();
  });
  it('foreignPassage', () => {
    expect(foreignPassage('Welcome to Midori Prefecture. This page introduces our services.', 'ja')?.lang).toBe('en');
    expect(foreignPassage('標語は「Together we can make it happen for all of us」です', 'ja')?.lang).toBe('en');
    expect(foreignPassage('미도리현에 오신 것을 환영합니다.', 'ja')?.lang).toBe('ko');
    expect(foreignPassage('欢迎来到绿县。这里为外国居民提供生活信息。', 'ja')?.lang).toBe('zh');
    expect(foreignPassage('このページは、やさしい日本語でも読むことができます。', 'en')?.lang).toBe('ja');
    // Traditional Chinese for foreign residents (no kana, Chinese comma, letters Japanese does not write).
    expect(foreignPassage('外國居民可以在國際交流中心免費諮詢生活問題，請提前預約。', 'ja')?.lang).toBe('zh');
    for (const s of ['國學院大學栃木高等学校', '委員：國分太郎、山田花子、鈴木一郎。', '令和7年度青葉市一般会計予算概要。'])
      expect(foreignPassage(s, 'ja')).toBeNull();
    for (const s of ['申請書はMicrosoft WordまたはExcelで作成してください。', 'JIS X 8341-3:2016 に準拠', 'Copyright © Midori Prefecture. All Rights Reserved.', 'Adobe Acrobat Reader DCが必要です'])
      expect(foreignPassage(s, 'ja')).toBeNull();
  });
});

describe('link text (2.4.4)', () => {
  it.each(['こちら', 'ここをクリック', '詳細', '【詳細】', 'もっと見る', 'click here', 'Read more', '＞＞クリックしてください', '詳しくはこちら'])('%s says nothing', (s) => {
    expect(meaninglessLinkText(s)).toBe(true);
  });
  it.each(['申請書のダウンロード', 'こちらの窓口一覧', '事業の詳細', 'クリック募金のご案内', 'ここから始める子育て', ''])('%s is fine', (s) => {
    expect(meaninglessLinkText(s)).toBe(false);
  });
  it('normalizes decoration', () => expect(normalizeLinkText(' ≫ こちら。')).toBe('≫こちら'));
});

describe('alt (1.1.1)', () => {
  it.each([['画像'], ['写真1'], ['IMG_0231.JPG'], ['spacer'], ['イメージ'], ['DSC01234'], ['photo.png'], ['ｉｍａｇｅ']])('%s is no alternative', (alt) => {
    expect(meaninglessAlt(alt)).not.toBeNull();
  });
  it('alt equal to a machine-made file name', () => expect(meaninglessAlt('top_banner', '/img/top_banner.png')).toBe('file-name'));
  it.each(['写真：県庁舎の外観', '', '画像診断装置（CT）の導入', 'イメージキャラクター「みどりん」', 'スペースシャトルの模型', '図1 人口の推移', 'みどり県ロゴ', '地図'])('%s may be real', (alt) => {
    expect(meaninglessAlt(alt, '/p/IMG_0231.JPG')).toBeNull();
  });
  it('altRepeats', () => {
    expect(altRepeats('子育て支援', '子育て支援')).toBe(true);
    expect(altRepeats('みどり城', '写真：2024年春に撮影したみどり城（提供：観光課）')).toBe(false);
    expect(altRepeats('地図', '地図を見る')).toBe(false);
  });
});

describe('titleProblem (2.4.2)', () => {
  it.each([
    ['無題ドキュメント', 'placeholder'],
    ['Untitled Document', 'placeholder'],
    ['タイトル｜みどり県', 'placeholder'],
    ['無題 - みどり県', 'placeholder'],
    ['みどり県', 'site-only'],
    ['みどり県公式ホームページ', 'site-only'],
    ['index.html', 'file-name'],
    ['Microsoft Word - 申請書.docx', 'office-export'],
  ])('%s → %s', (t, p) => expect(titleProblem(t)).toBe(p));
  it.each(['児童手当の申請｜みどり県', '無題ドキュメントの直し方｜みどり県', 'タイトル戦の観戦案内｜中央市', 'みどり県議会 会議録', '', 'テストページ | みどり県'])('%s is fine', (t) => {
    expect(titleProblem(t)).toBeNull();
  });
  it('the site name alone is right on the top page', () => expect(titleProblem('みどり県', true)).toBeNull());
});

describe('sensory and colour words (1.3.3 / 1.4.1)', () => {
  it.each(['右のボタンを押す', '左の表をご覧ください', '丸いアイコン', '●印の項目', '画面右上のメニュー', '★マークの付いた', '右側に表示されているボタン'])('%s', (s) => {
    expect(sensoryWords(s).length).toBeGreaterThan(0);
  });
  it.each(['上記のとおり', '下記をご覧ください', '右のとおり相違ありません', '左記の日程', '右折レーン', '丸の内庁舎', '左右の手すり', '※印の付いた項目', '三角公園'])('%s is not sensory', (s) => {
    expect(sensoryWords(s)).toEqual([]);
  });
  it.each(['赤字の項目は必須', '青色で表示しています', '緑色の部分', '赤い文字の日', '黄色の枠で囲んだ', '色の付いた日付', '赤で示した区域'])('%s', (s) => {
    expect(colourWords(s).length).toBeGreaterThan(0);
  });
  it.each(['財政は赤字となりました', '青色申告', '赤い羽根共同募金', '赤字路線バス', '黒字決算', '白色申告', '緑のカーテン', '赤字に転落', '青少年赤十字'])('%s is not a colour instruction', (s) => {
    expect(colourWords(s)).toEqual([]);
  });
});

describe('characters (advisory)', () => {
  it('機種依存文字', () => {
    expect(machineDependentChars('①申請 ㈱みどり ㍻31年 第Ⅱ期 5㌔ 120㎡')).toEqual(['①', '㈱', '㍻', 'Ⅱ', '㌔', '㎡']);
    expect(machineDependentChars('条例第2条では「①市長は、必要な措置を講じなければならない。」と定めています。')).toEqual([]);
    expect(machineDependentChars('（1）（株）平成 III キロ')).toEqual([]);
  });
  it('半角カナ', () => {
    expect(halfwidthKana('ﾐﾄﾞﾘ県')).toEqual(['ﾐﾄﾞﾘ']);
    expect(halfwidthKana('ミドリ県')).toEqual([]);
  });
  it('全角英数字 (runs of 2+)', () => {
    expect(fullwidthAlnum('ＰＤＦ形式 ２０２５年４月')).toEqual(['ＰＤＦ', '２０２５']);
    expect(fullwidthAlnum('令和7年４月 Ａ棟２階 Ｑ＆Ａ')).toEqual([]);
  });
  it('部首・互換漢字 (﨑 is a real letter)', () => {
    expect(compatibilityChars('\u2F8F政\u2F3Fき')).toEqual(['\u2F8F', '\u2F3F']);
    expect(compatibilityChars('\uFA19社')).toEqual(['\uFA19']);
    expect(compatibilityChars('山\uFA11 太郎 髙橋')).toEqual([]);
  });
});

describe('file links and new windows (advisory)', () => {
  it('fileTypeOfHref', () => {
    expect(fileTypeOfHref('/a/b.pdf?v=2#page=3')).toBe('PDF');
    expect(fileTypeOfHref('/a.xlsx')).toBe('Excel');
    expect(fileTypeOfHref('/pdf-guide.html')).toBeNull();
  });
  it('missingFileInfo', () => {
    expect(missingFileInfo('/a.pdf', '申請書（PDF：120KB）')).toBeNull();
    expect(missingFileInfo('/a.xlsx', '集計表（エクセル：45キロバイト）')).toBeNull();
    expect(missingFileInfo('/a.pdf', '申請書')).toEqual({ type: 'PDF', format: false, size: false });
    expect(missingFileInfo('/a.docx', '申込用紙（Word）')).toEqual({ type: 'Word', format: true, size: false });
  });
  it('mentionsNewWindow', () => {
    expect(mentionsNewWindow('（新しいウィンドウで開きます）')).toBe(true);
    expect(mentionsNewWindow('別ウインドウ')).toBe(true);
    expect(mentionsNewWindow('関連団体のサイト')).toBe(false);
  });
});

describe('looksLikeTextTable (1.3.1)', () => {
  it('pre with runs of spaces or tabs', () => {
    expect(looksLikeTextTable(['日付        内容          場所', '4月1日      入学式        体育館', '4月8日      始業式        講堂'], true)).toBe(true);
    expect(looksLikeTextTable(['地区\t人口\t世帯数', '北区\t12,000\t5,100', '南区\t9,800\t4,200'], true)).toBe(true);
  });
  it('br lines with 全角スペース', () => {
    expect(looksLikeTextTable(['受付時間　　　　午前9時', '休業日　　　　　土曜', '電話番号　　　　012'], false)).toBe(true);
    expect(looksLikeTextTable(['会長　林　　修', '副会長　山口　太郎', '監事　佐藤　花子'], false)).toBe(false);
    expect(looksLikeTextTable(['1　申請書', '2　住民票の写し', '3　本人確認書類'], false)).toBe(false);
  });
});

describe('colour marks in maps and charts', () => {
  it.each(['地図の赤い線で示した区間', 'グラフの青い棒は男性', 'オレンジの棒は女性'])('%s', (s) => expect(colourWords(s).length).toBeGreaterThan(0));
  it.each(['道路の白い線（区画線）', '緑の丘公園', 'オレンジリボン', '青の洞窟'])('%s is not', (s) => expect(colourWords(s)).toEqual([]));
});
