// What a page offers beside a video or an audio file (1.2.1–1.2.5): caption and description tracks, a link or
// a heading nearby that names a transcript (書き起こし・テキスト版・transcript). No machine can tell whether
// the alternative matches the media (W3C ACT 1ec09b, c3232f, c5a4ea, e7aa44 fail on a wrong transcript), so
// the media rules are review; this file only finds what a person should compare. Pure text helpers: tested in Node.

/** Words that name a text alternative of media in a link or heading near it. */
const TRANSCRIPT = /書き起こし|書きおこし|文字起こし|テキスト版|原稿|台本|読み上げ原稿|音声の内容|動画の内容|transcript|script|text version/i;

/** Hosts of the video players a municipal site embeds in an iframe (cross-origin: their captions cannot be read). */
const PLAYER_HOSTS = /(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com|nicovideo\.jp|nico\.ms|dailymotion\.com)$/i;

export function namesTranscript(text: string): boolean {
  return TRANSCRIPT.test(text);
}

/** True for an iframe src that is an embedded video player (YouTube, Vimeo, ニコニコ …). */
export function isVideoPlayerSrc(src: string): boolean {
  try {
    return PLAYER_HOSTS.test(new URL(src, 'https://example.invalid/').hostname);
  } catch {
    return false;
  }
}

/** Track kinds of a media element in Japanese words: 「字幕トラック」「音声解説トラック」. */
export function trackWords(kinds: string[]): string[] {
  const out: string[] = [];
  if (kinds.some((k) => k === 'captions' || k === 'subtitles' || k === '')) out.push('字幕トラック');
  if (kinds.includes('descriptions')) out.push('音声解説トラック');
  return out;
}
