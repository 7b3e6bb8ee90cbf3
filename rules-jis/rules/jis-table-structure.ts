// 1.3.1: table markup that breaks the row-and-column structure a screen reader announces: rows with different
// numbers of cells (after spans), and a table nested inside a header cell. Review: a person decides whether the
// reading order is still right. Layout tables are left to jis-table-headers.
import type { JisCheck } from './types.js';
import { looksLikeLayout, ownRows, tableGrid } from '../dom/table.js';
import { raggedRows } from '../text/table-grid.js';

export const rule: JisCheck = {
  id: 'jis-table-structure',
  selector: 'table',
  matches: (node) => {
    const role = (node.getAttribute('role') ?? '').trim();
    return role !== 'presentation' && role !== 'none' && ownRows(node as HTMLTableElement).length >= 2;
  },
  evaluate(node) {
    const t = node as HTMLTableElement;
    const problems: string[] = [];
    const nested = Array.from(t.querySelectorAll('th table')).filter((n) => n.parentElement?.closest('table') === t);
    if (nested.length) problems.push('見出しセル（th）の中に表があります');
    if (!looksLikeLayout(t)) {
      const { grid } = tableGrid(t);
      const ragged = raggedRows(grid);
      if (ragged.length && grid.width >= 2) problems.push(`行によってセルの数が違います（${ragged.slice(0, 3).map((y) => `${y + 1} 行目`).join('、')}${ragged.length > 3 ? ' など' : ''}のセルが足りません）`);
    }
    if (!problems.length) return true;
    this.data({ problem: problems.join('。') });
    return false;
  },
};
