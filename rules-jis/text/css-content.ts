// 1.3.1 (F87): text a stylesheet inserts with ::before/::after `content`. Words (「必須」「NEW」「PDF」「締切間近」) are
// information that disappears with the stylesheet and reaches assistive technology unevenly; quotes, brackets,
// bullets, arrows, counters and icon-font glyphs (private use area) are decoration. Pure: tested in Node.

/** The text of a computed `content` value: the quoted strings joined; '' for none/normal/counter()/attr() only. */
export function contentText(value: string): string {
  if (!value || value === 'none' || value === 'normal') return '';
  const parts: string[] = [];
  for (const m of value.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)) parts.push((m[1] ?? m[2] ?? '').replace(/\\([0-9a-f]{1,6})\s?/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/\\(.)/g, '$1'));
  return parts.join('');
}

/** The letters of a content text that make words: not symbols, digits, spaces or icon-font glyphs. */
export function contentWords(text: string): string {
  return text.replace(/[\uE000-\uF8FF\u{F0000}-\u{FFFFD}]/gu, '').replace(/[\s\p{P}\p{S}\p{N}]/gu, '');
}

/** Words, not decoration: two or more Japanese letters, or three or more Latin letters. */
export function meaningfulContent(value: string): boolean {
  const w = contentWords(contentText(value));
  const latin = (w.match(/[A-Za-z]/g) ?? []).length;
  return w.length - latin >= 2 || latin >= 3;
}
