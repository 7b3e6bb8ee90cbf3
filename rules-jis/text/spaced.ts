// 1.3.2: spaces or line breaks put inside a word for visual layout (「お　知　ら　せ」, 「申<br>込<br>書」).
// A screen reader reads each character separately (「お、し、ら、せ」) and the word is lost; search
// and reading-aloud dictionaries fail too. Family/given name with one space (山口 太郎) is correct.
import { isJaLetter } from './chars.js';
import words from '../data/ja-spaced-words.json';

const SPLIT_WORDS = new Set<string>((words as { twoCharWords: string[] }).twoCharWords);
// Lists of single characters that are separate words on their own: weekdays, 50音 index heads.
const WEEKDAYS = new Set('月火水木金土日祝'.split(''));
const GOJUON = 'あかさたなはまやらわアカサタナハマヤラワ';

export type SpacedVerdict = { kind: 'violation' | 'review'; word: string } | null;

function isSingle(tok: string): boolean {
  return [...tok].length === 1 && isJaLetter(tok) && tok !== 'ー';
}

function isWordList(run: string[]): boolean {
  if (run.every((t) => WEEKDAYS.has(t))) return true;
  // あ か さ た な … : an index of 50音 rows, each a word (a heading letter) of its own.
  let pos = -1;
  for (const t of run) {
    const i = GOJUON.indexOf(t, pos + 1);
    if (i < 0) return false;
    pos = i;
  }
  return true;
}

/**
 * Judge one line of text (the text of one text node run; `<br>` separates lines).
 * violation: 3+ single Japanese letters in a row split by spaces (お 知 ら せ), or a known two-letter word
 * split (氏　名, 住　所).
 */
export function spacedInLine(line: string): SpacedVerdict {
  const raw = line.trim();
  if (!raw) return null;
  // Keep the separators to know how wide each gap is.
  const toks = raw.split(/\s+/);
  let i = 0;
  while (i < toks.length) {
    if (!isSingle(toks[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < toks.length && isSingle(toks[j + 1])) j++;
    const run = toks.slice(i, j + 1);
    if (run.length >= 3 && !isWordList(run)) return { kind: 'violation', word: run.join('') };
    if (run.length === 2 && !isWordList(run)) {
      const word = run.join('');
      // Other pairs of single letters split by spaces are most often a name (林　修) and are left alone.
      if (SPLIT_WORDS.has(word)) return { kind: 'violation', word };
    }
    i = j + 1;
  }
  return null;
}

/**
 * Judge the lines of one element (text split at `<br>`): a word written one letter per line
 * (申<br>込<br>書) is a violation with 3+ lines, review with 2.
 */
export function spacedInLines(lines: string[]): SpacedVerdict {
  let review: SpacedVerdict = null;
  for (const l of lines) {
    const v = spacedInLine(l);
    if (v?.kind === 'violation') return v;
    if (v && !review) review = v;
  }
  // Vertical layout: consecutive lines each holding one Japanese letter.
  const trimmed = lines.map((l) => l.trim());
  let i = 0;
  while (i < trimmed.length) {
    if (!isSingle(trimmed[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < trimmed.length && isSingle(trimmed[j + 1])) j++;
    const run = trimmed.slice(i, j + 1);
    if (run.length >= 3 && !isWordList(run)) return { kind: 'violation', word: run.join('') };
    if (run.length === 2 && !isWordList(run)) {
      const word = run.join('');
      if (SPLIT_WORDS.has(word)) return { kind: 'violation', word };
      if (!review) review = { kind: 'review', word };
    }
    i = j + 1;
  }
  return review;
}
