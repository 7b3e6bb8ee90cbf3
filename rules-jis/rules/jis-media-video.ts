// 1.2.1 / 1.2.3 / 1.2.5: a video on the page (video element, YouTube/Vimeo player, link to a video file). Whether it
// has the alternatives it needs (audio description or a text version; for a silent video, a text or audio
// description) only a person who watches it can tell: review, pointing at the video and at what the page offers.
import type { JisCheck } from './types.js';
import { mediaAlternatives } from '../dom/media.js';

const PLAYER = /(youtube\.com|youtube-nocookie\.com)\/embed|player\.vimeo\.com/i;
const VIDEO_FILE = /\.(mp4|m4v|mov|wmv|webm|avi)([?#]|$)/i;

export const rule: JisCheck = {
  id: 'jis-media-video',
  // axe's selector engine ignores the ` i` flag of attribute selectors (it then matched every element): filter here
  selector: 'video, iframe[src], a[href]',
  matches: (node) =>
    node.tagName === 'VIDEO' ||
    (node.tagName === 'IFRAME' ? PLAYER.test(node.getAttribute('src') ?? '') : VIDEO_FILE.test(node.getAttribute('href') ?? '')),
  evaluate(node) {
    this.data({ offered: mediaAlternatives(node) });
    return false;
  },
};
