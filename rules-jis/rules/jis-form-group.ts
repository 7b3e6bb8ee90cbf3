// 1.3.1 / 3.3.2: radio buttons or checkboxes that share a name (one question) with no group label: no fieldset with
// a legend, no role=group/radiogroup with a name. A screen reader then reads 「はい　ラジオボタン」 without the question.
// Violation for bare yes/no answers (はい/いいえ, 有/無) outside a table: the options mean nothing alone; review
// otherwise (the options may carry the question, or a table header may give it).
import type { JisCheck } from './types.js';
import { groupLabel, groupOf, ownLabel } from '../dom/form.js';
import { yesNoOptions } from '../text/form.js';

export const rule: JisCheck = {
  id: 'jis-form-group',
  selector: 'input[type=radio], input[type=checkbox]',
  matches: (node) => {
    const group = groupOf(node as HTMLInputElement);
    return group.length >= 2 && group[0] === node;
  },
  evaluate(node) {
    const el = node as HTMLInputElement;
    const { name, fieldset } = groupLabel(el);
    if (name) return true;
    const labels = groupOf(el).map((x) => ownLabel(x));
    const what = el.type === 'radio' ? 'ラジオボタン' : 'チェックボックス';
    const options = labels.filter(Boolean).slice(0, 4).join('」「');
    const noLegend = fieldset ? '（fieldset はありますが legend が空か、ありません）' : '';
    if (yesNoOptions(labels) && !el.closest('td, th, [role=cell], [role=gridcell]')) {
      this.data({ problem: `「${options}」の${what}に、何を尋ねているかを表すグループ名がありません${noLegend}。選択肢だけが読み上げられ、質問がわかりません` });
      return false;
    }
    this.data({ problem: `${what}のグループ${options ? `（「${options}」）` : ''}に、グループ名（fieldset と legend など）がありません${noLegend}` });
    return undefined;
  },
};
