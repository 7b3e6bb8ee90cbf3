// The structure-tree and text-layer arithmetic of one PDF page, on the plain shapes pdf.js gives
// (page.getStructTree(), page.getTextContent({ includeMarkedContent: true })): how much text is tagged, the
// figures and their alternate text, and whether the tag order follows the content order.
// Tag order vs content order: the marked-content ids in the order the structure tree lists them, against the
// order they appear in the page's content stream; the share of neighbours in the tree whose content comes
// earlier in the stream (0: same order, about 0.5: shuffled).
// Structure (1.3.1): tables and whether they have a header cell, headings, and tagged paragraphs that start like a
// list item (・, ●, (1), 1., ①) outside any list, heading or table: the text of each marked-content id is joined
// first, since pdf.js splits a line into runs (Chromium writes the bullet in a span of its own).

/** A node of pdf.js's serialised structure tree. */
export interface StructNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: 'content' | 'object' | 'annotation';
  id?: string;
  children?: StructNode[];
}

/** An item of pdf.js's text content with marked content included. */
export interface TextItemLike {
  str?: string;
  type?: 'beginMarkedContent' | 'beginMarkedContentProps' | 'endMarkedContent';
  id?: string | null;
  tag?: string;
}

export interface TextFacts {
  /** Characters that are not white space. */
  chars: number;
  /** Of them, outside any marked content with an id (and outside artifacts). */
  untaggedChars: number;
  /** Marked-content ids in the order of the content stream (first appearance). */
  contentOrder: string[];
  /** The text of each marked-content id (its innermost one), runs joined. */
  textById: Map<string, string>;
}

export function textFacts(items: readonly TextItemLike[]): TextFacts {
  const stack: { id: string | null; artifact: boolean }[] = [];
  const order: string[] = [];
  const seen = new Set<string>();
  let chars = 0;
  let untaggedChars = 0;
  const textById = new Map<string, string>();
  for (const it of items) {
    if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') {
      const id = it.id ?? null;
      stack.push({ id, artifact: it.tag === 'Artifact' });
      if (id && !seen.has(id)) (seen.add(id), order.push(id));
      continue;
    }
    if (it.type === 'endMarkedContent') {
      stack.pop();
      continue;
    }
    const n = (it.str ?? '').replace(/\s+/g, '').length;
    chars += n;
    if (!stack.some((m) => m.id || m.artifact)) untaggedChars += n;
    const id = [...stack].reverse().find((m) => m.id)?.id;
    if (id && it.str) textById.set(id, (textById.get(id) ?? '') + it.str);
  }
  return { chars, untaggedChars, contentOrder: order, textById };
}

export interface StructFacts {
  lang: string | null;
  figures: number;
  figuresWithoutAlt: number;
  untaggedTextShare: number;
  inversionShare: number;
  tables: number;
  tablesWithoutHeader: number;
  headings: number;
  listLikeOutsideLists: number;
}

/** The start of a list item typed by hand: a bullet, (1) / （１）, 1. / 1) (not 1.5), ① … ⑳. */
export const LIST_MARKER = /^\s*(?:[・･‧•●○◆◇■□▪◎★☆▶►]|[-‐–]\s|[（(]\s*[0-9０-９]{1,2}\s*[)）]|[0-9０-９]{1,2}\s*(?:[.．](?![0-9０-９])|[)）])|[①-⑳])/;
/** Roles inside which a list-like start is no hand-typed list: lists themselves, headings, tables, contents. */
const NOT_A_HAND_LIST = /^(L|LI|Lbl|LBody|H[1-6]?|Table|TR|TH|TD|TOC|TOCI)$/;
const HEADING = /^H[1-6]?$/;

function hasRole(node: StructNode, role: string): boolean {
  return node.role === role || !!node.children?.some((c) => hasRole(c, role));
}

export function structFacts(tree: StructNode, text: TextFacts): StructFacts {
  const treeOrder: string[] = [];
  let figures = 0;
  let figuresWithoutAlt = 0;
  let lang: string | null = null;
  let tables = 0;
  let tablesWithoutHeader = 0;
  let headings = 0;
  let listLikeOutsideLists = 0;
  const walk = (node: StructNode, inStructure: boolean) => {
    if (node.type === 'content' && node.id) {
      treeOrder.push(node.id);
      if (!inStructure && LIST_MARKER.test(text.textById.get(node.id) ?? '')) listLikeOutsideLists++;
    }
    if (node.role === 'Figure') {
      figures++;
      if (!node.alt?.trim()) figuresWithoutAlt++;
    }
    if (node.role === 'Table') {
      tables++;
      if (!hasRole(node, 'TH')) tablesWithoutHeader++;
    }
    if (node.role && HEADING.test(node.role)) headings++;
    if (!lang && node.lang?.trim()) lang = node.lang.trim();
    const inside = inStructure || (!!node.role && NOT_A_HAND_LIST.test(node.role));
    node.children?.forEach((c) => walk(c, inside));
  };
  walk(tree, false);
  const position = new Map(text.contentOrder.map((id, i) => [id, i]));
  const placed = treeOrder.map((id) => position.get(id)).filter((p): p is number => p != null);
  let inversions = 0;
  for (let i = 1; i < placed.length; i++) if (placed[i] < placed[i - 1]) inversions++;
  return {
    lang,
    figures,
    figuresWithoutAlt,
    untaggedTextShare: text.chars ? text.untaggedChars / text.chars : 0,
    inversionShare: placed.length > 1 ? inversions / (placed.length - 1) : 0,
    tables,
    tablesWithoutHeader,
    headings,
    listLikeOutsideLists,
  };
}
