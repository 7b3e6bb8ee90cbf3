// 3.1.1 / 3.1.2 for every language, not only Japanese against the others: trigram identification (franc) of a text
// against the languages a Japanese public site publishes in, plus the one its lang attribute declares. franc is
// unreliable on short text, so a verdict needs enough letters and a clear margin over the declared language; the
// Japanese/Chinese/Korean script checks of ./language.ts stay in charge wherever the script decides. Pure: the
// bundle carries franc's trigram data for LANGUAGE_POOL only (rules-jis/bundle/build.ts).
import { francAll } from 'franc';
import { languageOfText, textStats } from './language.js';

/** ISO 639-1 (what lang attributes say) → ISO 639-3 (what franc says), for the languages franc can tell apart. */
export const ISO3: Record<string, string> = {
  en: 'eng', pt: 'por', es: 'spa', vi: 'vie', tl: 'tgl', fil: 'tgl', id: 'ind', fr: 'fra', de: 'deu', ru: 'rus', it: 'ita',
  nl: 'nld', da: 'dan', sv: 'swe', no: 'nob', nb: 'nob', fi: 'fin', pl: 'pol', uk: 'ukr', tr: 'tur', cs: 'ces', hu: 'hun',
  ro: 'ron', mn: 'khk', my: 'mya', hi: 'hin', ne: 'npi', ar: 'arb', fa: 'pes', ur: 'urd',
};
const ISO1 = Object.fromEntries(Object.entries(ISO3).map(([k, v]) => [v, k]));

/**
 * The languages a Japanese public site publishes in (the usual 多言語 pages: English, Portuguese, Spanish,
 * Vietnamese, Tagalog, Indonesian, Nepali, French, German, Russian …) and the European ones lang attributes
 * commonly declare: franc compares a text only against these (and the declared one), and the bundle carries only
 * their trigram data.
 */
export const LANGUAGE_POOL = ['eng', 'por', 'spa', 'vie', 'tgl', 'ind', 'fra', 'deu', 'rus', 'ita', 'nld', 'dan', 'swe', 'nob', 'fin', 'pol', 'ukr', 'tur', 'ces', 'hun', 'ron', 'khk', 'mya', 'hin', 'npi', 'arb', 'pes', 'urd'];

// Function words that mark a language and rarely occur in the others (franc alone confuses English with French on
// short runs, and romanised Japanese names with Indonesian): a verdict needs the found language's words and none
// of the declared one's.
const FUNCTION_WORDS: Record<string, string> = {
  eng: 'the and of to in on at an is are was were for with this that these you your from by be been will can have has it its not or which would should about there their they we our into but',
  fra: 'le la les des du est et pour dans une un que qui pas sur au aux avec ce cette sont vous nous il elle ne se leur mais ou où très',
  deu: 'der die das und ist nicht mit von zu den dem ein eine für auf sie wir ich es auch sind wird werden oder aber bei nach',
  spa: 'el la los las de y que en es por para con una un del se no su al lo como más pero sus este esta están',
  por: 'o a os as de e que em é para com um uma do da dos das não no na por se ao pelo pela são também',
  ita: 'il la le di e che è per con un una del della non sono nel alla gli dei questo questa anche',
  nld: 'de het een en van is dat op te in met voor niet zijn er ook aan hij ging zij wij als bij naar maar',
  ind: 'yang dan di ini itu untuk dengan dari ke tidak ada akan atau pada adalah kami anda juga oleh',
  tgl: 'ang ng sa mga na ay at ko mo siya ito para hindi po kung ni kay',
  dan: 'og er det at en til på med som for ikke af den har jeg vi de',
  swe: 'och är att det som för på med inte en av den har jag vi de',
  nob: 'og er det at en til på med som for ikke av den har jeg vi de',
  vie: 'của và là có không được cho với người các những này một trong',
};
const WORDS = Object.fromEntries(Object.entries(FUNCTION_WORDS).map(([k, v]) => [k, new Set(v.split(' '))]));

/** Word tokens of the text found in `lang`'s function words but not in `other`'s. */
function distinctiveHits(tokens: string[], lang: string, other: string): number {
  const mine = WORDS[lang];
  const theirs = WORDS[other];
  if (!mine) return 0;
  return tokens.filter((t) => mine.has(t) && !theirs?.has(t)).length;
}

export interface LanguageGuess {
  /** ISO 639-1 of the language found. */
  found: string;
  /** How sure: `sure` carries a violation (page level), `maybe` a review. */
  certainty: 'sure' | 'maybe';
  /** Letters in the text (what the confidence rests on). */
  letters: number;
}

/** Letters of the scripts franc reads by trigrams (Latin, Cyrillic, Arabic, Devanagari, Myanmar). */
export function trigramLetters(text: string): number {
  return (text.match(/[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0400-\u04FF\u0600-\u06FF\u0900-\u097F\u1000-\u109F]/g) ?? []).length;
}

/** Below this many letters franc's guess is noise. */
export const MIN_LETTERS = 20;
/** From this many letters (and clear function-word evidence) a page-level mismatch is certain. */
export const SURE_LETTERS = 150;

/**
 * The language of `text` when it is clearly not the declared one (`declared`: a lang attribute's primary subtag,
 * lower case); null when it is, when the text is too short, or when the declared language is not one franc knows.
 * franc proposes; the function words confirm: the found language's own words must be there and the declared one's
 * absent (or nearly, for a sure verdict).
 */
export function otherLanguage(text: string, declared: string): LanguageGuess | null {
  const d3 = ISO3[declared];
  if (!d3) return null;
  const letters = trigramLetters(text);
  if (letters < MIN_LETTERS) return null;
  const scores = francAll(text.slice(0, 2048), { only: [...new Set([...LANGUAGE_POOL, d3])], minLength: 1 });
  const best = scores[0]?.[0];
  if (!best || best === 'und' || best === d3 || !ISO1[best]) return null;
  const tokens = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const found = distinctiveHits(tokens, best, d3);
  const against = distinctiveHits(tokens, d3, best);
  if (!WORDS[best] || !WORDS[d3]) {
    // no word lists to confirm with: only a long text of another script family is certain enough, as a review
    const d = scores.find(([l]) => l === d3)?.[1] ?? 0;
    return letters >= SURE_LETTERS && d < 0.5 ? { found: ISO1[best], certainty: 'maybe', letters } : null;
  }
  if (letters >= SURE_LETTERS && found >= 6 && against <= found * 0.15) return { found: ISO1[best], certainty: 'sure', letters };
  if (found >= 2 && against === 0) return { found: ISO1[best], certainty: 'maybe', letters };
  return null;
}

/** English names → Japanese, for messages. */
export const LANGUAGE_NAMES: Record<string, string> = {
  ja: '日本語', en: '英語', zh: '中国語', ko: '韓国語', pt: 'ポルトガル語', es: 'スペイン語', vi: 'ベトナム語', tl: 'タガログ語', fil: 'フィリピノ語',
  id: 'インドネシア語', fr: 'フランス語', de: 'ドイツ語', ru: 'ロシア語', it: 'イタリア語', nl: 'オランダ語', da: 'デンマーク語', sv: 'スウェーデン語',
  no: 'ノルウェー語', nb: 'ノルウェー語', fi: 'フィンランド語', pl: 'ポーランド語', uk: 'ウクライナ語', tr: 'トルコ語', cs: 'チェコ語', hu: 'ハンガリー語',
  ro: 'ルーマニア語', mn: 'モンゴル語', my: 'ミャンマー語', hi: 'ヒンディー語', ne: 'ネパール語', ar: 'アラビア語', fa: 'ペルシャ語', ur: 'ウルドゥー語', th: 'タイ語',
};

/**
 * 3.1.2: the language of an element's own text when its lang attribute names another one (review). Scripts decide
 * first (kana = Japanese, hangul = Korean, English function words in a Latin run under a CJK lang); franc and the
 * function words decide between languages of one script. null when they agree or the text is too short to say.
 */
export function partLanguageMismatch(text: string, declared: string): string | null {
  const d = declared;
  const s = textStats(text);
  if (d !== 'ja' && s.kana >= 4 && s.kana + s.han >= 8) return 'ja';
  if (d !== 'ko' && s.hangul >= 5 && s.hangul > s.kana + s.han) return 'ko';
  if ((d === 'ja' || d === 'zh' || d === 'ko') && s.kana + s.han + s.hangul === 0 && s.words >= 4 && s.stopwords >= 2) return 'en';
  if (s.kana + s.han + s.hangul > trigramLetters(text) / 4) return null; // mostly CJK: the script checks above decide
  return otherLanguage(text, d)?.found ?? null;
}

/**
 * Does the text positively show the declared language (ISO 639-1)? What a 3.1.1 "pass" of a page in a language
 * other than Japanese rests on: no contradiction found is not enough, since franc cannot tell Dutch from English
 * on a short text (ACT ucwvc8: a Dutch page marked lang="en"). English, Chinese and Korean by their script
 * (./language.ts); the others by franc's first guess on enough letters.
 */
export function confirmsLanguage(text: string, declared: string): boolean {
  if (languageOfText(text) === declared || confirmsByScript(text, declared)) return true;
  const d3 = ISO3[declared];
  if (!d3) return false;
  if (confirmsByWords(text, d3)) return true;
  if (trigramLetters(text) < SURE_LETTERS) return false;
  return francAll(text.slice(0, 2048), { only: [...new Set([...LANGUAGE_POOL, d3])], minLength: 1 })[0]?.[0] === d3;
}

/** A short Chinese or Korean text shows its language by its script alone (no kana: not Japanese). */
function confirmsByScript(text: string, declared: string): boolean {
  const s = textStats(text);
  if (declared === 'zh') return s.han >= 20 && s.kana === 0 && s.latin < s.han;
  if (declared === 'ko') return s.hangul >= 20 && s.kana === 0;
  return false;
}

/** A short text shows its language by that language's function words, clearly more than any other's. */
function confirmsByWords(text: string, d3: string): boolean {
  if (!WORDS[d3]) return false;
  const tokens = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const mine = tokens.filter((t) => WORDS[d3].has(t)).length;
  if (mine < 3) return false;
  return Object.keys(WORDS).every((l) => l === d3 || distinctiveHits(tokens, l, d3) * 2 <= mine);
}
