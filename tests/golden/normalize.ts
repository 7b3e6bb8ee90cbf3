// Normalises outputs for the golden comparison: what changes from run to run (ports, times, dates,
// crawl order) is taken out, everything a user reads stays in.
const ORIGIN = /http:\/\/127\.0\.0\.1:\d+/g;
const JA_DATE = /\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}時\d{1,2}分)?/g;
const ISO_TIME = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?/g;
// the size on a download link: a PDF carries its creation time, so its size moves by a few bytes
const FILE_SIZE = /（(HTML|PDF|CSV|Excel|JSON)、[\d.]+ (?:KB|MB|バイト)）/g;
const TIME_KEYS = new Set(['auditedAt', 'generatedAt', 'startedAt', 'finishedAt', 'durationMs', 'checkedAt', 'at', 'when']);

export function normalizeText(s: string): string {
  return s.replace(ORIGIN, 'ORIGIN').replace(JA_DATE, 'DATE').replace(ISO_TIME, 'DATE').replace(FILE_SIZE, '（$1、SIZE）');
}

/** JSON with times dropped and arrays of pages put in URL order (a crawl finishes pages in any order). */
export function normalizeJson(text: string): string {
  const doc = JSON.parse(normalizeText(text), (k, v) => (TIME_KEYS.has(k) ? undefined : v));
  const sortPages = (o: unknown): unknown => {
    if (Array.isArray(o)) return o.map(sortPages);
    if (o && typeof o === 'object') {
      const r: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o)) r[k] = sortPages(v);
      if (Array.isArray(r.pages) && r.pages.every((p) => p && typeof p === 'object' && 'url' in (p as object)))
        r.pages = [...(r.pages as { url: string }[])].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
      return r;
    }
    return o;
  };
  return JSON.stringify(sortPages(doc), null, 1) + '\n';
}

/** CSV rows in a stable order (the header first). */
export function normalizeCsv(text: string): string {
  // the findings CSV's ID (run + the finding's row number in the store) depends on the order pages were saved
  const [head, ...rows] = normalizeText(text).replace(/^(\uFEFF?)R\d+-F\d+,/gm, '$1R?-F?,').split(/\r?\n(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  return [head, ...rows.filter(Boolean).sort()].join('\n') + '\n';
}
