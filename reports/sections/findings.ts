// 問題の一覧: findings by criterion, then by rule (what is wrong and how to fix it), then where (page,
// position, HTML). Advisories (参考) come last, under a group of their own (ADVISORY_GROUP_JA).
import { understandingUrl } from '../../rules-jis/criteria.js';
import { KIND_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { CriterionGroup, Occurrence, RuleGroup } from '../model.js';
import { html, lines, type Html } from '../html.js';
import { num, truncate } from '../format.js';
import { sectionStart, type SiteSection } from './section.js';

/** Occurrences printed per rule; the CSV has them all. */
export const MAX_OCCURRENCES = 30;

function occurrence(o: Occurrence): Html {
  const where = o.selector || (o.line ? `${o.line} 行目` : 'ページ全体');
  return html`<li>${o.pageTitle || '（タイトルなし）'} <span class="url">${o.pageUrl}</span><br>位置: <code>${where}</code><pre>${truncate(o.html, 400)}</pre></li>`;
}

function ruleGroup(r: RuleGroup): Html {
  const more = r.occurrences.length - MAX_OCCURRENCES;
  return lines(
    html`<h4>${KIND_LABEL_JA[r.kind]}: ${r.ruleId}（${r.pages} ページ、${r.occurrences.length} 箇所）</h4>`,
    html`<p>${r.message}</p>`,
    r.help ? html`<p><strong>直し方:</strong> ${r.help}</p>` : null,
    html`<ul class="occ">`,
    r.occurrences.slice(0, MAX_OCCURRENCES).map(occurrence),
    html`</ul>`,
    more > 0 ? html`<p>ほか ${num(more)} 箇所（CSV に全件あります）</p>` : null,
  );
}

/** One criterion (or the advisory group, which has no level) with its rules. */
export function criterionGroup(g: CriterionGroup): Html {
  const title = g.level ? `${g.id} ${g.jaJis}（レベル ${g.level}）` : g.jaJis;
  const link = g.level ? html`<a href="${understandingUrl(g.id)}">達成基準 ${g.id} の解説（WAIC）</a>` : '';
  return lines(
    html`<h3 id="c-${g.id}">${title}</h3>`,
    html`<p>不適合 ${g.violations} 箇所、要確認 ${g.reviews} 箇所。${link}</p>`,
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
      m.findingGroups.map(criterionGroup),
      m.advisories ? criterionGroup(m.advisories) : null,
      html`</section>`,
    ),
};
