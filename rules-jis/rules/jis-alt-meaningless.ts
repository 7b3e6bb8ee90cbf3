// 1.1.1: alt that is no alternative: 画像, 写真, image, spacer, a file name (IMG_0231.JPG).
import type { JisCheck } from './types.js';
import { meaninglessAlt } from '../text/alt.js';

export const rule: JisCheck = {
  id: 'jis-alt-meaningless',
  selector: 'img[alt], input[type=image][alt], area[alt]',
  evaluate(node) {
    const alt = node.getAttribute('alt') ?? '';
    const why = meaninglessAlt(alt, node.getAttribute('src') ?? '');
    if (!why) return true;
    this.data({ alt: alt.trim(), reason: why === 'file-name' ? 'ファイル名' : '画像の種類を表す語' });
    return false;
  },
};
