// 1.2.1 / 1.2.3 / 1.2.5: a video on the page (video element, YouTube/Vimeo player, link to a video file). Whether it
// has the alternatives it needs (audio description or a text version; for a silent video, a text or audio
// description) only a person who watches it can tell: review, pointing at the video and at what the page offers.
import type { JisCheck } from './types.js';
import { mediaAlternatives } from '../dom/media.js';

export const rule: JisCheck = {
  id: 'jis-media-video',
  selector: 'video, iframe[src*="youtube.com/embed" i], iframe[src*="youtube-nocookie.com/embed" i], iframe[src*="player.vimeo.com" i], a[href$=".mp4" i], a[href$=".m4v" i], a[href$=".mov" i], a[href$=".wmv" i], a[href$=".webm" i], a[href$=".avi" i]',
  evaluate(node) {
    this.data({ offered: mediaAlternatives(node) });
    return false;
  },
};
