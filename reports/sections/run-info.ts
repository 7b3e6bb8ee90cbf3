// 検査の情報: the run itself (number, times, start URLs, scope), the page counts, how the tested pages were
// selected and the tools used, so a reader can tell exactly what this report is about.
import type { ReportModel } from '../model.js';
import { html, join, lines, type HtmlValue } from '../html.js';
import { dateTimeJa } from '../format.js';
import { toolsUsed } from '../test-result/document.js';
import { sectionStart, type SiteSection } from './section.js';

/** The part of the stored crawl config (crawler/crawl/config.ts) this section prints. */
interface ScopeConfig {
  scope?: { maxPages?: number; maxDepth?: number; include?: string[]; exclude?: string[] };
}

/** 「最大 200 ページ、リンクの深さ 制限なし、対象 …、除外 …」 from the run's config. */
function scopeText(m: ReportModel): string {
  const s = ((m.run.config ?? {}) as ScopeConfig).scope;
  const depth = s?.maxDepth != null && s.maxDepth >= 0 ? s.maxDepth : '制限なし';
  const include = s?.include?.length ? `、対象 ${s.include.join(' ')}` : '';
  const exclude = s?.exclude?.length ? `、除外 ${s.exclude.join(' ')}` : '';
  return `最大 ${s?.maxPages ?? '—'} ページ、リンクの深さ ${depth}${include}${exclude}`;
}

function items(m: ReportModel): [string, HtmlValue][] {
  const r = m.run;
  return [
    ['検査番号', html`${r.id}${r.label ? `（${r.label}）` : ''}`],
    ['開始', dateTimeJa(r.startedAt)],
    ['終了', r.finishedAt ? dateTimeJa(r.finishedAt) : `終了していません（状態: ${r.status}）`],
    ['開始 URL', html`<span class="url">${join(r.startUrls, html`<br>`)}</span>`],
    ['検査範囲', scopeText(m)],
    ['ページ数', `検査 ${m.summary.pagesAudited}、エラー ${m.summary.pagesFailed}、文書 ${m.summary.documents}`],
    ['試験したページの選択', m.selection.warnings.length ? html`${m.selection.description}${m.selection.warnings.map((w) => html`<br>${w.level === 'warning' ? '注意' : '注記'}: ${w.message}`)}` : m.selection.description],
    ['使用したツール', join(toolsUsed(m), html`<br>`)],
  ];
}

const head = { id: 'meta', title: '検査の情報' };

export const runInfoSection: SiteSection = {
  ...head,
  render: (m) =>
    lines(
      html`${sectionStart(head)}<dl class="meta">`,
      items(m).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`),
      html`</dl></section>`,
    ),
};
