// 3.2.1 フォーカス時: receiving focus must not open a window, navigate or submit.
import { interactionRule } from '../../../../rules-jis/catalogue/interaction.js';
import type { CheckOutput, Verdict } from '../finding.js';
import { label } from '../finding.js';
import type { GuardEvent, TraversalArtifacts } from '../types.js';

/** Criterion, impact, messages and fix: rules-jis/data/rules/interaction.json. */
export const meta = interactionRule('on-focus');

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
