// Patterns we recognise on a node an axe rule fails, so that the finding names the pattern and its fix: a check
// added to the axe rule's `any` list that never passes (axe's own checks decide pass or fail) and only notes
// `variant` (a key of the rule's `variants` in data/rules/axe.json, where the words are) with its values.
// rules-jis/runner/normalize.ts picks the wording by that key.
/** A variant check of one axe rule. */
export interface AxeVariantCheck {
  /** The axe rule whose failing nodes it looks at. */
  ruleId: string;
  /** Our check's id in axe. */
  checkId: string;
  /** Returns the variant's data ({ variant, … }) or null when the node shows no known pattern. */
  detect: (node: Element) => Record<string, string> | null;
}

const DATE_PART = /^(年|月|日)(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/u;

/** The text right after a select (a text node, or a short inline element): 「年」 in <select>…</select>年. */
function textAfter(el: Element): string {
  for (let n = el.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === Node.TEXT_NODE) {
      const t = (n.textContent ?? '').trim();
      if (t) return t;
      continue;
    }
    if (n.nodeType === Node.ELEMENT_NODE) return (n as Element).matches('span,b,strong,small,em') ? ((n as Element).textContent ?? '').trim() : '';
  }
  return '';
}

/** select-name on one of the 年/月/日 selects of a split date entry, named only by the character after it. */
const datePart: AxeVariantCheck = {
  ruleId: 'select-name',
  checkId: 'jis-variant-date-part',
  detect(node) {
    const m = DATE_PART.exec(textAfter(node));
    if (!m) return null;
    // a date entry: another select of the same group is followed by another of 年/月/日
    const group = node.parentElement;
    const others = group ? Array.from(group.querySelectorAll('select')).filter((s) => s !== node && DATE_PART.test(textAfter(s))) : [];
    return others.length ? { variant: 'date-part', part: m[1] } : null;
  },
};

export const axeVariantChecks: AxeVariantCheck[] = [datePart];
