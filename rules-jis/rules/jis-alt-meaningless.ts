// 1.1.1: alt that is no alternative: 画像, 写真, image, spacer, a file name (IMG_0231.JPG).
import type { JisRule } from '../types.js';
import { meaninglessAlt } from '../text/alt.js';

export const rule: JisRule = {
  id: 'jis-alt-meaningless',
  selector: 'img[alt], input[type=image][alt], area[alt]',
  evaluate(node) {
    const alt = node.getAttribute('alt') ?? '';
    const why = meaninglessAlt(alt, node.getAttribute('src') ?? '');
    if (!why) return true;
    this.data({ alt: alt.trim(), reason: why === 'file-name' ? 'ファイル名' : '画像の種類を表す語' });
    return false;
  },
  criteria: ['1.1.1'],
  failKind: 'violation',
  impact: 'critical',
  messages: {
    description: '画像の代替テキスト（alt）が画像の内容や目的を伝えているか',
    why: 'スクリーンリーダーは画像の代わりに alt を読み上げます。「画像」「写真」「IMG_0231.JPG」と読まれても、何が写っているのか、そのリンクがどこへ行くのかわかりません。画像が表示されない環境や、拡大して見る人にも同じです。',
    help: 'CMS の画像設定にある「代替テキスト（alt）」欄に、画像が伝えている内容を書いてください（例：「県庁舎の外観」「申込みの流れ：1 受付、2 審査、3 交付」）。リンクやボタンの画像なら行き先や機能（「トップページへ」）を書きます。飾りだけの画像は「装飾画像」などの設定で alt を空（alt=""）にしてください。',
    fail: '代替テキスト「${data.alt}」は${data.reason}で、画像の内容を伝えていません。',
    pass: '代替テキストは画像の種類名やファイル名ではありません。',
  },
};
