// Character classes for Japanese text. Pure, safe in the in-page bundle.

/** Hiragana, katakana (full and half width, without the middle dot ・). */
export const KANA = /[\u3041-\u309F\u30A1-\u30FA\u30FC-\u30FF\uFF66-\uFF9F]/;
/** Kanji (unified, extension A, compatibility) and the iteration marks 々〆ヵヶ. */
export const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3005\u3006]/;
export const HANGUL = /[\uAC00-\uD7AF\u1100-\u11FF\u3130-\u318F]/;

/** A Japanese letter: kana or kanji (not punctuation, not 〇 or symbols). */
export function isJaLetter(ch: string): boolean {
  return KANA.test(ch) || HAN.test(ch);
}

/** Full-width ASCII → half-width, lower case, white space removed: for comparing short labels. */
export function foldLabel(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toLowerCase();
}
