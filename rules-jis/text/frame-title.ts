// 4.1.2 / 2.4.1: frame titles that name nothing (「iframe」「無題」「frame1」, a file name or URL, a player's default
// 「YouTube video player」). A short real name (「地図」「県庁の地図」) is fine. Pure: tested in Node.
import { foldLabel } from './chars.js';

const GENERIC = new Set(
  ['iframe', 'frame', 'フレーム', 'インラインフレーム', '無題', 'untitled', 'notitle', 'title', 'タイトル', 'embed', 'embedded', 'content', 'contents', 'コンテンツ', 'widget', 'ウィジェット', 'blank', 'about:blank', 'null', 'undefined', 'none', 'youtubevideoplayer', 'youtube', 'vimeo', 'video', 'movie', '動画', 'player', 'frame1', 'iframe1', 'main', 'sub', 'top', 'left', 'right', 'body'].map(foldLabel),
);

export type FrameTitleProblem = 'generic' | 'file-name' | 'url' | null;

export function frameTitleProblem(title: string, src = ''): FrameTitleProblem {
  const t = foldLabel(title);
  if (!t) return null; // a missing title is axe's frame-title
  if (GENERIC.has(t) || /^(i?frame|フレーム)[_\-]?\d+$/.test(t)) return 'generic';
  if (/^(https?:\/\/|www\.)/.test(t)) return 'url';
  if (/^[\w\-.]+\.(html?|php|aspx?|jsp|cgi|pdf)$/.test(t)) return 'file-name';
  const file = (src.split(/[?#]/)[0].split('/').pop() ?? '').toLowerCase();
  if (file && t === file) return 'file-name';
  return null;
}
