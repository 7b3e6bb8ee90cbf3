// 1.3.2 / 2.4.3: does the order a sighted reader reads blocks in (rows top to bottom, left to right in a row) differ
// from their order in the HTML? Pure on boxes: the DOM and the CSS side is rules-jis/rules/jis-visual-order.ts.

export interface Block {
  /** Position in the HTML among its siblings. */
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Two boxes are in one row when they overlap vertically by at least half the shorter one. */
function sameRow(a: Block, b: Block): boolean {
  const overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return overlap >= Math.min(a.height, b.height) / 2;
}

/** The blocks in reading order: rows from the top, then left to right (for left-to-right text). */
export function readingOrder(blocks: Block[]): Block[] {
  const sorted = [...blocks].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Block[][] = [];
  for (const b of sorted) {
    const row = rows.find((r) => r.some((o) => sameRow(o, b)));
    if (row) row.push(b);
    else rows.push([b]);
  }
  rows.sort((r1, r2) => Math.min(...r1.map((b) => b.y)) - Math.min(...r2.map((b) => b.y)));
  return rows.flatMap((r) => r.sort((a, b) => a.x - b.x));
}

/** The first pair read in the opposite order to the HTML (by HTML index), or null when the orders agree. */
export function firstInversion(blocks: Block[]): [Block, Block] | null {
  const order = readingOrder(blocks);
  for (let i = 1; i < order.length; i++) if (order[i].index < order[i - 1].index) return [order[i - 1], order[i]];
  return null;
}
