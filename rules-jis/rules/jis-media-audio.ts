// 1.2.1: recorded audio on the page (an audio player, a link to a sound file) needs a text version (書き起こし) a
// person checks against what is said: review, pointing at the audio and at what the page offers. An audio element
// with no controls and no autoplay plays nothing a visitor can reach.
import type { JisCheck } from './types.js';
import { mediaAlternatives } from '../dom/media.js';

const AUDIO_FILE = /\.(mp3|wav|m4a|wma|aac|ogg)([?#]|$)/i;

export const rule: JisCheck = {
  id: 'jis-media-audio',
  // axe's selector engine ignores the ` i` flag of attribute selectors: the file types are filtered here
  selector: 'audio, a[href]',
  matches: (node) =>
    node.tagName === 'AUDIO' ? node.hasAttribute('controls') || node.hasAttribute('autoplay') : AUDIO_FILE.test(node.getAttribute('href') ?? ''),
  evaluate(node) {
    this.data({ offered: mediaAlternatives(node) });
    return false;
  },
};
