// 2.4.7 フォーカスの可視化: a focused element must look different from unfocused.
// Evidence: computed styles focused vs not (traversal), and where those are equal, pixels of the viewport.
import { interactionRule } from '../../../../rules-jis/catalogue/interaction.js';
import type { CheckOutput, Verdict } from '../finding.js';
import { label } from '../finding.js';
import type { TraversalArtifacts } from '../types.js';

/** Criterion, impact, messages and fix: rules-jis/data/rules/interaction.json. */
export const meta = interactionRule('focus-visible');

/** Fewer changed pixels than this (CSS px) on and around the element counts as "tiny". */
const TINY = 12;

export function judge(art: TraversalArtifacts): CheckOutput {
  const verdicts: Verdict[] = [];
  for (const s of art.stops) {
    if (s.selfBlurred) {
      verdicts.push({
        kind: 'violation',
        selector: s.stop.selector,
        html: s.stop.html,
        what: `${label(s.stop)} はフォーカスを受け取ると、スクリプトで自らフォーカスを外しています（blur()）。フォーカス表示が一切出ません。`,
        help: 'onfocus="this.blur()" などフォーカスを外す処理を削除してください。',
      });
      continue;
    }
    if (!s.stop.visible || s.styleDiff.length) continue; // hidden stops: focus-order reports them
    if (/^(iframe|frame|object|embed|video|audio)$/.test(s.stop.tag)) continue; // focus is on something inside it
    const px = s.pixels;
    if (!px) {
      if (s.faintDiff.length) {
        verdicts.push({
          kind: 'review',
          selector: s.stop.selector,
          html: s.stop.html,
          what: `${label(s.stop)} はフォーカス時の見た目の変化がごくわずかです（${s.faintDiff.join(', ')}）。見分けられるか確認してください。`,
        });
      }
      continue;
    }
    if (px.inBox >= TINY) continue; // visibly changes on or around itself
    if (px.inBox === 0 && px.elsewhere === 0 && !s.faintDiff.length) {
      verdicts.push({
        kind: 'violation',
        selector: s.stop.selector,
        html: s.stop.html,
        what: `${label(s.stop)} はキーボードでフォーカスしても、表示が1画素も変わりませんでした（outline などのフォーカス表示が消されています）。`,
      });
      continue;
    }
    const parts: string[] = [];
    if (px.inBox > 0) parts.push(`要素の周辺で ${px.inBox} 画素${px.textEntry ? '（文字入力欄のカーソルのみの可能性）' : ''}`);
    if (px.elsewhere > 0) parts.push(`要素の周り（150px 以内）で ${px.elsewhere} 画素`);
    if (s.faintDiff.length) parts.push(`スタイル ${s.faintDiff.join(', ')} のわずかな変化`);
    verdicts.push({
      kind: 'review',
      selector: s.stop.selector,
      html: s.stop.html,
      what: `${label(s.stop)} はフォーカス時の見た目の変化が小さいか、要素から離れた場所にしかありません（${parts.join('、')}）。フォーカスの位置が目で分かるか確認してください。`,
    });
  }
  return { meta, verdicts, applicable: art.stops.length > 0 };
}
