// The kit's procedure for one criterion as the page view shows it (GET /api/v1/ws/kit/:criterion): the steps,
// when ○ and ×, the tools and the extension's aids with how to use them, when − (適用なし) is right, who fixes
// a failure, per page / template / site, and the rough time. The words are the kit's (rules-jis/manual-kit.ts,
// data/manual-kit.json) and the labels rules-jis/labels-ja.ts's, so every screen says the same.
import { criterion as findCriterion } from '../../../rules-jis/criteria.js';
import { FIX_BY_LABEL_JA, JUDGED_PER_LABEL_JA, KIT_AUTOMATION_LABEL_JA } from '../../../rules-jis/labels-ja.js';
import { KIT_AIDS, KIT_TOOLS, manualKit, type KitLabel } from '../../../rules-jis/manual-kit.js';

export interface KitView {
  criterion: { id: string; title: string; level: string };
  judgedPer: string;
  judgedPerLabel: string;
  judgedPerReason: string;
  automation: string;
  automationLabel: string;
  automationNote: string;
  steps: string[];
  pass: string;
  fail: string;
  tools: (KitLabel & { id: string })[];
  aids: (KitLabel & { id: string })[];
  failures: string[];
  inapplicableWhen: string;
  fixBy: string;
  fixByLabel: string;
  fixNote: string;
  editorCanFix: boolean;
  /** Rough minutes per unit of judgedPer. */
  minutes: number;
}

/** The kit of `id` ("1.1.1"), or null for a criterion the kit does not cover (AAA, unknown, malformed). */
export function kitView(id: string): KitView | null {
  const k = manualKit(id);
  const c = findCriterion(id);
  if (!k || !c) return null;
  return {
    criterion: { id, title: c.ja, level: c.level },
    judgedPer: k.judgedPer,
    judgedPerLabel: JUDGED_PER_LABEL_JA[k.judgedPer],
    judgedPerReason: k.judgedPerReason,
    automation: k.automation,
    automationLabel: KIT_AUTOMATION_LABEL_JA[k.automation],
    automationNote: k.automationNote,
    steps: k.procedure.steps,
    pass: k.procedure.pass,
    fail: k.procedure.fail,
    tools: k.tools.map((t) => ({ id: t, ...KIT_TOOLS[t] })),
    aids: k.aids.map((a) => ({ id: a, ...KIT_AIDS[a] })),
    failures: k.failures,
    inapplicableWhen: k.inapplicableWhen,
    fixBy: k.fixBy,
    fixByLabel: FIX_BY_LABEL_JA[k.fixBy],
    fixNote: k.fixNote,
    editorCanFix: k.editorCanFix,
    minutes: k.time,
  };
}
