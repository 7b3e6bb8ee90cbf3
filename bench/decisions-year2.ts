// The second year of bench/human-decisions.ts: the sample site copied with a few pages changed the way a year
// changes a municipal site (an image's alternative rewritten, a news item added to a list, a heading reworded).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLE_SITE_DIR } from '../crawler/cli/sample-site.js';

export interface SiteChange {
  file: string;
  what: string;
  from: string;
  to: string;
}

export const YEAR2_CHANGES: SiteChange[] = [
  { file: 'kurashi/bosai.html', what: '地図の代替テキストを書き直し', from: 'alt="みどり市中央地区の避難場所の地図。', to: 'alt="みどり市中央地区の避難場所（2027 年度）の地図。' },
  { file: 'news/index.html', what: 'お知らせの一覧に 1 件追加', from: '<h1>お知らせ</h1>\n<ul>', to: '<h1>お知らせ</h1>\n<ul>\n<li><a href="/news/2026/news-001.html">令和9年度の予算案を公表しました</a></li>' },
  { file: 'kenko/index.html', what: '見出しの言い換え', from: '<h1>健康・福祉</h1>', to: '<h1>健康・福祉のご案内</h1>' },
];

/** Copies the sample site into `dir`/site-year2 with YEAR2_CHANGES applied; each change must apply. */
export function changedSampleSite(dir: string): string {
  const out = path.join(dir, 'site-year2');
  cpSync(SAMPLE_SITE_DIR, out, { recursive: true });
  for (const c of YEAR2_CHANGES) {
    const file = path.join(out, c.file);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(c.from)) throw new Error(`bench: ${c.file} に「${c.from}」がありません（サンプルサイトが変わりました。bench/decisions-year2.ts を直してください）`);
    writeFileSync(file, text.replace(c.from, c.to));
  }
  return out;
}
