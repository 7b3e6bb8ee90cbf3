// 1.4.4 テキストのサイズ変更 (text-resize): what the 200% pass found (rules-jis/page/zoom/measure.ts), judged.
//   violation: under the browser's page zoom (the viewport halved) text that was whole before is cut off by a box
//              that hides its overflow — part of it stays in view, so it is not a panel folded away — and the box
//              does not truncate on purpose (no ellipsis / line-clamp): the words are lost, at any zoom method;
//   review:    the same under text-only zoom only (the browser's page zoom keeps it readable, which WCAG's G142
//              accepts: a person decides whether text-only zoom matters here), truncation on purpose (is the full
//              text elsewhere?), text already cut before the zoom, text that now overlaps other text, text that now
//              needs sideways scrolling in its box.
import { interactionRule } from '../../../rules-jis/catalogue/interaction.js';
import type { ZoomHit } from '../../../rules-jis/page/keyboard/index.js';
import type { CheckOutput, Verdict } from '../interaction/finding.js';

/** Criterion, impact, messages and fix: rules-jis/data/rules/interaction.json. */
export const meta = interactionRule('text-resize');

const MAX_FINDINGS = 8;
const MODE_JA = { page: 'ブラウザの拡大機能で 200% に拡大すると', text: '文字だけを 200% に拡大すると' } as const;

export function zoomVerdict(h: ZoomHit): Verdict {
  const at = MODE_JA[h.mode];
  const text = h.text ? `「${h.text}」` : '文字';
  if (h.kind === 'overlap') {
    return { kind: 'review', selector: h.selector, html: h.html, what: `${at}、文字どうしが重なります（${text}）。重なった部分が読めるか確認してください。` };
  }
  if (h.kind === 'hscroll') {
    return { kind: 'review', selector: h.selector, html: h.html, what: `${at}、${text}を含む枠の中で文字が横にはみ出し、横にスクロールしないと読めなくなります。` };
  }
  const axis = h.axis === 'x' ? '横' : '縦';
  const cut = `${text}を含む文字が、内容を隠す設定（overflow: hidden）の枠からはみ出して${axis}に約 ${h.px}px 切れて読めなくなります`;
  if (h.mode === 'page' && !h.already && !h.ellipsis) {
    return { kind: 'violation', selector: h.selector, html: h.html, what: `${at}、${cut}。` };
  }
  const why = h.ellipsis
    ? '（「…」で省略する設定です。省略された全文が別の場所で読めるか確認してください）'
    : h.already
      ? '（拡大する前から切れています。全文が別の場所で読めるか確認してください）'
      : '（ブラウザの拡大機能では読めるため、文字だけの拡大で読めることが必要か、人が判断してください）';
  return { kind: 'review', selector: h.selector, html: h.html, what: `${at}、${cut}${why}。` };
}

/** The pass's findings: the certain ones first, at most MAX_FINDINGS, one per box. */
export function judgeZoom(hits: ZoomHit[], followed: number): CheckOutput {
  const seen = new Set<string>();
  const verdicts = hits
    .map(zoomVerdict)
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'violation' ? -1 : 1))
    .filter((v) => {
      const key = v.selector;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_FINDINGS);
  return { meta, verdicts, applicable: followed > 0 };
}
