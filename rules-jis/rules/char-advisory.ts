// Shared shape of the character advisories (参考): a cheap pre-filter on the element's own text, then the
// pure finder from text/chars-advisory.ts; each rule file keeps its own id, pattern and finder, and its
// messages are its entry in data/rules/jis.json.
import type { JisCheck } from './types.js';
import { TEXT_BLOCK_SELECTOR, ownText } from '../dom/text.js';

export function charAdvisoryRule(spec: {
  id: string;
  /** Elements whose own text cannot contain a hit are skipped (they count as inapplicable). */
  prefilter: RegExp;
  find: (text: string) => string[];
}): JisCheck {
  return {
    id: spec.id,
    selector: TEXT_BLOCK_SELECTOR,
    matches: (node) => spec.prefilter.test(ownText(node)),
    evaluate(node) {
      const found = spec.find(ownText(node).replace(/\n/g, ' '));
      if (!found.length) return true;
      this.data({ chars: found.slice(0, 8).join('」「') });
      return false;
    },
  };
}
