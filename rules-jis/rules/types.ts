// The code side of one of our Japanese checks: which elements it looks at and how it judges them. Its
// metadata (criteria, kind, impact, messages, fix) is its entry in rules-jis/data/rules/jis.json, as
// axe-core keeps lib/rules/*.json apart from lib/checks/**; rules-jis/runner/register.ts joins the two by id.

/**
 * Registered into axe as a custom rule with one check. `evaluate` runs as an axe check: return true (pass),
 * false (the rule's kind: violation, review or advisory) or undefined (review); call `this.data({...})` to
 * fill the `${data.x}` placeholders of the catalogue messages.
 */
export interface JisCheck {
  /** The id of its catalogue entry (data/rules/jis.json). */
  id: string;
  /** CSS selector of the elements the rule looks at. */
  selector: string;
  /** Optional filter (axe `matches`): return false to skip an element (it then counts as inapplicable). */
  matches?: (node: Element, virtualNode?: unknown) => boolean;
  /** false: axe also hands hidden elements to `matches` (a rule that picks its few elements itself, from 'body *'). */
  excludeHidden?: boolean;
  evaluate: (this: { data(d: unknown): void }, node: Element, options?: unknown, virtualNode?: unknown) => boolean | undefined;
}
