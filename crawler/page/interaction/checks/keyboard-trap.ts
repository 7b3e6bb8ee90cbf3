// 2.1.2 キーボードトラップなし: focus that cannot leave an element or region by keyboard.
import type { CheckMeta, CheckOutput, Verdict } from '../finding.js';
import type { TraversalArtifacts } from '../types.js';

export const meta: CheckMeta = {
  id: 'keyboard-trap',
  criterion: '2.1.2',
  impact: 'critical',
  description: 'Tab / Shift+Tab / Escape でフォーカスを要素や領域の外へ移動できるか',
  why: 'マウスを使えない人（キーボードやスイッチ、音声入力で操作する人）は、ここから先へ進むことも戻ることもできず、ページの残りを一切操作できなくなります。',
  help: 'Tab キーと Shift+Tab キーでフォーカスが領域の外へ出られるようにしてください。keydown で Tab を横取りしている場合は、Tab 文字の入力などをやめるか、Escape など標準的なキーで抜けられるようにし、その方法を画面上で説明してください。',
};

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
