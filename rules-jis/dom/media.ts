// What a page offers beside a video or a sound (1.2.x): caption and description tracks, and a text version nearby
// (a link or a heading that says 書き起こし・文字起こし・テキスト版・原稿・transcript). Worded for the finding's message:
// the media rules are reviews, and a person checks the alternatives found against the media itself.
import { readableText } from './text.js';

const TEXT_VERSION = /書き起こし|書起こし|文字起こし|テキスト版|原稿|全文|要旨|音声解説|transcript|text version|audio description/i;

/** The words of the blocks around `el` (its parent block and the ones just before and after). */
function around(el: Element): string {
  const block = el.parentElement?.closest('p, li, div, section, article, figure, td, dd') ?? el.parentElement;
  if (!block) return '';
  return [block.previousElementSibling, block, block.nextElementSibling].map((b) => (b ? readableText(b) : '')).join(' ').slice(0, 2000);
}

/** 「字幕トラック・近くに書き起こしへの案内」: what the page offers beside the media, or 「代替は見つかりません」. */
export function mediaAlternatives(el: Element): string {
  const kinds = Array.from(el.querySelectorAll('track')).map((t) => (t.getAttribute('kind') ?? 'subtitles').toLowerCase());
  const offered: string[] = [];
  if (kinds.includes('captions') || kinds.includes('subtitles')) offered.push('字幕トラック');
  if (kinds.includes('descriptions')) offered.push('音声解説トラック');
  if (TEXT_VERSION.test(around(el))) offered.push('近くにテキスト版（書き起こしなど）の案内');
  return offered.length ? `${offered.join('・')}があります。内容が映像・音声と合っているか確認してください` : 'ページ上に字幕・音声解説・書き起こしなどの代替は見つかりません';
}
