// Decisions element by element (判断の対象, issue "decisions"): for the criteria a person judges per element
// (data/decision-items.json: 1.1.1, 1.4.5, 2.4.4, 2.4.6) the page lists every element the criterion is about, each
// with a key that recurs wherever the same element recurs (rules-jis/page/decision-items.ts). A person judges each key
// once (a judgement with scope `element`, rules-jis/judgements.ts); a cell whose every element has been judged is
// decided without asking again, and a changed element (another alt, another link text) is a new key, asked again.
// Here: the data, which criteria have lists, when "no element" means 適用なし, and which elements are still open.
// Pure: no DOM, no Node.
import data from './data/decision-items.json';
import type { DecisionItem, DecisionItemKind } from './types.js';

/** How one criterion is judged element by element (data/decision-items.json). */
export interface DecisionItemRule {
  kinds: DecisionItemKind[];
  /** What the list of elements rests on (docs/jis-test.md shows it). */
  restsOn: string;
  /** What the list cannot see: a person looks for it on the page. */
  notSeen: string;
  /** A page with no element of these kinds is 適用なし (only where the list is exhaustive). */
  inapplicableWhenNone: boolean;
  /** The reason shown when it is 適用なし. */
  reason: string;
}

export const DECISION_ITEM_RULES = (data as unknown as { criteria: Record<string, DecisionItemRule> }).criteria;

/** The rule of a criterion judged element by element, or undefined. */
export function decisionItemRule(criterion: string): DecisionItemRule | undefined {
  return DECISION_ITEM_RULES[criterion];
}

/** The items of each listed criterion from the items of each kind (the page side collects by kind). */
export function itemsByCriterion(byKind: Record<DecisionItemKind, DecisionItem[]>): Record<string, DecisionItem[]> {
  const out: Record<string, DecisionItem[]> = {};
  for (const [id, rule] of Object.entries(DECISION_ITEM_RULES)) out[id] = rule.kinds.flatMap((k) => byKind[k] ?? []);
  return out;
}

/** A criterion judged element by element is 適用なし when its exhaustive list is empty on a page read completely. */
export function inapplicableByItems(criterion: string, items: DecisionItem[] | undefined, complete: boolean | undefined): boolean {
  const rule = decisionItemRule(criterion);
  return !!rule && rule.inapplicableWhenNone && complete === true && Array.isArray(items) && items.length === 0;
}

/** An element judgement as the cell needs it: the key it was made on and its result. */
export interface ElementDecision {
  key: string;
  result: 'pass' | 'fail' | 'inapplicable';
}

/** How a cell stands against the element judgements: which elements are still open, and the failing ones. */
export interface ItemCoverage {
  open: DecisionItem[];
  failed: DecisionItem[];
  judged: number;
}

/** The cell's elements against the element judgements of its criterion (newest first: the first per key decides). */
export function itemCoverage(items: DecisionItem[], decisions: ElementDecision[]): ItemCoverage {
  const byKey = new Map<string, ElementDecision>();
  for (const d of decisions) if (!byKey.has(d.key)) byKey.set(d.key, d);
  const open: DecisionItem[] = [];
  const failed: DecisionItem[] = [];
  for (const it of items) {
    const d = byKey.get(it.key);
    if (!d) open.push(it);
    else if (d.result === 'fail') failed.push(it);
  }
  return { open, failed, judged: items.length - open.length };
}
