// The one walk over a parse5 tree for the 4.1.1 source check: iterative (an explicit stack), in document
// order. A recursive walk overflowed the call stack on about 8,000 unclosed tags (issue 21 case 12), and
// the parser itself keeps any depth. Browser-safe (bundled into the in-page script too).
import type { DefaultTreeAdapterMap } from 'parse5';

export type SourceElement = DefaultTreeAdapterMap['element'];
export type SourceParent = DefaultTreeAdapterMap['parentNode'];

export interface WalkOptions {
  /**
   * Also walk the contents of `<template>` elements (a separate document fragment in parse5), after the
   * template's own children. Off by default: template contents are not part of the page.
   */
  templates?: boolean;
}

function templateContent(el: SourceElement): SourceParent | undefined {
  return el.tagName === 'template' && 'content' in el ? (el as unknown as { content: SourceParent }).content : undefined;
}

/** Every element under `root`, in document (pre-)order, without recursion. */
export function* elementsOf(root: SourceParent, opts: WalkOptions = {}): Generator<SourceElement> {
  const stack: SourceParent[] = [];
  const pushChildren = (node: SourceParent) => {
    for (let i = node.childNodes.length - 1; i >= 0; i--) {
      const child = node.childNodes[i];
      if ('tagName' in child) stack.push(child as SourceElement);
    }
  };
  pushChildren(root);
  while (stack.length) {
    const node = stack.pop()!;
    if ('tagName' in node) yield node as SourceElement;
    const content = opts.templates && 'tagName' in node ? templateContent(node as SourceElement) : undefined;
    // the content fragment goes under the children, so it is walked after them
    if (content) stack.push(content);
    pushChildren(node);
  }
}
