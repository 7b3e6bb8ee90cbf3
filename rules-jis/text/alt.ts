// 1.1.1: alt texts that are no alternative (画像, image, IMG_0231.JPG), alt that repeats the text beside it.
import data from '../data/ja-alt.json';
import { foldLabel } from './chars.js';

const WORDS = new Set((data as { meaningless: string[] }).meaningless.map(foldLabel));
const FILE_EXT = /\.(jpe?g|png|gif|bmp|svg|webp|tiff?|heic)$/i;
const CAMERA_NAME = /^(img|dsc|dscn|dscf|pxl|p|image|photo|pic|screenshot|スクリーンショット)[_\-\s]?\d{2,}/i;

function baseName(src: string): string {
  const path = src.split(/[?#]/)[0];
  const file = decodeURIComponentSafe(path.slice(path.lastIndexOf('/') + 1));
  return file.replace(/\.[a-z0-9]+$/i, '');
}
function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The reason an alt is no alternative, or null when it may be a real one. */
export function meaninglessAlt(alt: string, src = ''): 'word' | 'file-name' | null {
  const t = foldLabel(alt);
  if (!t) return null; // alt="" is decoration: fine here (axe judges missing alt)
  // 画像, 写真1, image01: the kind of thing, not what it shows.
  const stripped = t.replace(/[0-9]+$/, '').replace(/[_\-]$/, '');
  if (WORDS.has(t) || (stripped !== t && WORDS.has(stripped))) return 'word';
  if (FILE_EXT.test(t) || CAMERA_NAME.test(alt.trim())) return 'file-name';
  const base = foldLabel(baseName(src));
  // alt equal to the file name without extension (top_banner), if that name looks machine-made.
  if (base && t === base && /[_\-0-9]/.test(base) && !/[^\x00-\x7f]/.test(base)) return 'file-name';
  return null;
}

/** Width of a text in "Japanese characters": CJK counts 1, ASCII 0.5. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

export const LONG_ALT = 100;

/** True when the alt repeats `near` (the text beside the image, link text or caption). */
export function altRepeats(alt: string, near: string): boolean {
  const a = foldLabel(alt).replace(/[。．.、,：:]/g, '');
  const n = foldLabel(near).replace(/[。．.、,：:]/g, '');
  if (a.length < 2 || !n) return false;
  return a === n || (a.length >= 4 && n.includes(a) && a.length >= n.length * 0.6);
}
