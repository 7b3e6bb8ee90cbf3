// 3.1.1 / 3.1.2: which language a text is written in, from the characters it uses.
// Kana decides Japanese (kanji alone can be Chinese); English needs function words, so product names
// (Microsoft Excel, JIS X 8341-3) inside a Japanese sentence are not "a passage in English".
import { HAN, HANGUL, KANA } from './chars.js';

const STOPWORDS = new Set(
  'the of and to in is are was were for with on this that these those you your we our it its be been will can please from by at as an have has not or if all about there which would should may'.split(' '),
);
// Letters that exist only in simplified Chinese (Japanese writes 們→no, 这→no, 对→対, 时→時 …).
const SIMPLIFIED_ONLY = new Set('们这说对时个为经发动过还进语欢门问间见现读书车东务员写报导边饭馆县丰乐们请谢关网页访热线办证'.split(''));
// Traditional-Chinese letters modern Japanese text does not use (its forms are 国 説 対 …, and 這 們 嗎 您 辦 詢
// are Chinese words). Old forms that survive in Japanese names (學 會 邊 關 實 …) are left out on purpose;
// 國 stays, because a kana-free *sentence* (see foreignPassage) naming two 國 people is far rarer than one in Chinese.
const TRADITIONAL_ONLY = new Set('們這說嗎呢您辦詢裡麼她歡證讓經發對寫國'.split(''));

export interface TextStats {
  kana: number;
  han: number;
  hangul: number;
  latin: number;
  words: number;
  stopwords: number;
  simplified: number;
  traditional: number;
}

export function textStats(text: string): TextStats {
  let kana = 0, han = 0, hangul = 0, latin = 0, simplified = 0, traditional = 0;
  for (const ch of text) {
    if (KANA.test(ch)) kana++;
    else if (HAN.test(ch)) {
      han++;
      if (SIMPLIFIED_ONLY.has(ch)) simplified++;
      if (TRADITIONAL_ONLY.has(ch)) traditional++;
    } else if (HANGUL.test(ch)) hangul++;
    else if (/[A-Za-z\u00C0-\u024F]/.test(ch)) latin++;
  }
  const wordList = text.match(/[A-Za-z\u00C0-\u024F']+/g) ?? [];
  const stopwords = wordList.filter((w) => STOPWORDS.has(w.toLowerCase())).length;
  return { kana, han, hangul, latin, words: wordList.length, stopwords, simplified, traditional };
}

export type Lang = 'ja' | 'en' | 'zh' | 'ko';

/**
 * The language a whole page's text is clearly written in, or null when it is mixed or too short to say.
 * Deliberately conservative: it is used to call a declared `lang` wrong (a violation).
 */
export function languageOfText(text: string): Lang | null {
  const s = textStats(text);
  const ja = s.kana + s.han;
  if (s.kana >= 10 && ja >= 40 && ja * 2 >= s.latin) return 'ja';
  if (s.hangul >= 30 && s.hangul > 5 * ja) return 'ko';
  if (s.han >= 50 && s.kana <= s.han * 0.02 && s.han * 2 >= s.latin) return 'zh';
  if (s.latin >= 200 && ja <= s.latin * 0.03 && s.hangul <= s.latin * 0.03 && s.stopwords >= 5) return 'en';
  return null;
}

/** Primary subtag of a lang attribute: "ja-JP" → "ja". */
export function primaryLang(lang: string | null | undefined): string {
  return (lang ?? '').trim().toLowerCase().split(/[-_]/)[0];
}

/** Does the declared lang contradict the language of the text? Returns the language found, or null. */
export function langContradiction(declared: string, text: string): Lang | null {
  const d = primaryLang(declared);
  if (!d) return null; // missing lang is axe's html-has-lang
  const found = languageOfText(text);
  if (!found || found === d) return null;
  // A "zh" guess under a declared ja needs simplified-only letters: kanji-only Japanese text exists (名簿, 表).
  if (found === 'zh' && d === 'ja' && textStats(text).simplified < 2) return null;
  if (found === 'en' && !['ja', 'zh', 'ko'].includes(d)) return null; // en vs fr/de …: not our call
  return found;
}

/**
 * 3.1.2: a passage in another language inside a text block of a page in `pageLang`.
 * Returns the passage found (trimmed to 40 letters) and its language, or null.
 */
export function foreignPassage(text: string, pageLang: string): { lang: Lang; passage: string } | null {
  const d = primaryLang(pageLang);
  if (d === 'ja' || d === 'zh' || d === 'ko') {
    // English sentence: 5+ words of which 2+ function words, in one Latin run.
    for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9'’",.;:!?()\-\s]{15,}/g)) {
      const st = textStats(m[0]);
      if (st.words >= 5 && st.stopwords >= 2) return { lang: 'en', passage: m[0].trim().slice(0, 40) };
    }
  }
  if (d !== 'ko') {
    const m = /[\uAC00-\uD7AF][\uAC00-\uD7AF\s.,!?]{4,}/.exec(text);
    if (m && (m[0].match(/[\uAC00-\uD7AF]/g) ?? []).length >= 5) return { lang: 'ko', passage: m[0].trim().slice(0, 40) };
  }
  if (d === 'ja') {
    // Chinese: a kana-free run of kanji with letters Japanese does not use.
    for (const m of text.matchAll(/[\u4E00-\u9FFF，。、！？\s]{8,}/g)) {
      const st = textStats(m[0]);
      if (st.han >= 8 && st.simplified >= 2) return { lang: 'zh', passage: m[0].trim().slice(0, 40) };
      // Traditional Chinese shares most letters with Japanese, so ask for more: a kana-free sentence
      // (Chinese comma or full stop) of 12+ kanji with two letters Japanese does not write.
      if (st.han >= 12 && st.traditional >= 2 && /[，。]/.test(m[0])) return { lang: 'zh', passage: m[0].trim().slice(0, 40) };
    }
  }
  if (d && d !== 'ja' && d !== 'zh') {
    for (const m of text.matchAll(/[\u3041-\u30FF\u4E00-\u9FFF\u3005、。「」\s]{8,}/g)) {
      const st = textStats(m[0]);
      if (st.kana >= 4 && st.kana + st.han >= 8) return { lang: 'ja', passage: m[0].trim().slice(0, 40) };
    }
  }
  return null;
}
