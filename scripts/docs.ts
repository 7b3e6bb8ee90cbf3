// `npm run docs`: writes docs/rules.md from the rule catalogue (rules-jis/catalogue/), so the list of rules a
// reader sees is the list the tool runs, and docs/manual-kit.md from the manual-test kit
// (rules-jis/data/manual-kit.json), so the guide a tester reads is the text the tool shows.
// tests/unit/docs.test.ts renders both again in memory and fails when a committed file is stale. The two
// tables README.md shows (site-level checks, keyboard checks) are marked blocks in both files: `npm run docs`
// copies them into README.md, and the test checks they match.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_SOURCES, ruleCatalogue, type RuleIndex, type RuleMeta } from '../rules-jis/catalogue/index.js';
import { criterion, targetCriteria, understandingUrl } from '../rules-jis/criteria.js';
import type { FindingSource } from '../rules-jis/types.js';
import { FIX_BY_LABEL_JA, JUDGED_PER_LABEL_JA, KIND_LABEL_JA, KIT_AUTOMATION_LABEL_JA } from '../rules-jis/labels-ja.js';
import {
  KIT_AIDS,
  KIT_TOOLS,
  MANUAL_KIT,
  estimateMinutes,
  type JudgedPer,
  type KitAutomation,
  type ManualKitItem,
} from '../rules-jis/manual-kit.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RULES_DOC = path.join(ROOT, 'docs/rules.md');
export const README = path.join(ROOT, 'README.md');
export const README_BLOCKS = ['site-table', 'keyboard-table'] as const;
export const MANUAL_KIT_DOC = path.join(ROOT, 'docs/manual-kit.md');

const SOURCE_JA: Record<FindingSource, { title: string; what: string }> = {
  axe: { title: 'axe-core のルール', what: 'axe-core（日本語ロケール）。名称と説明は axe のもの、達成基準の対応と直し方は `rules-jis/data/rules/axe.json` で補正' },
  jis: { title: '日本語ページのためのチェック', what: 'axe に登録する独自ルール。判定は `rules-jis/rules/`、文言は `rules-jis/data/rules/jis.json`' },
  source: { title: '配信された HTML の構文（4.1.1）', what: 'ブラウザーが直す前の HTML を parse5 で解析（`rules-jis/source/`）。行と列を示す' },
  interaction: { title: 'キーボード操作の検査', what: '実際に Tab・Enter・Space・Escape でページを動かす（`crawler/page/interaction/`）' },
  site: { title: 'サイト全体の確認', what: '巡回の最後に複数のページを比べる（`rules-jis/site/`）' },
  document: { title: '文書（PDF・Office）の検査', what: 'リンクされた PDF・Word・Excel・PowerPoint を読み取って調べる（読み取りは `crawler/page/documents/`、判定は `rules-jis/documents/`、説明は `docs/documents.md`）' },
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

// ---- docs/manual-kit.md: the manual-test kit as a guide for the tester ----

/** The sample the time estimate of docs/manual-kit.md is worked for (WAIC's guide for a random sample is 40+). */
export const KIT_SAMPLE = { pages: 50, templates: 5, sites: 1 } as const;

/**
 * Assumed share of sampled pages where a criterion applies, for the "typical" estimate (the rest: 1). Pages
 * without video, audio or a form are marked 適用なし by the tool itself (data/applicability.json) and take
 * the tester no time. A guess for a prefectural site, stated in the doc; not used elsewhere.
 */
const TYPICAL_SHARE: Record<string, number> = {
  '1.2.1': 0.05, '1.2.2': 0.1, '1.2.3': 0.1, '1.2.4': 0.02, '1.2.5': 0.1, '1.4.2': 0.1, '2.3.1': 0.15,
  '3.3.1': 0.1, '3.3.2': 0.1, '3.3.3': 0.1, '3.3.4': 0.05,
};

const UNIT_JA: Record<JudgedPer, string> = { page: '1 ページ', template: '1 テンプレート', site: 'サイト全体で' };

const hours = (minutes: number) => `約 ${Math.round(minutes / 6) / 10} 時間（${Math.round(minutes)} 分）`;

function kitCounts(): string {
  const by = <K extends string>(key: (k: ManualKitItem) => K, labels: Record<K, string>) =>
    (Object.keys(labels) as K[]).map((v) => `${labels[v]} ${MANUAL_KIT.filter((k) => key(k) === v).length}`).join('、');
  return [
    `- 判断の単位: ${by((k) => k.judgedPer, JUDGED_PER_LABEL_JA)}`,
    `- 自動と人の分担: ${by((k): KitAutomation => k.automation, KIT_AUTOMATION_LABEL_JA)}（自動＝検査だけで決まる、自動＋人＝検査は一部で人が確かめる、人＝自動の検査なし）`,
  ].join('\n');
}

function kitOverview(): string {
  const rows = MANUAL_KIT.map((k) => {
    const c = criterion(k.id)!;
    return [k.id, cell(c.ja), c.level, JUDGED_PER_LABEL_JA[k.judgedPer], KIT_AUTOMATION_LABEL_JA[k.automation], k.time ? `${k.time} 分` : '—', FIX_BY_LABEL_JA[k.fixBy]];
  });
  return [
    '# 人による確認の手順 / Manual-test kit',
    '',
    '<!-- このファイルは npm run docs（scripts/docs.ts）が rules-jis/data/manual-kit.json から生成します。手で編集しないでください。 -->',
    '',
    '自動の検査だけでは決まらない達成基準を、人が確かめるための手順です。A・AA の 38 の達成基準それぞれについて、',
    'どの単位で判断するか、自動の検査との分担、手順と使う道具、○・×・−（適用なし）の決め方、CMS のページでよくある失敗、直す人、かかる時間の目安を示します。',
    'WCAG 2.0 を知らなくても進められるように書いています。拡張機能のチェックリスト、試験結果、作業シートも同じ文を使います',
    '（元のデータは `rules-jis/data/manual-kit.json`、スキーマは `schema/manual-kit.schema.json`、読み込みは `rules-jis/manual-kit.ts`）。',
    '内容は WAIC の「WCAG 2.0 解説書」を参考にしています。迷ったときは各達成基準の「解説（WAIC）」を読んでください。',
    '',
    kitCounts(),
    '',
    '判断の単位が「テンプレートごと」の達成基準は、試験するページのうち同じテンプレートのページを 1 つ確かめ、その結果を同じテンプレートのページ（URL のパターン）に記録します。',
    '「サイト全体」の達成基準は、ページどうしを比べて一度だけ判断し、サイト全体に記録します。ページごとに例外があれば、そのページだけ記録し直します。',
    '',
    '## 一覧',
    '',
    table(['達成基準', '名称', 'レベル', '判断の単位', '自動/人', '目安', '直す人'], rows),
  ].join('\n');
}

function kitTools(): string {
  return [
    '## 使う道具',
    '',
    ...Object.values(KIT_TOOLS).map((t) => `- **${t.label}**: ${t.how}`),
    '',
    '### 拡張機能の補助ツール',
    '',
    '拡張機能のパネルの「補助ツール」で、ページの上に印を重ねて表示します（もう一度押すと消えます）。',
    '',
    ...Object.values(KIT_AIDS).map((a) => `- **「${a.label}」**: ${a.how}`),
  ].join('\n');
}

function kitTime(): string {
  const { pages, templates, sites } = KIT_SAMPLE;
  const sum = (unit: JudgedPer) => MANUAL_KIT.filter((k) => k.judgedPer === unit).reduce((s, k) => s + k.time, 0);
  return [
    '## 時間の目安',
    '',
    `目安の分数は、判断の単位ごと（1 ページ、1 テンプレート、サイト全体で 1 回）の、慣れた人の時間です。合計すると、ページごとの達成基準は 1 ページ ${sum('page')} 分、`,
    `テンプレートごとの達成基準は 1 テンプレート ${sum('template')} 分、サイト全体の達成基準は ${sum('site')} 分です（自動だけで決まる達成基準は 0 分）。`,
    '',
    `- ${pages} ページ（テンプレート ${templates} 種類）の試験で、すべての達成基準がすべてのページに当てはまるとした上限: ${hours(estimateMinutes({ pages, templates, sites }))}`,
    `- 動画・音声のあるページを 1〜2 割、フォームのあるページを 1 割ほどとした場合: ${hours(estimateMinutes({ pages, templates, sites }, TYPICAL_SHARE))}。動画・音声・入力欄のないページは自動で適用なしになり、時間はかかりません。`,
    '',
    '試験の進み具合（残りの作業）は、まだ結果のない達成基準とページの組み合わせに、この目安を掛けて数えます（`rules-jis/manual-kit.ts` の `estimateMinutes`）。',
  ].join('\n');
}

function kitRules(id: string): string {
  const rules = ruleCatalogue().all.filter((r) => r.criteria.includes(id));
  return rules.length ? `（ルール: ${rules.map((r) => `\`${r.id}\``).join('、')}）` : '';
}

function kitEntry(k: ManualKitItem): string {
  const c = criterion(k.id)!;
  const tools = k.tools.map((t) => KIT_TOOLS[t].label).join('、');
  const aids = k.aids.length ? `補助ツールの${k.aids.map((a) => `「${KIT_AIDS[a].label}」`).join('')}` : '';
  const fixer = `${FIX_BY_LABEL_JA[k.fixBy]}。CMS の本文で${k.editorCanFix ? '直せます' : 'は直せません'}`;
  return [
    `### ${k.id} ${c.ja}（レベル ${c.level}）`,
    '',
    `- **判断の単位**: ${JUDGED_PER_LABEL_JA[k.judgedPer]}。${k.judgedPerReason}`,
    `- **自動/人**: ${KIT_AUTOMATION_LABEL_JA[k.automation]}。${k.automationNote}${kitRules(k.id)}`,
    ...(tools || aids ? [`- **道具**: ${[tools, aids].filter(Boolean).join('。')}`] : []),
    `- **目安**: ${k.time ? `${UNIT_JA[k.judgedPer]}あたり ${k.time} 分` : '人の時間はかかりません'}`,
    `- **直す人**: ${fixer}。${k.fixNote}`,
    `- **解説（WAIC）**: ${understandingUrl(k.id)}`,
    '',
    '**手順**',
    '',
    ...k.procedure.steps.map((s, i) => `${i + 1}. ${s}`),
    '',
    `- ○（適合）: ${k.procedure.pass}`,
    `- ×（不適合）: ${k.procedure.fail}`,
    `- −（適用なし）: ${k.inapplicableWhen}`,
    '',
    '**よくある失敗**',
    '',
    ...k.failures.map((f) => `- ${f}`),
  ].join('\n');
}

/** The whole of docs/manual-kit.md. */
export function renderManualKitDoc(): string {
  return [kitOverview(), kitTools(), kitTime(), '## 達成基準ごとの手順', ...MANUAL_KIT.map(kitEntry)].join('\n\n') + '\n';
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
  writeFileSync(MANUAL_KIT_DOC, renderManualKitDoc());
  console.log(`ルールの一覧を書き出しました / wrote ${path.relative(process.cwd(), RULES_DOC)} and the rule tables of README.md`);
  console.log(`人による確認の手順を書き出しました / wrote ${path.relative(process.cwd(), MANUAL_KIT_DOC)}`);
}
