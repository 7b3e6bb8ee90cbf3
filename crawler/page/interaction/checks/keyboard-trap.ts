// 2.1.2 キーボードトラップなし: focus that cannot leave an element or region by keyboard.
import { interactionRule } from '../../../../rules-jis/catalogue/interaction.js';
import type { CheckOutput, Verdict } from '../finding.js';
import type { TraversalArtifacts } from '../types.js';

/** Criterion, impact, messages and fix: rules-jis/data/rules/interaction.json. */
export const meta = interactionRule('keyboard-trap');

export function judge(art: TraversalArtifacts): CheckOutput {
  const verdicts: Verdict[] = [];
  for (const t of art.traps) {
    if (t.escapeReleased) continue; // a modal that closes on Escape: fine
    const where = t.selectors.length === 1 ? `要素 ${t.selectors[0]}` : `${t.selectors.length} 個の要素（${t.selectors.slice(0, 4).join('、')}${t.selectors.length > 4 ? ' など' : ''}）`;
    if (t.otherDirection) {
      verdicts.push({
        kind: 'review',
        selector: t.selectors[0] ?? '',
        html: t.html,
        what: t.direction === 'forward'
          ? `Tab キーを押し続けてもフォーカスが${where}の中を回り続け、先へ進めませんでした（Shift+Tab では抜けられました）。`
          : `Shift+Tab キーを押し続けてもフォーカスが${where}の中から戻れませんでした（Tab では抜けられました）。`,
      });
    } else if (t.exitKeyAdvised) {
      verdicts.push({
        kind: 'review',
        selector: t.selectors[0] ?? '',
        html: t.html,
        what: `フォーカスが${where}に閉じ込められ、Tab、Shift+Tab、Escape では外へ移動できませんでした。ページに別のキー操作の説明があるため、その方法で抜けられるか確かめてください（説明どおりに抜けられれば 2.1.2 を満たします）。`,
      });
    } else {
      verdicts.push({
        kind: 'violation',
        selector: t.selectors[0] ?? '',
        html: t.html,
        what: `フォーカスが${where}に閉じ込められました。Tab、Shift+Tab、Escape のどれを押しても外へ移動できません。`,
      });
    }
  }
  return { meta, verdicts, applicable: art.stops.length > 0 };
}
