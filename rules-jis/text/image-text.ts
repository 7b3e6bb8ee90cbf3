// 1.1.1: an image of text (a flyer, a poster, a guide map) whose alt leaves out when and where: the two facts a
// notice is for. Conservative: only images that name themselves a flyer/poster/map (alt or file name), and only
// when neither the alt nor the text around the image gives a date or a place. Pure: tested in Node.

const FLYER_ALT = /チラシ|ちらし|ポスター|案内図|リーフレット|パンフレット|フライヤー|開催案内|募集案内|告知/;
const FLYER_FILE = /(chirashi|tirasi|chirasi|flyer|flier|poster|leaflet|pamphlet|panfu|annaizu|annai[-_]?zu)/i;

// 7月10日, 7/10, 令和7年, 2026年, （土）, 午後2時, 10:00
const DATE = /(\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日|\d{1,2}\s*[\/／]\s*\d{1,2}|令和|平成|\d{4}\s*年|[（(]\s*[月火水木金土日]\s*[)）]|[月火水木金土日]曜|午前|午後|\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*時/;
// 会場, 市民ホール, 〒, 1-2-3, 中央公民館 …
const PLACE = /会場|場所|ところ|所在地|住所|ホール|センター|公民館|会館|体育館|図書館|美術館|博物館|公園|広場|庁舎|市役所|区役所|町役場|村役場|役場|学校|〒|丁目|番地|\d+-\d+-\d+|駅|集会所|スタジアム|プラザ|ドーム|オンライン|ウェブ開催|会議室/;

/** The image names itself a flyer, poster or guide map (by its alt or its file name). */
export function looksLikeImageOfNotice(alt: string, src: string): boolean {
  const file = src.split(/[?#]/)[0].split('/').pop() ?? '';
  return FLYER_ALT.test(alt) || FLYER_FILE.test(file);
}

export function hasDate(text: string): boolean {
  return DATE.test(text);
}

export function hasPlace(text: string): boolean {
  return PLACE.test(text);
}

/** What the alt leaves out that a notice shows, when neither the alt nor the nearby text gives it; null when fine. */
export function noticeGaps(alt: string, near: string): string[] | null {
  const missing: string[] = [];
  if (!hasDate(alt) && !hasDate(near)) missing.push('日時');
  if (!hasPlace(alt) && !hasPlace(near)) missing.push('場所');
  // both must be missing: an alt or a text that gives one of them is someone's deliberate summary
  return missing.length === 2 ? missing : null;
}

const DECORATIVE_FILE = /(^|[-_/])(bg|back|background|line|spacer|space|deco|border|bullet|icon|ico|shadow|frame|corner|kazari|parts|arrow|btn|button|logo|bnr|sp)([-_.\d]|$)/i;

/** A file name that says the image is decoration or a part of the template (bg_line.png, icon_pdf.gif). */
export function decorativeFileName(src: string): boolean {
  const file = src.split(/[?#]/)[0].split('/').pop() ?? '';
  return DECORATIVE_FILE.test(file);
}
