// 文書（PDF・Office）の一覧: documents linked from the audited pages, with their size, whether they
// answered, and the pages that link to them. Their content is not audited, and the section says so.
import type { StoredDocument } from '../../crawler/store/store.js';
import { html, lines, type Html } from '../html.js';
import { bytesJa } from '../format.js';
import { numeric, sectionStart, tableEnd, tableStart, type SiteSection } from './section.js';

function state(d: StoredDocument): Html | string {
  if (d.error) return html`<span class="fail">${d.error.message}</span>`;
  return d.status ? `応答 ${d.status}` : '未確認';
}

function row(d: StoredDocument): Html {
  const from = d.linkedFrom.map((l) => html`<li>${l.text || '（リンク文字なし）'}: <span class="url">${l.pageUrl}</span></li>`);
  return html`<tr><th scope="row" class="url">${d.url}</th><td>${d.type}</td><td class="num">${bytesJa(d.size)}</td><td>${state(d)}</td><td><ul>${from}</ul></td></tr>`;
}

const head = { id: 'documents', title: '文書（PDF・Office）の一覧' };

export const documentsSection: SiteSection = {
  ...head,
  render: (m) =>
    lines(
      sectionStart(head),
      html`<p>ウェブページからリンクされている PDF や Office の文書です。文書の中身は自動検査していません。文書そのもののアクセシビリティは別に確認してください。</p>`,
      m.documents.length
        ? [tableStart('文書の一覧', ['文書', '種類', numeric('大きさ'), '状態', 'リンク元']), m.documents.map(row), tableEnd]
        : html`<p>文書へのリンクはありません。</p>`,
      html`</section>`,
    ),
};
