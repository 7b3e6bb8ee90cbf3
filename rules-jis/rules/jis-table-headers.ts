// 1.3.1: a data table with no header cells, or a layout table (role=presentation, or one that holds page sections)
// that has them.
import type { JisCheck } from './types.js';
import { looksLikeLayout, ownRows } from '../dom/table.js';

function rowsOf(t: HTMLTableElement): HTMLTableRowElement[] {
  return Array.from(t.rows).filter((r) => r.closest('table') === t);
}

/** Looks like data: 2+ rows × 2+ columns of short cells, same column count, no nested tables or blocks. */
function looksLikeData(t: HTMLTableElement): boolean {
  const rows = rowsOf(t);
  if (rows.length < 2) return false;
  const widths = rows.map((r) => Array.from(r.cells).reduce((s, c) => s + (c.colSpan || 1), 0));
  if (widths[0] < 2 || widths.some((w) => w !== widths[0])) return false;
  if (t.querySelector('table, form, nav, ul, ol, h1, h2, h3, h4, h5, h6, iframe')) return false;
  const cells = rows.flatMap((r) => Array.from(r.cells));
  const filled = cells.filter((c) => (c.textContent ?? '').trim());
  if (filled.length < cells.length * 0.6) return false;
  return filled.every((c) => (c.textContent ?? '').trim().length <= 80 && !c.querySelector('p, div, img:only-child'));
}

export const rule: JisCheck = {
  id: 'jis-table-headers',
  selector: 'table',
  evaluate(node) {
    const t = node as HTMLTableElement;
    const role = (t.getAttribute('role') ?? '').trim();
    const headers = t.querySelector('th, [scope], [headers], [role=columnheader], [role=rowheader]');
    if (role === 'presentation' || role === 'none') {
      if (headers || t.querySelector('caption') || t.hasAttribute('summary')) {
        this.data({ problem: 'レイアウト用の表（role="presentation"）に見出しセル・キャプション・summary があります' });
        return false;
      }
      return true;
    }
    const ownTh = ownRows(t).some((r) => Array.from(r.cells).some((c) => c.tagName === 'TH'));
    if (ownTh && looksLikeLayout(t)) {
      this.data({ problem: 'レイアウトのための表（見出しや入れ子の表、メニューなどのまとまりを並べた表）に見出しセル（th）があります' });
      return false;
    }
    if (headers || role === 'grid' || !looksLikeData(t)) return true;
    this.data({ problem: 'データの表のようですが、見出しセル（th）がありません' });
    return false;
  },
};
