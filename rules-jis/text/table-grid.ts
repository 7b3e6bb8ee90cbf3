// 1.3.1: a table's grid as the HTML table model builds it (rows × columns of slots, cells spanning several), and what
// the grid says about its header cells. Pure (tested in Node): the DOM reading is rules-jis/dom/table.ts.
// The header roles follow the "auto" state of the HTML spec (§4.9.12.2 "forming relationships between data cells
// and header cells"): a th with no scope heads a column when no data cell shares its rows, a row when no data cell
// shares its columns, and nothing at all when data cells share both.

/** One cell as the table's markup gives it. */
export interface CellInput {
  header: boolean;
  colspan: number;
  rowspan: number;
  /** scope as written (lower case), '' when absent. */
  scope: string;
  /** The headers attribute has ids in it. */
  hasHeaders: boolean;
  id: string;
  /** Non-empty text (or alt) in the cell. */
  filled: boolean;
}

/** A cell placed on the grid. */
export interface GridCell extends CellInput {
  /** Index in the flattened input (row by row, cell by cell). */
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Grid {
  cells: GridCell[];
  /** slots[y][x] = index into `cells`, or -1 for a slot no cell covers. */
  slots: number[][];
  width: number;
  height: number;
}

const clamp = (n: number, lo: number, hi: number) => (Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.floor(n))) : lo);

/** Lay the rows out on the grid (colspan 1–1000, rowspan 0 = to the end of the table, clamped to it). */
export function buildGrid(rows: CellInput[][]): Grid {
  const height = rows.length;
  const slots: number[][] = rows.map(() => []);
  const cells: GridCell[] = [];
  rows.forEach((row, y) => {
    let x = 0;
    for (const c of row) {
      while (slots[y][x] !== undefined) x++;
      const width = clamp(c.colspan, 1, 1000);
      const height2 = c.rowspan === 0 ? height - y : clamp(c.rowspan, 1, height - y);
      const cell: GridCell = { ...c, index: cells.length, x, y, width, height: height2 };
      cells.push(cell);
      for (let dy = 0; dy < height2; dy++) for (let dx = 0; dx < width; dx++) slots[y + dy][x + dx] ??= cell.index;
      x += width;
    }
  });
  const width = Math.max(0, ...slots.map((r) => r.length));
  for (const r of slots) for (let x = 0; x < width; x++) if (r[x] === undefined) r[x] = -1;
  return { cells, slots, width, height };
}

/** Rows with slots no cell covers (a row shorter than the others). */
export function raggedRows(g: Grid): number[] {
  const out: number[] = [];
  g.slots.forEach((r, y) => {
    if (r.some((s) => s === -1)) out.push(y);
  });
  return out;
}

const VALID_SCOPE = new Set(['row', 'col', 'rowgroup', 'colgroup']);

/** Which way a header cell heads, by its scope or (no scope) by the spec's auto rule. */
export function headerRole(g: Grid, c: GridCell): 'column' | 'row' | 'none' {
  if (c.scope === 'col' || c.scope === 'colgroup') return 'column';
  if (c.scope === 'row' || c.scope === 'rowgroup') return 'row';
  const isData = (i: number) => i >= 0 && !g.cells[i].header;
  let dataInRows = false;
  for (let y = c.y; y < c.y + c.height && !dataInRows; y++) dataInRows = g.slots[y].some(isData);
  if (!dataInRows) return 'column';
  let dataInCols = false;
  for (let x = c.x; x < c.x + c.width && !dataInCols; x++) dataInCols = g.slots.some((r) => isData(r[x]));
  return dataInCols ? 'none' : 'row';
}

/** Leading rows made of header cells only, and leading columns made of header cells only. */
export function headerBands(g: Grid): { rows: number; cols: number } {
  const isHeader = (i: number) => i >= 0 && g.cells[i].header;
  let rows = 0;
  while (rows < g.height && g.slots[rows].every(isHeader)) rows++;
  let cols = 0;
  while (cols < g.width && g.slots.every((r, y) => y < rows || isHeader(r[cols]))) cols++;
  return { rows, cols };
}

export interface HeaderAnalysis {
  /** Multi-level headers: a header cell spanning rows/columns, or two header rows / two header columns. */
  complex: boolean;
  /** What makes it complex, in Japanese (for the message). */
  why: string[];
  /** Some cell says how it is associated: a scope on a header cell or a headers attribute. */
  explicit: boolean;
  /** Header cells that head no data cell by position (data cells share both their rows and columns). */
  orphanHeaders: GridCell[];
  bands: { rows: number; cols: number };
}

/** The header structure of a data table (one with at least one header cell). */
export function analyzeHeaders(g: Grid): HeaderAnalysis {
  const headers = g.cells.filter((c) => c.header);
  const bands = headerBands(g);
  const why: string[] = [];
  const spanning = headers.filter((c) => (c.width > 1 || c.height > 1) && c.filled);
  if (spanning.length) why.push('複数の行・列にまたがる見出しセル（結合したセル）');
  if (bands.rows >= 2 && g.height > bands.rows) why.push(`${bands.rows} 段の見出し行`);
  if (bands.cols >= 2 && g.width > bands.cols) why.push(`${bands.cols} 列の行見出し`);
  // Two header columns that are not a leading band: 区分 | 項目 | value with th in both.
  const explicit = headers.some((c) => VALID_SCOPE.has(c.scope)) || g.cells.some((c) => c.hasHeaders);
  const orphanHeaders = headers.filter((c) => c.filled && headerRole(g, c) === 'none');
  // A one-row table whose header spans it all (a title row) is not multi-level.
  const complex = why.length > 0 && g.height >= 3 && g.width >= 2;
  return { complex, why, explicit, orphanHeaders, bands };
}
