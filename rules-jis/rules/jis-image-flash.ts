// 2.3.1: an animated image whose frames flash over a large area more than three times in one second (the general
// flash threshold, measured on the decoded frames by rules-jis/page/animated/timing.ts). Always review: the area
// a flash covers on a viewer's screen depends on the screen and the distance (the threshold assumes 1024 × 768 seen
// at a typical distance), the red flash threshold is not measured, and a person should look at it on screen.
import type { JisCheck } from './types.js';
import { animatedFactsOf } from '../page/animated/decode.js';

export const rule: JisCheck = {
  id: 'jis-image-flash',
  selector: 'img',
  matches: (node) => (animatedFactsOf(node)?.flashes ?? 0) > 3,
  evaluate(node) {
    this.data({ flashes: animatedFactsOf(node)!.flashes! });
    return undefined;
  },
};
