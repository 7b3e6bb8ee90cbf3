// What a tester may upload as evidence (issue 15 item 4), checked before anything is stored: an image is a
// PNG or a JPEG by its first bytes (its name and Content-Type say nothing we trust), at most
// MAX_EVIDENCE_IMAGE_BYTES, decoded and encoded again by sharp so that nothing but the pixels survives
// (metadata, a payload appended after the image, a polyglot file); a note is plain text of at most
// MAX_NOTE_CHARS characters, kept as text and never turned into HTML by the server.
import sharp from 'sharp';
import { criterion as findCriterion } from '../../../rules-jis/criteria.js';
import type { StoredFileMime } from '../../store/store.js';
import { PAGE_MESSAGES_JA as M } from './page-messages-ja.js';

export const MAX_EVIDENCE_IMAGE_BYTES = 2 * 1024 * 1024;
export const MAX_NOTE_CHARS = 2000;
/** A decoded picture larger than this (pixels) is refused: a small file must not decode into gigabytes. */
const MAX_PIXELS = 40_000_000;

export type ImageType = 'image/png' | 'image/jpeg';

/** The image type by its magic bytes, or null. */
export function imageTypeOf(b: Buffer): ImageType | null {
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  return null;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; status: number; error: string; message: string };

/** The image decoded and encoded again in its own format (pixels only), or why not. */
export async function cleanImage(b: Buffer): Promise<Checked<{ bytes: Buffer; mime: ImageType & StoredFileMime }>> {
  if (b.length > MAX_EVIDENCE_IMAGE_BYTES) return { ok: false, status: 413, error: 'too-large', message: M.imageTooLarge(MAX_EVIDENCE_IMAGE_BYTES) };
  const type = imageTypeOf(b);
  if (!type) return { ok: false, status: 415, error: 'not-image', message: M.notImage };
  try {
    const img = sharp(b, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    const bytes = type === 'image/png' ? await img.png({ compressionLevel: 9 }).toBuffer() : await img.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
    return { ok: true, value: { bytes, mime: type } };
  } catch (e) {
    return { ok: false, status: 422, error: 'bad-image', message: M.badImage(e instanceof Error ? e.message : String(e)) };
  }
}

/** A note's text: non-empty, at most MAX_NOTE_CHARS characters (counted as people count them: code points). */
export function checkNote(v: unknown): Checked<string> {
  const text = typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '';
  if (!text) return { ok: false, status: 400, error: 'bad-request', message: M.noteEmpty };
  const length = [...text].length;
  if (length > MAX_NOTE_CHARS) return { ok: false, status: 413, error: 'too-large', message: M.noteTooLong(MAX_NOTE_CHARS, length) };
  return { ok: true, value: text };
}

export interface EvidenceTarget {
  pageUrl: string | null;
  criterion: string | null;
}

/** The page and criterion the evidence is for (both optional), checked. */
export function checkTarget(pageUrl: unknown, criterion: unknown): Checked<EvidenceTarget> {
  const bad = (message: string): Checked<EvidenceTarget> => ({ ok: false, status: 400, error: 'bad-request', message });
  let url: string | null = null;
  if (pageUrl !== undefined && pageUrl !== null && pageUrl !== '') {
    const s = String(pageUrl);
    let parsed: URL | null = null;
    try {
      parsed = new URL(s);
    } catch {
      parsed = null;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || s.length > 2048) return bad(M.badPageUrl(s));
    url = s;
  }
  let crit: string | null = null;
  if (criterion !== undefined && criterion !== null && criterion !== '') {
    const s = String(criterion);
    if (!findCriterion(s)) return bad(M.badCriterion(s));
    crit = s;
  }
  return { ok: true, value: { pageUrl: url, criterion: crit } };
}
