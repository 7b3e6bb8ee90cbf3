// The structure-tree and text-layer arithmetic of one PDF page, on the plain shapes pdf.js gives
// (page.getStructTree(), page.getTextContent({ includeMarkedContent: true })): how much text is tagged, the
// figures and their alternate text, and whether the tag order follows the content order.
// Tag order vs content order: the marked-content ids in the order the structure tree lists them, against the
// order they appear in the page's content stream; the share of neighbours in the tree whose content comes
// earlier in the stream (0: same order, about 0.5: shuffled).

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
}

export function textFacts(items: readonly TextItemLike[]): TextFacts {
  const stack: { id: string | null; artifact: boolean }[] = [];
  const order: string[] = [];
  const seen = new Set<string>();
  let chars = 0;
  let untaggedChars = 0;
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
  }
  return { chars, untaggedChars, contentOrder: order };
}

export interface StructFacts {
  lang: string | null;
  figures: number;
  figuresWithoutAlt: number;
  untaggedTextShare: number;
  inversionShare: number;
}

export function structFacts(tree: StructNode, text: TextFacts): StructFacts {
  const treeOrder: string[] = [];
  let figures = 0;
  let figuresWithoutAlt = 0;
  let lang: string | null = null;
  const walk = (node: StructNode) => {
    if (node.type === 'content' && node.id) treeOrder.push(node.id);
    if (node.role === 'Figure') {
      figures++;
      if (!node.alt?.trim()) figuresWithoutAlt++;
    }
    if (!lang && node.lang?.trim()) lang = node.lang.trim();
    node.children?.forEach(walk);
  };
  walk(tree);
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
  };
}
