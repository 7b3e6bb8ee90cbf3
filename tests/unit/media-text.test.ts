// The words of the media rules (rules-jis/text/media.ts): transcript links, embedded players, track kinds.
import { describe, expect, it } from 'vitest';
import { isVideoPlayerSrc, namesTranscript, trackWords } from '../../rules-jis/text/media.js';

describe('media text helpers', () => {
  it('finds a link or heading that names a transcript, in Japanese and English', () => {
    for (const t of ['動画の内容（テキスト版）', '会見の書き起こし', '放送原稿', 'Transcript']) expect(namesTranscript(t)).toBe(true);
    for (const t of ['動画を見る', 'ごみの分け方', 'お問い合わせ']) expect(namesTranscript(t)).toBe(false);
  });
  it('knows embedded video players from other iframes', () => {
    expect(isVideoPlayerSrc('https://www.youtube.com/embed/x')).toBe(true);
    expect(isVideoPlayerSrc('https://www.youtube-nocookie.com/embed/x')).toBe(true);
    expect(isVideoPlayerSrc('https://player.vimeo.com/video/1')).toBe(true);
    expect(isVideoPlayerSrc('https://www.google.com/maps/embed?pb=1')).toBe(false);
    expect(isVideoPlayerSrc('/map.html')).toBe(false);
    expect(isVideoPlayerSrc('https://notyoutube.com/embed/x')).toBe(false);
  });
  it('names caption and description tracks', () => {
    expect(trackWords(['captions', 'descriptions'])).toEqual(['字幕トラック', '音声解説トラック']);
    expect(trackWords(['chapters'])).toEqual([]);
  });
});
