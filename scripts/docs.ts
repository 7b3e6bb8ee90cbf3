// `npm run docs`: writes docs/rules.md from the rule catalogue (rules-jis/catalogue/), so the list of rules a
// reader sees is the list the tool runs. tests/unit/docs.test.ts renders it again in memory and fails when
// the committed file is stale. The two tables README.md shows (site-level checks, keyboard checks) are
// marked blocks in both files: `npm run docs` copies them into README.md, and the test checks they match.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_SOURCES, ruleCatalogue, type RuleIndex, type RuleMeta } from '../rules-jis/catalogue/index.js';
import { targetCriteria } from '../rules-jis/criteria.js';
import type { FindingSource } from '../rules-jis/types.js';
import { KIND_LABEL_JA } from '../rules-jis/labels-ja.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RULES_DOC = path.join(ROOT, 'docs/rules.md');
export const README = path.join(ROOT, 'README.md');
export const README_BLOCKS = ['site-table', 'keyboard-table'] as const;

const SOURCE_JA: Record<FindingSource, { title: string; what: string }> = {
  axe: { title: 'axe-core のルール', what: 'axe-core（日本語ロケール）。名称と説明は axe のもの、達成基準の対応と直し方は `rules-jis/data/rules/axe.json` で補正' },
  jis: { title: '日本語ページのためのチェック', what: 'axe に登録する独自ルール。判定は `rules-jis/rules/`、文言は `rules-jis/data/rules/jis.json`' },
  source: { title: '配信された HTML の構文（4.1.1）', what: 'ブラウザーが直す前の HTML を parse5 で解析（`rules-jis/source/`）。行と列を示す' },
  interaction: { title: 'キーボード操作の検査', what: '実際に Tab・Enter・Space・Escape でページを動かす（`crawler/page/interaction/`）' },
  site: { title: 'サイト全体の確認', what: '巡回の最後に複数のページを比べる（`rules-jis/site/`）' },
};

const IMPACT_JA: Record<RuleMeta['impact'], string> = { critical: '致命的', serious: '重大', moderate: '中程度', minor: '軽微' };

/** Text for a Markdown table cell: no HTML is interpreted, no cell is broken. */
function cell(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A generated block README.md can take over whole, between its markers. */
function block(name: string, body: string): string {
  return `<!-- rules:${name} (npm run docs) -->\n${body}\n<!-- /rules:${name} -->`;
}

function kindOf(r: RuleMeta): string {
  return r.review && r.kind !== 'review' ? `${KIND_LABEL_JA[r.kind]}・${KIND_LABEL_JA.review}` : KIND_LABEL_JA[r.kind];
}

/** The kind, and when the rule gives each kind where its entry says so. */
function kindWhen(r: RuleMeta): string {
  const when = Object.entries(r.when ?? {}) as [keyof typeof KIND_LABEL_JA, string][];
  return when.length ? when.map(([k, text]) => `${KIND_LABEL_JA[k]}: ${cell(text)}`).join('<br>') : kindOf(r);
}

function impactOf(r: RuleMeta): string {
  const own = IMPACT_JA[r.impact];
  return r.reviewImpact && r.reviewImpact !== r.impact ? `${own}（要確認は${IMPACT_JA[r.reviewImpact]}）` : own;
}

const criteriaOf = (r: RuleMeta) => (r.criteria.length ? r.criteria.join('、') : '—（参考）');

function overview(rules: readonly RuleMeta[]): string {
  const rows = RULE_SOURCES.map((s) => [`\`${s}\``, SOURCE_JA[s].title, String(rules.filter((r) => r.source === s).length), SOURCE_JA[s].what]);
  return [
    '# 検査ルールの一覧 / Rule catalogue',
    '',
    '<!-- このファイルは npm run docs（scripts/docs.ts）が rules-jis/catalogue/ から生成します。手で編集しないでください。 -->',
    '',
    `jis-a11y が報告しうるすべてのルール（${rules.length} 件）。指摘（finding）の \`ruleId\` と \`source\` はこの表の ID と出どころです。`,
    '種別: **不適合**（violation: 達成基準を満たしていないと確定）、**要確認**（review: 人が判断する）、**参考**（advisory: 達成基準には当たらない良い習慣）。',
    '「不適合・要確認」は、確実なときは不適合、判断が要るときは要確認を出すルールです。影響度は axe-core の impact と同じ 4 段階です。',
    'メタデータ（名称、達成基準、種別、影響度、文言、直し方）は `rules-jis/data/rules/*.json`（スキーマ `schema/rule-catalogue.schema.json`）、',
    'axe-core のルールは axe 自身のメタデータと日本語ロケールから導きます（`rules-jis/catalogue/axe.ts`）。',
    '',
    table(['出どころ', '内容', '件数', '仕組み'], rows),
  ].join('\n');
}

function byCriterion(rules: readonly RuleMeta[]): string {
  const list = (rs: RuleMeta[]) => rs.map((r) => (r.kind === 'violation' ? `\`${r.id}\`` : `\`${r.id}\`（${kindOf(r)}）`)).join('、');
  const rows = targetCriteria('AA').map((c) => {
    const rs = rules.filter((r) => r.criteria.includes(c.wcag));
    return [c.wcag, cell(c.ja), c.level, rs.length ? list(rs) : '—（自動の検査なし。人が確認します）'];
  });
  rows.push(['—', '参考（達成基準なし）', '—', list(rules.filter((r) => !r.criteria.length))]);
  return [
    '## 達成基準ごと / By success criterion',
    '',
    'A・AA の 38 の達成基準と、それを判定するルール（種別が不適合以外のものは括弧内に種別）。ルールがない達成基準や、',
    'ルールが一部しか見ない達成基準は、人の確認（試験）が必要です。ルールが何も見つけなくても「適合」とはしません。',
    '',
    table(['達成基準', '名称', 'レベル', 'ルール'], rows),
  ].join('\n');
}

function sourceSection(source: FindingSource, rules: readonly RuleMeta[]): string {
  const rows = rules
    .filter((r) => r.source === source)
    .map((r) => [`\`${r.id}\``, cell(r.title.ja), criteriaOf(r), kindWhen(r), impactOf(r), cell(r.description), cell(r.help)]);
  return [`### ${SOURCE_JA[source].title}（\`${source}\`）`, '', SOURCE_JA[source].what + '。', '', table(['ID', '名称', '達成基準', '種別（指摘するとき）', '影響度', '見ているもの', '直し方'], rows)].join('\n');
}

function bySource(rules: readonly RuleMeta[]): string {
  return ['## 出どころごと / By source', '', ...RULE_SOURCES.flatMap((s) => [sourceSection(s, rules), ''])].join('\n').trimEnd();
}

/** README 「サイト全体でしかわからない確認」. */
function siteTable(rules: readonly RuleMeta[]): string {
  const rows = rules.filter((r) => r.source === 'site').map((r) => [`\`${r.id}\``, criteriaOf(r), cell(r.when?.review ?? r.description)]);
  return [
    '## サイト全体でしかわからない確認 / Site-level checks',
    '',
    '巡回の最後に、複数のページを比べる確認を行い、該当するページに **要確認（review）** として記録します',
    '（どれも正当な理由がありうるため、不適合とはしません）。',
    '',
    block('site-table', table(['ruleId', '達成基準', '内容'], rows)),
  ].join('\n');
}

/** README 「キーボード操作の検査」. */
function keyboardTable(rules: readonly RuleMeta[]): string {
  const rows = rules
    .filter((r) => r.source === 'interaction')
    .map((r) => [r.id, criteriaOf(r), cell(r.when?.violation ?? '—'), cell(r.review ? r.when?.review ?? '—' : '—')]);
  return [
    '## キーボード操作の検査 / Keyboard and interaction checks',
    '',
    block('keyboard-table', table(['検査', '達成基準', '不適合（確実なとき）', '要確認'], rows)),
  ].join('\n');
}

/** The whole of docs/rules.md. */
export function renderRulesDoc(catalogue: RuleIndex = ruleCatalogue()): string {
  const rules = catalogue.all;
  return [overview(rules), byCriterion(rules), bySource(rules), siteTable(rules), keyboardTable(rules)].join('\n\n') + '\n';
}

const blockPattern = (name: string) => new RegExp(`<!-- rules:${name} \\(npm run docs\\) -->[\\s\\S]*?<!-- /rules:${name} -->`);

/** README.md with its generated blocks replaced by those of the rendered doc (a README without a block's markers is an error). */
export function syncReadme(readme: string, doc: string): string {
  let out = readme;
  for (const name of README_BLOCKS) {
    const fresh = blockPattern(name).exec(doc)?.[0];
    if (!fresh) throw new Error(`docs/rules.md に ${name} のブロックがありません`);
    if (!blockPattern(name).test(out)) throw new Error(`README.md に <!-- rules:${name} (npm run docs) --> の印がありません`);
    out = out.replace(blockPattern(name), () => fresh);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const doc = renderRulesDoc();
  writeFileSync(RULES_DOC, doc);
  writeFileSync(README, syncReadme(readFileSync(README, 'utf8'), doc));
  console.log(`ルールの一覧を書き出しました / wrote ${path.relative(process.cwd(), RULES_DOC)} and the rule tables of README.md`);
}
