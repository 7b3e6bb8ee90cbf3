// 文書（PDF・Office）: documents linked from the audited pages, with their size, whether they answered, and the
// pages that link to them; where the crawl checked their content (issue 18), their findings listed by the
// linking page (the editor who uploaded the file) with how to fix at the source. Documents are reported
// here, not in the 達成基準チェックリスト of the pages, and the section says so.
import type { StoredDocument } from '../../crawler/store/store.js';
import { PLACEHOLDER_TITLE } from '../../rules-jis/documents/check-pdf.js';
import { KIND_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { Finding } from '../../rules-jis/types.js';
import { html, lines, type Html } from '../html.js';
import { bytesJa } from '../format.js';
import { numeric, sectionStart, tableEnd, tableStart, type SiteSection } from './section.js';

function state(d: StoredDocument): Html | string {
  if (d.error) return html`<span class="fail">${d.error.message}</span>`;
  if (d.checked) return d.findings.length ? `検査済み（指摘 ${d.findings.length} 件）` : '検査済み（指摘なし）';
  return d.status ? `応答 ${d.status}` : '未確認';
}

function row(d: StoredDocument): Html {
  const from = d.linkedFrom.map((l) => html`<li>${l.text || '（リンク文字なし）'}: <span class="url">${l.pageUrl}</span></li>`);
  return html`<tr><th scope="row" class="url">${d.url}</th><td>${d.type}</td><td class="num">${bytesJa(d.size)}</td><td>${state(d)}</td><td><ul>${from}</ul></td></tr>`;
}

function finding(f: Finding): Html {
  const criteria = f.criteria.length ? `（${f.criteria.join('、')}）` : '';
  return html`<li><span class="${f.kind === 'violation' ? 'fail' : ''}">${KIND_LABEL_JA[f.kind]}${criteria}</span>: ${f.message}<br>直し方: ${f.help}</li>`;
}

/** Linking page → its documents that have findings, in page order (a document linked twice shows under both). */
function byLinkingPage(docs: readonly StoredDocument[]): [string, StoredDocument[]][] {
  const pages = new Map<string, StoredDocument[]>();
  for (const d of docs) {
    if (!d.findings.length) continue;
    for (const url of new Set(d.linkedFrom.map((l) => l.pageUrl))) pages.set(url, [...(pages.get(url) ?? []), d]);
  }
  return [...pages].sort(([a], [b]) => a.localeCompare(b));
}

function findingsByPage(docs: readonly StoredDocument[]): Html | string {
  const groups = byLinkingPage(docs);
  if (!groups.length) return docs.some((d) => d.checked) ? html`<p>検査した文書に指摘はありません。</p>` : '';
  return lines(
    html`<h3>リンク元のページごとの文書の指摘</h3>`,
    html`<p>文書を掲載したページの担当者が、元のファイル（Word・Excel・PowerPoint など）で直してから PDF に書き出し直し、差し替えてください。Office の「校閲」→「アクセシビリティチェック」で同じ問題を確かめられます。</p>`,
    groups.map(([page, ds]) => html`<h4 class="url">${page}</h4>${ds.map((d) => html`<p class="url">${d.url}${d.title && !PLACEHOLDER_TITLE.test(d.title) ? `（${d.title}）` : ''}</p><ul>${d.findings.map(finding)}</ul>`)}`),
  );
}

const head = { id: 'documents', title: '文書（PDF・Office）の一覧' };

function intro(m: { documents: readonly StoredDocument[] }): Html {
  const checked = m.documents.filter((d) => d.checked).length;
  if (!checked) return html`<p>ウェブページからリンクされている PDF や Office の文書です。文書の中身は自動検査していません。文書そのもののアクセシビリティは別に確認してください。</p>`;
  return html`<p>ウェブページからリンクされている PDF や Office の文書です。PDF と Word・Excel・PowerPoint（docx・xlsx・pptx）の ${checked} 件は中身を自動検査しました（タグ、文字情報、タイトル、言語、代替テキストなど）。自動検査で分かるのは一部です。結果は達成基準チェックリストの判定には含めていません。</p>`;
}

export const documentsSection: SiteSection = {
  ...head,
  render: (m) =>
    lines(
      sectionStart(head),
      intro(m),
      m.documents.length
        ? [tableStart('文書の一覧', ['文書', '種類', numeric('大きさ'), '状態', 'リンク元']), m.documents.map(row), tableEnd, findingsByPage(m.documents)]
        : html`<p>文書へのリンクはありません。</p>`,
      html`</section>`,
    ),
};
