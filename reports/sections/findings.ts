// 問題の一覧: findings by criterion, then by rule (its Japanese title; what is wrong and how to fix it), then
// where (page, what a person sees there, position, HTML), in the fixer's order (criteria with violations
// first, then by pages affected: model/finding-groups.ts). Advisories (参考) come last, under a group of
// their own (ADVISORY_GROUP_JA).
import { understandingUrl } from '../../rules-jis/criteria.js';
import { KIND_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { CriterionGroup, Occurrence, RuleGroup } from '../model.js';
import { html, lines, type Html } from '../html.js';
import { num, truncate } from '../format.js';
import { sectionStart, type SiteSection } from './section.js';
import { procedureId } from './manual-checks.js';

/** Occurrences printed per rule; the CSV has them all. */
export const MAX_OCCURRENCES = 30;

/**
 * The element's HTML as the page served it, in the language of the audited pages (Japanese): its code is
 * read out as it is, and the 3.1.2 checks do not take the markup for an unmarked English passage.
 */
export function snippet(source: string, max: number): Html {
  return html`<pre lang="ja"><code>${truncate(source, max)}</code></pre>`;
}

/** A link to an audited page whose text is its title and path, so two pages of the same title differ. */
export function pageLink(url: string, title: string): Html {
  let path = url;
  try {
    const u = new URL(url);
    path = u.pathname + u.search;
  } catch {
    // not a URL: the text as it is
  }
  return html`<a href="${url}">${title || '（タイトルなし）'}（${path}）</a>`;
}

/** What a person sees: its name or visible text, and (in the per-page view only, so each picture is in the file once) its crop. */
export function seen(o: Occurrence, withCrop = false): Html {
  const text = o.visible ? html`<span class="seen">${o.visible.source}: 「${o.visible.text}」</span>` : html`<span class="seen">（表示される文字はありません）</span>`;
  const img = withCrop && o.crop ? html`<img class="crop" src="${o.crop}" alt="${o.visible ? `問題の要素の画像（${o.visible.text}）` : '問題の要素の画像'}">` : null;
  return html`${img}${img ? html`<br>` : ''}${text}`;
}

function occurrence(o: Occurrence): Html {
  const where = o.selector || (o.line ? `${o.line} 行目` : 'ページ全体');
  return html`<li>${o.pageTitle || '（タイトルなし）'} <span class="url">${o.pageUrl}</span><br>${seen(o)}<br>位置: <code>${where}</code>${snippet(o.html, 400)}</li>`;
}

/** 「不適合: 画像に代替テキストがありません（image-alt）」: the Japanese title first, the id small for search. */
export function ruleHeading(r: Pick<RuleGroup, 'kind' | 'title' | 'ruleId'>): Html {
  return html`${KIND_LABEL_JA[r.kind]}: ${r.title} <small class="rule-id">（${r.ruleId}）</small>`;
}

function ruleGroup(r: RuleGroup): Html {
  const more = r.occurrences.length - MAX_OCCURRENCES;
  return lines(
    html`<h4>${ruleHeading(r)} — ${r.pages} ページ、${r.occurrences.length} 箇所</h4>`,
    html`<p>${r.message}</p>`,
    r.help ? html`<p><strong>直し方:</strong> ${r.help}</p>` : null,
    html`<ul class="occ">`,
    r.occurrences.slice(0, MAX_OCCURRENCES).map(occurrence),
    html`</ul>`,
    more > 0 ? html`<p>ほか ${num(more)} 箇所（CSV に全件あります）</p>` : null,
  );
}

/** One criterion (or the advisory group, which has no level) with its rules. */
export function criterionGroup(g: CriterionGroup, open: ReadonlySet<string> = new Set()): Html {
  const title = g.level ? `${g.id} ${g.jaJis}（レベル ${g.level}）` : g.jaJis;
  const link = g.level ? html`<a href="${understandingUrl(g.id)}">達成基準 ${g.id} の解説（WAIC）</a>` : '';
  const kit = open.has(g.id) ? html`　<a href="#${procedureId(g.id)}">${g.id} を人が確認する手順</a>` : '';
  return lines(
    html`<h3 id="c-${g.id}">${title}</h3>`,
    html`<p>${g.level ? `${g.pages} ページ、` : ''}不適合 ${g.violations} 箇所、要確認 ${g.reviews} 箇所。${link}${kit}</p>`,
    g.rules.map(ruleGroup),
  );
}

const head = { id: 'findings', title: '問題の一覧（達成基準・検査項目・ページ別）' };

export const findingsSection: SiteSection = {
  ...head,
  render: (m) =>
    lines(
      sectionStart(head),
      m.findingGroups.length ? null : html`<p>自動検査で見つかった不適合・要確認の箇所はありません。</p>`,
      m.findingGroups.map((g) => criterionGroup(g, new Set(m.manualChecks.map((c) => c.row.id)))),
      m.advisories ? criterionGroup(m.advisories) : null,
      html`</section>`,
    ),
};
