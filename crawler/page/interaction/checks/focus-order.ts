// 2.4.3 フォーカス順序: Tab order against the reading order.
// Layout jumps and focus into hidden content → review. A positive tabindex is the static axe rule `tabindex`
// (rules-jis/data/rules/axe.json: 2.4.3 violation), found on every page without driving it, so it is not
// reported here a second time.
import { interactionRule } from '../../../../rules-jis/catalogue/interaction.js';
import type { CheckOutput, Verdict } from '../finding.js';
import { label } from '../finding.js';
import type { Box, TraversalArtifacts } from '../types.js';

/** Criterion, impact, messages and fix: rules-jis/data/rules/interaction.json. */
export const meta = interactionRule('focus-order');

const overlapX = (a: Box, b: Box) => Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
const overlapY = (a: Box, b: Box) => Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
const MAX_JUMPS = 5;

export function judge(art: TraversalArtifacts): CheckOutput {
  const verdicts: Verdict[] = [];
  for (const s of art.stops) {
    if (!s.stop.visible && !s.selfBlurred) {
      verdicts.push({
        kind: 'review',
        selector: s.stop.selector,
        html: s.stop.html,
        what: `${label(s.stop)} にフォーカスが移りましたが、その要素は見えていません（${s.stop.hiddenReason ?? '非表示'}）。`,
        help: '見えない要素はフォーカスを受け取らないようにするか（display:none、hidden 属性、inert、tabindex="-1"）、フォーカス時には表示してください。',
      });
    }
  }
  let jumps = 0;
  for (let i = 1; i < art.stops.length && jumps < MAX_JUMPS; i++) {
    if (art.stops[i].resumed) continue; // not reached by Tab from the previous stop
    const p = art.stops[i - 1].stop;
    const c = art.stops[i].stop;
    if (!p.visible || !c.visible || (c.tabindex ?? 0) > 0 || (p.tabindex ?? 0) > 0) continue;
    const a = p.rect;
    const b = c.rect;
    let how = '';
    if (overlapX(a, b) > 0 && b.y + b.height < a.y - 40) how = `${Math.round(a.y - b.y)}px 上へ戻っています`;
    else if (overlapY(a, b) > Math.min(a.height, b.height) / 2 && b.x + b.width <= a.x - 4) how = '同じ行で右から左へ戻っています';
    if (!how) continue;
    jumps++;
    verdicts.push({
      kind: 'review',
      selector: c.selector,
      html: c.html,
      what: `フォーカスが ${p.index}番 ${label(p)} から ${c.index}番 ${label(c)} へ移るとき、画面上で${how}。読む順序として自然か確認してください。`,
    });
  }
  return { meta, verdicts, applicable: art.stops.length > 0 };
}
