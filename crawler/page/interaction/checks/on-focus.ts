// 3.2.1 フォーカス時: receiving focus must not open a window, navigate or submit.
import type { CheckMeta, CheckOutput, Verdict } from '../finding.js';
import { label } from '../finding.js';
import type { GuardEvent, TraversalArtifacts } from '../types.js';

export const meta: CheckMeta = {
  id: 'on-focus',
  criterion: '3.2.1',
  impact: 'serious',
  description: 'Tab キーでフォーカスしただけで、新しいウィンドウが開く・別のページへ移動する・フォームが送信されることがないか',
  why: 'キーボードで操作する人は、目的の場所へ行くために途中の要素を次々にフォーカスします。フォーカスしただけで状況が変わると、意図せずページが切り替わり、元の場所へ戻れなくなります。',
  help: 'ページの移動や新しいウィンドウ、送信は focus イベントではなく、利用者がボタンやリンクを押したとき（click、Enter）に行ってください。',
};

export function describeEvents(events: GuardEvent[]): string {
  const words = new Set(
    events.map((e) =>
      e.type === 'navigation' ? `別のページ（${e.url}）への移動` : e.type === 'submit' ? 'フォームの送信' : `新しいウィンドウ（${e.url || 'about:blank'}）を開く動作`,
    ),
  );
  return [...words].slice(0, 3).join('、');
}

export function judge(art: TraversalArtifacts): CheckOutput {
  const verdicts: Verdict[] = [];
  for (const s of art.stops) {
    if (!s.events.length) continue;
    verdicts.push({
      kind: 'violation',
      selector: s.stop.selector,
      html: s.stop.html,
      what: `${label(s.stop)} にフォーカスが移っただけで、${describeEvents(s.events)}が起きました。`,
    });
  }
  return { meta, verdicts, applicable: art.stops.length > 0 };
}
