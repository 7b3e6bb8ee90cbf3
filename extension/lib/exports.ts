// The checklist's exports next to the JSON judgement file: one table of judgements, written as XLSX (for the
// 広報広聴課's worksheet habits) and as a printable HTML page (for the file folder), both under the page's public
// URL (lib/public-url.ts). Rows: criterion, title, level, scope, mark and words, note, who, when (JST), what the
// automated check said. Pure (the panel turns the bytes into a download).
import { criterion, compareCriterionIds } from '../../rules-jis/criteria.js';
import type { AuditResult } from '../../rules-jis/types.js';
import { JUDGEMENT_MARK_JA, JUDGEMENT_RESULT_LABEL_JA, OUTCOME_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { jaDate, jstDate } from '../../rules-jis/test-period.js';
import type { EditorJudgement } from './judgements.js';
import { writeXlsx } from './xlsx-write.js';
import { EXPORT_JA } from './exports-text.js';
import { stripTokens } from './public-url.js';

export type ExportRow = readonly string[];

/** 2026-11-30T04:05:00Z → 2026年11月30日 13:05 (JST). */
export function jstDateTime(iso: string): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const hm = new Date(t + 9 * 3600_000).toISOString().slice(11, 16);
  return `${jaDate(jstDate(iso))} ${hm}`;
}

/** The table: a header row, then one row per judgement in criterion order. */
export function exportRows(judgements: Record<string, EditorJudgement>, result: AuditResult | null, publicUrl: string): ExportRow[] {
  const auto = new Map((result?.pages[0]?.criteria ?? []).map((c) => [c.id, c.outcome]));
  const rows = Object.values(judgements)
    .sort((a, b) => compareCriterionIds(a.criterion, b.criterion))
    .map((j): ExportRow => {
      const c = criterion(j.criterion);
      const a = auto.get(j.criterion);
      return [
        publicUrl,
        j.criterion,
        c?.ja ?? '',
        c?.level ?? '',
        j.scope.type === 'page' ? EXPORT_JA.pageScope : EXPORT_JA.siteScope,
        `${JUDGEMENT_MARK_JA[j.result]} ${JUDGEMENT_RESULT_LABEL_JA[j.result]}`,
        j.note,
        j.who,
        jstDateTime(j.when),
        a ? OUTCOME_LABEL_JA[a] : EXPORT_JA.notAudited,
      ];
    });
  return [EXPORT_JA.header, ...rows];
}

export function judgementsXlsx(rows: ExportRow[]): Uint8Array {
  return writeXlsx(EXPORT_JA.sheet, rows, [40, 8, 28, 8, 16, 12, 40, 12, 20, 10]);
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A printable page (A4, Japanese, itself accessible: lang, title, caption, th scope); the preview's tokens never printed. */
export function judgementsHtml(rows: ExportRow[], publicUrl: string, previewUrl: string, now = new Date()): string {
  const [head, ...body] = rows;
  const title = EXPORT_JA.title(publicUrl);
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
  body { font-family: "Noto Sans CJK JP", "Hiragino Sans", Meiryo, sans-serif; font-size: 10.5pt; color: #1a1a1a; margin: 1.5rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #555; padding: 0.25rem 0.4rem; vertical-align: top; text-align: left; }
  th { background: #eee; }
  caption { text-align: left; font-weight: bold; margin-bottom: 0.4rem; }
  @page { size: A4 landscape; margin: 12mm; }
  @media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<dl>
  <dt>${esc(EXPORT_JA.publicUrl)}</dt><dd data-public-url>${esc(publicUrl)}</dd>
  <dt>${esc(EXPORT_JA.previewUrl)}</dt><dd>${esc(stripTokens(previewUrl))}</dd>
  <dt>${esc(EXPORT_JA.written)}</dt><dd>${esc(jstDateTime(now.toISOString()))}</dd>
</dl>
<table>
<caption>${esc(EXPORT_JA.caption(body.length))}</caption>
<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${body.map((r) => `<tr>${r.map((v, i) => (i === 1 ? `<th scope="row">${esc(v)}</th>` : `<td>${esc(v)}</td>`)).join('')}</tr>`).join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
