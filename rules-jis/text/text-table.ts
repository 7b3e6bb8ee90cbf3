// 1.3.1: a table drawn with spaces or tabs (in <pre>, or lines split by <br>). A screen reader reads it
// as one long run of words; the columns and their headers are lost.

/**
 * Split a line into cells at layout gaps. In <pre> a gap is a tab or 2+ spaces; elsewhere ASCII spaces
 * collapse, so a gap is 2+ of NBSP / 全角スペース (ASCII spaces between them count once).
 */
export function cellsOf(line: string, pre: boolean): { cells: string[]; widest: number } {
  const gap = pre ? /\t+[ \t\u3000\u00a0]*|[ \u3000\u00a0]{2,}[\t]*/g : /(?:[\u3000\u00a0]\s*){2,}|\t/g;
  const t = pre ? line.replace(/^[ \t\u3000\u00a0]+|[ \t\u3000\u00a0]+$/g, '') : line.replace(/^[\s]+|[\s]+$/g, '');
  let widest = 0;
  for (const m of t.matchAll(gap)) widest = Math.max(widest, m[0].includes('\t') ? 4 : m[0].replace(/ +/g, ' ').length);
  const cells = t.split(gap).filter((c) => c.trim() !== '');
  return { cells, widest };
}

/** True when the lines look like a table: 3+ rows in columns (3+ cells, or 2 cells set far apart). */
export function looksLikeTextTable(lines: string[], pre: boolean): boolean {
  const rows = lines.map((l) => cellsOf(l, pre)).filter((r) => r.cells.length >= 2);
  if (rows.length < 3) return false;
  const wide = rows.filter((r) => r.cells.length >= 3).length;
  const far = rows.filter((r) => r.widest >= 3).length;
  return wide >= 2 || far >= 3;
}
