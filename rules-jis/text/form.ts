// Forms (1.3.1, 1.4.1, 2.4.6, 3.3.2): the words Japanese forms use for answers, hints and required marks, and how a
// colour reads as "red". Pure: the DOM reading is rules-jis/dom/form.ts.
import { foldLabel } from './chars.js';

// Answers that mean nothing without their question: はい/いいえ, 有/無, する/しない.
const YES_NO = new Set(
  ['はい', 'いいえ', 'yes', 'no', '有', '無', 'あり', 'なし', '有り', '無し', 'ある', 'ない', 'する', 'しない', '要', '不要', '必要', '不必要', '可', '不可', '済', '未', '同意する', '同意しない', '希望する', '希望しない', '承諾する', '承諾しない', 'ok', 'ng', '○', '×'].map(foldLabel),
);

/** Every option of a group is a bare yes/no answer (the question is somewhere else). */
export function yesNoOptions(labels: string[]): boolean {
  return labels.length >= 2 && labels.every((l) => YES_NO.has(foldLabel(l).replace(/[。．.、,:：]/g, '')));
}

// Format hints and examples a field needs to be filled in right.
const HINT = /半角|全角|ハイフン|例[：:）)]|（例|\(例|例えば|入力例|記入例|〇文字|[0-9０-９]+文字(以内|まで|以上)|桁|yyyy|mm\/dd|西暦で|和暦で|カタカナで|ひらがなで|英数字|記号を含|大文字|小文字/i;

/** A text that tells how to fill a field in (半角数字で入力、例：012-345-6789). */
export function isHintText(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length >= 2 && t.length <= 80 && HINT.test(t);
}

// A mark that says "required" by itself (text), and the glyph marks that need a legend (●, *, ※).
const REQUIRED_WORD = /必須|必ず|required|\(必\)|（必）|【必】|要入力/i;
const MARK_GLYPH = /[●○◎■□◆◇★☆＊*※▲]/;

export function saysRequired(text: string): boolean {
  return REQUIRED_WORD.test(text);
}

export function markGlyphs(text: string): string {
  return [...new Set(text.match(new RegExp(MARK_GLYPH.source, 'g')) ?? [])].join('');
}

/** A page text that explains what a mark means: 「●は必須項目です」「*印の項目は必ず入力」. */
export function explainsMark(text: string, glyph: string): boolean {
  const g = glyph.replace(/[*]/g, '\\*');
  return new RegExp(`${g}[^。\\n]{0,20}(必須|必ず|入力が必要|required)|(必須|required)[^。\\n]{0,20}${g}`, 'i').test(text);
}

/** sRGB 0–255 → hue (degrees), saturation and lightness (0–1). */
export function hsl(r: number, g: number, b: number): { h: number; s: number; l: number } {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === R ? ((G - B) / d + (G < B ? 6 : 0)) * 60 : max === G ? ((B - R) / d + 2) * 60 : ((R - G) / d + 4) * 60;
  return { h, s, l };
}

/** A colour a reader would call red (or red-orange / crimson): what forms use for required marks and errors. */
export function isReddish(r: number, g: number, b: number): boolean {
  const { h, s, l } = hsl(r, g, b);
  return (h <= 20 || h >= 335) && s >= 0.45 && l >= 0.2 && l <= 0.7;
}

/** "rgb(204, 0, 0)" / "rgba(…)" → channels, or null. */
export function parseRgb(css: string): [number, number, number] | null {
  const m = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/.exec(css);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/**
 * Text that reports an input error (an error state, not an instruction): 「入力内容に誤りがあります」「メールアドレスが
 * 正しくありません」「エラー」, "Invalid value", "cannot be empty". 「…を入力してください」 alone is an instruction
 * printed on every form and is not counted (it would make every form page a review).
 */
const ERROR_JA = /エラー|誤りがあります|間違っています|正しくありません|入力されていません|選択されていません|不正な|無効な(値|入力)|入力し直して|確認してください。?$/;
const ERROR_EN = /\b(invalid|error)\b|cannot be (empty|blank)|must be filled|fill (in )?the field|please (fill|correct|enter a valid)|is required\.|are required\./i;

export function isErrorText(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 200) return false;
  if (ERROR_EN.test(t)) return true;
  // 「エラーが表示された場合は…」 explains, it does not report
  return ERROR_JA.test(t) && !/^※?\s*(必須|入力例|例)/.test(t) && !/場合|とき[はに]/.test(t);
}
