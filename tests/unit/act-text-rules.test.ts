// Text helpers of the rules added for the W3C ACT misses: media (rules-jis/text/media.ts) and English position/shape words (text/sensory.ts).
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

import { sensoryWords } from '../../rules-jis/text/sensory.js';

describe('position and shape instructions in English (ACT 9bd38c)', () => {
  it('finds "the menu on the right", "the triangle menu", "underneath the star"', () => {
    for (const t of ['Find the menu on the right, to navigate', 'more examples within the triangle menu', 'look underneath the star', 'Click the round button'])
      expect(sensoryWords(t).length, t).toBeGreaterThan(0);
  });
  it('leaves reading-order words and ordinary uses of right/left alone', () => {
    for (const t of ['Please see the table below', 'Turn right at the station', 'The left party won', 'All rights reserved', 'A star player'])
      expect(sensoryWords(t), t).toEqual([]);
  });
});
