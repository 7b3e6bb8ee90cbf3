// DOM reads for the table rules (1.3.1): a table's own rows and cells as the pure grid model takes them
// (rules-jis/text/table-grid.ts), and whether a table looks like layout. Runs in the page.
import { buildGrid, type CellInput, type Grid } from '../text/table-grid.js';

/** The table's own rows (not those of tables nested in its cells). */
export function ownRows(t: HTMLTableElement): HTMLTableRowElement[] {
  return Array.from(t.rows).filter((r) => r.closest('table') === t);
}

function cellInput(c: HTMLTableCellElement): CellInput {
  const text = (c.textContent ?? '').trim() || Array.from(c.querySelectorAll('img[alt]')).map((i) => i.getAttribute('alt') ?? '').join('').trim();
  const role = c.getAttribute('role');
  return {
    header: role === 'columnheader' || role === 'rowheader' || (c.tagName === 'TH' && role !== 'cell' && role !== 'gridcell'),
    colspan: c.colSpan || 1,
    // the DOM gives rowSpan 0 as 0 ("to the end of the group"); absent = 1
    rowspan: c.hasAttribute('rowspan') ? c.rowSpan : 1,
    scope: (c.getAttribute('scope') ?? '').trim().toLowerCase(),
    hasHeaders: /\S/.test(c.getAttribute('headers') ?? ''),
    id: c.id,
    filled: text.length > 0,
  };
}

const gridMemo = new WeakMap<HTMLTableElement, { at: number; grid: Grid; cells: HTMLTableCellElement[] }>();

/** The table's grid, and its cell elements in the grid's order (memoised for one audit). */
export function tableGrid(t: HTMLTableElement): { grid: Grid; cells: HTMLTableCellElement[] } {
  const hit = gridMemo.get(t);
  if (hit && Date.now() - hit.at < 1000) return hit;
  const rows = ownRows(t).slice(0, 500);
  const cellEls = rows.map((r) => Array.from(r.cells).slice(0, 200));
  const grid = buildGrid(cellEls.map((r) => r.map(cellInput)));
  const out = { at: Date.now(), grid, cells: cellEls.flat() };
  gridMemo.set(t, out);
  return out;
}

/** Content only a page's layout puts in a table cell: whole sections, menus, forms, frames. */
const LAYOUT_CONTENT = 'table, form, nav, iframe, h1, h2, h3, h4, h5, h6, ul ul, header, footer, main, article, aside';

/**
 * Looks like a table used for layout: it holds page sections (headings, nested tables, menus, forms), or it is one
 * row or one column of large blocks. Conservative: a data table with a list in a cell is still data.
 */
export function looksLikeLayout(t: HTMLTableElement): boolean {
  const role = (t.getAttribute('role') ?? '').trim();
  if (role === 'presentation' || role === 'none') return true;
  const rows = ownRows(t);
  const cells = rows.flatMap((r) => Array.from(r.cells));
  if (!cells.length) return false;
  const sectioned = cells.filter((c) => c.querySelector(LAYOUT_CONTENT)).length;
  if (sectioned >= 1 && t.querySelector('table')) return true;
  if (sectioned >= 2) return true;
  const blocks = cells.filter((c) => c.querySelectorAll('p, div, img').length >= 3 || (c.textContent ?? '').trim().length > 400).length;
  return blocks >= 2 && (rows.length === 1 || rows.every((r) => r.cells.length === 1));
}
