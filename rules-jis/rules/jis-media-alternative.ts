// 1.2.1–1.2.5: every video and every audio file a visitor can play needs captions and an audio description or a
// text alternative (音声解説・書き起こし), and only a person can tell whether they match the media. Review, with
// what the page seems to offer (tracks, a transcript link nearby), so the person knows what to compare. Video
// embedded from a player (YouTube, Vimeo: cross-origin, nothing to read) counts as video. The words: text/media.ts.
import type { JisCheck } from './types.js';
import { isVideoPlayerSrc, namesTranscript, trackWords } from '../text/media.js';

/** Text of the links and headings right around the media (its parent and siblings), where a transcript link sits. */
function nearbyTranscript(node: Element): boolean {
  const scope = node.closest('figure, section, article, li, td, div, p') ?? node.parentElement;
  if (!scope) return false;
  return [...scope.querySelectorAll('a, h2, h3, h4, h5, h6, summary, figcaption')].some((e) => namesTranscript(e.textContent ?? ''));
}

function found(node: Element): string {
  const kinds = [...node.querySelectorAll('track')].map((t) => (t.getAttribute('kind') ?? '').toLowerCase());
  const words = trackWords(kinds);
  if (nearbyTranscript(node)) words.push('近くの書き起こし（テキスト版）へのリンク等');
  return words.length ? words.join('、') : 'なし';
}

function mediaEvaluate(this: { data(d: unknown): void }, node: Element): undefined {
  const src = node.getAttribute('src') ?? node.querySelector('source')?.getAttribute('src') ?? '';
  this.data({ name: src.split(/[?#]/)[0]!.split('/').pop() || node.localName, found: found(node) });
  return undefined;
}

export const videoRule: JisCheck = {
  id: 'jis-video-alternative',
  selector: 'video, iframe[src]',
  matches: (node) => node.localName === 'video' || isVideoPlayerSrc(node.getAttribute('src') ?? ''),
  evaluate: mediaEvaluate,
};

export const audioRule: JisCheck = {
  id: 'jis-audio-alternative',
  selector: 'audio',
  // an audio element with neither controls nor autoplay cannot be heard: nothing to offer an alternative for
  matches: (node) => node.hasAttribute('controls') || node.hasAttribute('autoplay'),
  evaluate: mediaEvaluate,
};
