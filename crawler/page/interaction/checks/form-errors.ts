// 3.3.1 エラーの特定: after a submit with required fields left empty, the error must be identified and described
// in text. Probe: leave every field empty, give focus to the submit button and press Enter — only while the
// phase's guard is armed and its in-page session stops the submission (rules-jis/page/keyboard/session.ts:
// native submission prevented; guard.ts: main-frame navigation and non-GET requests aborted) — then compare the
// page with before (rules-jis/page/keyboard/forms.ts).
//   violation: fields changed colour (border, background, outline…) and no text appeared anywhere (F81-like:
//              the error is shown by colour alone);
//   review:    fields were marked (colour, aria-invalid) and text appeared, but not tied to a marked field (not in
//              its aria-describedby / aria-errormessage / label / next to it / naming it);
//   nothing:   the browser's own validation message, text tied to every marked field, or no reaction at all (the
//              server may answer: we cannot tell).
import { interactionRule } from '../../../../rules-jis/catalogue/interaction.js';
import type { FormOutcome, FormTarget } from '../../../../rules-jis/page/keyboard/index.js';
import type { CheckOutput, Verdict } from '../finding.js';
import { sleep } from '../budget.js';
import { call } from '../page-calls.js';
import type { ProbeContext } from '../probe.js';

/** Criterion, impact, messages and fix: rules-jis/data/rules/interaction.json. */
export const meta = interactionRule('form-error');

/** Time for a script that validates on submit to show its errors. */
const AFTER_SUBMIT_MS = 350;
const LOOK_JA: Record<string, string> = {
  'border-top-color': '枠線の色', 'border-bottom-color': '枠線の色', 'border-left-color': '枠線の色', 'background-color': '背景色',
  'outline-style': '外枠', 'outline-color': '外枠の色', 'box-shadow': '影', color: '文字色',
};

const fieldName = (f: { name: string; selector: string }) => (f.name ? `「${f.name}」` : f.selector);
const looksJa = (looks: string[]) => [...new Set(looks.map((l) => LOOK_JA[l] ?? l))].join('・');

const ERROR_LINE = /入力|選択|してください|必須|エラー|誤り|正しく|未入力|error|required|invalid/i;

/** An error text appeared, but no field is marked and none is named or tied to it. */
function unnamedError(t: FormTarget, o: FormOutcome): Verdict | null {
  const line = o.newText.find((l) => ERROR_LINE.test(l));
  if (!line || o.fields.some((f) => f.tie)) return null;
  return {
    kind: 'review',
    selector: t.selector,
    html: t.html,
    what: `必須の項目を空のまま「${t.name}」を押すと「${line.slice(0, 50)}」と表示されますが、どの項目が誤りなのかは示されません（項目の表示も変わらず、文も項目と結び付いていません）。`,
    help: 'エラーの文には誤りのある項目名を含め、該当する項目のそばに表示して aria-describedby で結び付けてください。',
  };
}

/** The verdict on one empty submit, or null when nothing is wrong or nothing can be told. */
export function judgeForm(t: FormTarget, o: FormOutcome): Verdict | null {
  if (o.native) return null; // the browser's own message names the field and takes focus to it
  const marked = o.fields.filter((f) => f.looks.length || f.invalid);
  if (!marked.length) return unnamedError(t, o);
  const untied = marked.filter((f) => !f.tie);
  if (!untied.length) return null;
  const names = untied.slice(0, 5).map(fieldName).join('、');
  if (!o.newText.length && marked.every((f) => !f.tie)) {
    const colour = marked.filter((f) => f.looks.length);
    if (!colour.length) return null; // aria-invalid alone and no visible change: nothing a sighted person sees to judge
    return {
      kind: 'violation',
      selector: t.selector,
      html: t.html,
      what: `必須の項目を空のまま「${t.name}」を押すと、${names}の${looksJa(colour.flatMap((f) => f.looks))}が変わるだけで、何が誤りかを伝える文は表示されません（エラーを色だけで示しています）。色の区別がつきにくい人やスクリーンリーダーの利用者には、どの項目が誤りなのかが分かりません。`,
    };
  }
  return {
    kind: 'review',
    selector: t.selector,
    html: t.html,
    what: `必須の項目を空のまま「${t.name}」を押すと、${names}が誤りとして示されますが、表示された文（「${(o.alertText || o.newText[0] || '').slice(0, 50)}」）はその項目と結び付いていません（aria-describedby・aria-errormessage・ラベル・項目のすぐそばのいずれでもありません）。どの項目の誤りかが文で分かるか確認してください。`,
    help: 'エラーの文は該当する項目のラベルかすぐそばに表示し、aria-describedby（または aria-errormessage と aria-invalid="true"）で項目と結び付けてください。ページ上部にまとめて表示する場合は、項目名を含め、その項目へのリンクにしてください。',
  };
}

async function submitEmpty(ctx: ProbeContext, t: FormTarget): Promise<FormOutcome | null> {
  const { page, budget, guard } = ctx;
  // never without the guard: a submission must not leave the page or reach the server
  if (!guard.armed || !guard.blocksWrites) return null;
  if (!(await budget.run(call(page, 'formBefore', t.id)))) return null;
  if (!(await budget.run(call(page, 'focus', t.submit)))) {
    await budget.run(call(page, 'formAfter'));
    return null;
  }
  await budget.run(page.keyboard.press('Enter'));
  await sleep(AFTER_SUBMIT_MS);
  const o = await budget.run(call(page, 'formAfter'));
  await budget.run(call(page, 'takeEvents'));
  guard.take();
  if (guard.leftPage) await ctx.recover();
  return o;
}

export async function probe(ctx: ProbeContext): Promise<CheckOutput> {
  const { page, budget } = ctx;
  const verdicts: Verdict[] = [];
  const forms = await budget.run(call(page, 'formTargets', 3));
  let tried = 0;
  for (const t of forms.slice(0, 2)) {
    budget.check(ctx.reserveMs);
    const o = await submitEmpty(ctx, t);
    if (!o) continue;
    tried++;
    const v = judgeForm(t, o);
    if (v) verdicts.push(v);
  }
  await budget.run(call(page, 'reset')).catch(() => {});
  return { meta, verdicts, applicable: tried > 0 };
}
