// リンク切れ: links within the crawl's scope whose target did not answer, and the pages that could not be
// shown at all.
import type { BrokenLink, StoredPage } from '../../crawler/store/store.js';
import { html, lines, type Html } from '../html.js';
import { sectionStart, tableEnd, tableStart, type SiteSection } from './section.js';

function row(b: BrokenLink): Html {
  const state = b.status ? `エラー ${b.status}` : (b.error?.message ?? '応答なし');
  return html`<tr><th scope="row" class="url">${b.fromUrl}</th><td>${b.text}</td><td class="url">${b.toUrl}</td><td>${state}</td></tr>`;
}

function erroredPages(pages: StoredPage[]): Html | null {
  if (!pages.length) return null;
  return lines(
    html`<h3>表示できなかったページ</h3><ul>`,
    pages.map((p) => html`<li><span class="url">${p.url}</span>: ${p.error?.message ?? ''}</li>`),
    html`</ul>`,
  );
}

const head = { id: 'broken', title: 'リンク切れ' };

export const brokenLinksSection: SiteSection = {
  ...head,
  render: (m) =>
    lines(
      sectionStart(head),
      m.brokenLinks.length
        ? [tableStart('リンク切れの一覧', ['リンク元のページ', 'リンク文字', 'リンク先', '状態']), m.brokenLinks.map(row), tableEnd]
        : html`<p>リンク切れは見つかりませんでした（検査範囲内のリンク先だけを確認しています）。</p>`,
      erroredPages(m.erroredPages),
      html`</section>`,
    ),
};
