// Advisories (参考, no A/AA criterion): characters that screen readers read oddly or that break search.
// 機種依存文字 (①, ㈱, ㍻, Ⅰ, ㌔), 半角カナ, 全角英数字, and CJK radicals / compatibility ideographs that
// PDF copy-paste puts in place of ordinary kanji (⾏ U+2F8F for 行).

// Circled/parenthesised numbers and letters, Roman numerals, squared words, era ligatures, ㈱㈲, № ℡ ㏍.
const MACHINE_DEP = /[\u2460-\u24FF\u2160-\u217F\u3220-\u3243\u3280-\u32B0\u32D0-\u32FF\u3300-\u33FF\u2116\u2121\u3251-\u325F\u32B1-\u32BF]/g;
const CIRCLED_DIGIT = /[\u2460-\u2473\u24EA-\u24FF\u3251-\u325F\u32B1-\u32BF]/;
const HALF_KANA = /[\uFF66-\uFF9D][\uFF66-\uFF9F]*/g;
const FULL_ALNUM_RUN = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]{2,}/g;
// Kangxi radicals, CJK radical supplement, and compatibility ideographs except the 12 that are real
// unified ideographs (﨑 U+FA11 in 山﨑 is a correct name letter).
const RADICALS = /[\u2E80-\u2EF3\u2F00-\u2FD5]/g;
const COMPAT_OK = new Set([0xfa0e, 0xfa0f, 0xfa11, 0xfa13, 0xfa14, 0xfa1f, 0xfa21, 0xfa23, 0xfa24, 0xfa27, 0xfa28, 0xfa29]);

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * 機種依存文字 in `text`. Circled numbers inside a verbatim quotation of a law or notice
 * (「…第２条①…」 / 『…』) are kept as the source has them and are not reported.
 */
export function machineDependentChars(text: string): string[] {
  const quoted = quotedRanges(text);
  const out: string[] = [];
  for (const m of text.matchAll(MACHINE_DEP)) {
    const i = m.index ?? 0;
    if (CIRCLED_DIGIT.test(m[0]) && quoted.some(([a, b, legal]) => legal && i > a && i < b)) continue;
    out.push(m[0]);
  }
  return uniq(out);
}

/** [start, end, isLegalText] of each 「…」/『…』 quotation. */
function quotedRanges(text: string): [number, number, boolean][] {
  const out: [number, number, boolean][] = [];
  for (const m of text.matchAll(/[「『]([^「」『』]*)[」』]/g)) {
    const start = m.index ?? 0;
    const before = text.slice(Math.max(0, start - 20), start);
    const legal = /(法|条|項|号|令|規則|規程|条例|要綱|告示|通知|通達)/.test(m[1] + before);
    out.push([start, start + m[0].length, legal]);
  }
  return out;
}

export function halfwidthKana(text: string): string[] {
  return uniq(text.match(HALF_KANA) ?? []);
}

/** Runs of 2+ full-width letters or digits (ＰＤＦ, ２０２５): a single ４月 or Ａ棟 is left alone. */
export function fullwidthAlnum(text: string): string[] {
  return uniq(text.match(FULL_ALNUM_RUN) ?? []);
}

export function compatibilityChars(text: string): string[] {
  const out = [...(text.match(RADICALS) ?? [])];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0xf900 && c <= 0xfaff && !COMPAT_OK.has(c)) || (c >= 0x2f800 && c <= 0x2fa1f)) out.push(ch);
  }
  return uniq(out);
}
