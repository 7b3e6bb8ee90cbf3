// 1.1.1: an image treated as decoration that carries information. Empty alt on the only content of a link or a
// button (violation: the control then has no text at all); empty alt with a title that names it (review: the title
// says it means something); a large photo or figure inside the main text with empty alt (review: a person decides
// whether it is decoration); alt text hidden by aria-hidden or role=none (review: the author wrote an alternative,
// then hid it).
import type { JisCheck } from './types.js';
import { linkName } from '../dom/text.js';
import { decorativeFileName } from '../text/image-text.js';

const CONTROL = 'a[href], button, [role=link], [role=button]';
const OUTSIDE_TEXT = 'header, footer, nav, aside, [role=banner], [role=contentinfo], [role=navigation], [role=complementary], a, button, label, figure';

const presentational = (img: Element) => /^\s*(none|presentation)\s*$/.test(img.getAttribute('role') ?? '');
const ariaHidden = (img: Element) => !!img.closest('[aria-hidden=true]');

function visible(el: Element): boolean {
  const v = el as Element & { checkVisibility?: (o?: object) => boolean };
  return v.checkVisibility ? v.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : el.getClientRects().length > 0;
}

function controlName(ctl: Element): string {
  return (linkName(ctl) || ctl.getAttribute('value') || '').trim();
}

/** A large image in the main text that a person should look at (not in a header, menu, link or captioned figure). */
function largeContentImage(img: HTMLImageElement): boolean {
  if (!img.closest('main, [role=main], article') || img.closest(OUTSIDE_TEXT) || presentational(img)) return false;
  if (decorativeFileName(img.getAttribute('src') ?? '')) return false;
  const r = img.getBoundingClientRect();
  return r.width >= 240 && r.height >= 160 && (img.naturalWidth === 0 || img.naturalWidth >= 240);
}

type Verdict = { kind: 'violation' | 'review'; reason: string } | null;

function judge(img: HTMLImageElement): Verdict {
  const alt = (img.getAttribute('alt') ?? '').trim();
  if (alt) {
    const how = ariaHidden(img) ? 'aria-hidden="true"' : `role="${(img.getAttribute('role') ?? '').trim()}"`;
    return { kind: 'review', reason: `代替テキスト「${alt.slice(0, 30)}」が書かれていますが、${how} で支援技術から隠されています。意味のある画像なら ${how} を外してください` };
  }
  const ctl = img.closest(CONTROL);
  if (ctl && !controlName(ctl)) {
    const what = ctl.matches('a[href], [role=link]') ? 'リンク' : 'ボタン';
    return { kind: 'violation', reason: `${what}の中身がこの画像だけで、代替テキスト（alt）が空のため、${what}に名前がありません。${what}の行き先や働きを alt に書いてください` };
  }
  const title = (img.getAttribute('title') ?? '').trim();
  if (title) return { kind: 'review', reason: `代替テキスト（alt）は空ですが、title 属性に「${title.slice(0, 40)}」があります。意味のある画像なら、その内容を alt に書いてください` };
  if (!ctl && largeContentImage(img))
    return { kind: 'review', reason: '本文中の大きな画像の代替テキスト（alt）が空です。写真や図が情報を伝えているなら、その内容を alt に書いてください（飾りだけの画像なら空のままで構いません）' };
  return null;
}

export const rule: JisCheck = {
  id: 'jis-img-decorative',
  selector: 'img',
  excludeHidden: false,
  matches: (node) => {
    const alt = node.getAttribute('alt');
    if (alt === null || !visible(node)) return false;
    return /\S/.test(alt) ? ariaHidden(node) || presentational(node) : !ariaHidden(node);
  },
  evaluate(node) {
    const v = judge(node as HTMLImageElement);
    if (!v) return true;
    this.data({ reason: v.reason });
    return v.kind === 'violation' ? false : undefined;
  },
};
