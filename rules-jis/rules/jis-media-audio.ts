// 1.2.1: recorded audio on the page (an audio player, a link to a sound file) needs a text version (書き起こし) a
// person checks against what is said: review, pointing at the audio and at what the page offers. An audio element
// with no controls and no autoplay plays nothing a visitor can reach.
import type { JisCheck } from './types.js';
import { mediaAlternatives } from '../dom/media.js';

export const rule: JisCheck = {
  id: 'jis-media-audio',
  selector: 'audio, a[href$=".mp3" i], a[href$=".wav" i], a[href$=".m4a" i], a[href$=".wma" i], a[href$=".aac" i], a[href$=".ogg" i]',
  matches: (node) => node.tagName !== 'AUDIO' || node.hasAttribute('controls') || node.hasAttribute('autoplay'),
  evaluate(node) {
    this.data({ offered: mediaAlternatives(node) });
    return false;
  },
};
