// 1.3.1: a table with multi-level headers (merged header cells, two header rows or columns) whose header cells are
// not tied to their data cells by scope or headers. A header cell that sits among data cells both ways heads nothing
// under the HTML table model: the association cannot be inferred (violation). Otherwise browsers may infer it from
// the layout, but screen readers differ (review). The grid is rules-jis/text/table-grid.ts.
import type { JisCheck } from './types.js';
import { looksLikeLayout, tableGrid } from '../dom/table.js';
import { analyzeHeaders } from '../text/table-grid.js';

const VALID_SCOPE = /^(row|col|rowgroup|colgroup)$/;

export const rule: JisCheck = {
  id: 'jis-table-complex',
  selector: 'table',
  matches: (node) => !!node.querySelector('th, [role=columnheader], [role=rowheader]') && !looksLikeLayout(node as HTMLTableElement),
  evaluate(node) {
    const { grid } = tableGrid(node as HTMLTableElement);
    const a = analyzeHeaders(grid);
    const headers = grid.cells.filter((c) => c.header && c.filled);
    const data = grid.cells.filter((c) => !c.header && c.filled);
    // tied explicitly: every header cell has a scope, or (nearly) every data cell names its headers
    const tied = headers.every((c) => VALID_SCOPE.test(c.scope)) || (data.length > 0 && data.filter((c) => c.hasHeaders).length >= data.length * 0.8);
    if (tied) return true;
    if (a.orphanHeaders.length && headers.every((c) => !VALID_SCOPE.test(c.scope))) {
      this.data({ problem: `見出しセル（${a.orphanHeaders.length} 個）が行・列の両方でデータセルに挟まれており、どのセルの見出しか機械的に決められません` });
      return false;
    }
    if (!a.complex) return true;
    this.data({ problem: `${a.why.join('、')}のある複雑な表で、見出しセルとデータセルの対応が scope・headers 属性で示されていません` });
    return undefined;
  },
};
