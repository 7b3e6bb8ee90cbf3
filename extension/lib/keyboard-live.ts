// Judging the live keyboard check: what the editor's own Tab presses recorded in the page
// (rules-jis/page/keyboard/live.ts) becomes 要確認 findings with evidence, worded by the keyboard phase's
// catalogue entries (rules-jis/data/rules/interaction.json): a trap (2.1.2), controls Tab never reached (2.1.1),
// stops with no visible focus change (2.4.7), stops out of the reading order (2.4.3). Always `review`: a
// person pressed the keys, and a person decides. Pure: tested in Node (tests/extension/keyboard-live.test.ts).
import type { Finding, RuleStat } from '../../rules-jis/types.js';
import type { LiveRecording, LiveStop, LiveTarget } from '../../rules-jis/page/keyboard/index.js';
import { interactionRule } from '../../rules-jis/catalogue/interaction.js';
import { fillMessage, impactFor } from '../../rules-jis/catalogue/apply.js';
import { criterion } from '../../rules-jis/criteria.js';
import { LIVE_KEYS_JA } from './keyboard-live-text.js';

export type { LiveRecording, LiveStop, LiveTarget } from '../../rules-jis/page/keyboard/index.js';

/** The live check's rules: the keyboard phase's catalogue ids. */
export const LIVE_RULES = ['keyboard-operable', 'keyboard-trap', 'focus-order', 'focus-visible'] as const;
type LiveRule = (typeof LIVE_RULES)[number];

export interface LiveTrap {
  /** The stops the focus kept going round (or the one it stayed on). */
  stops: { selector: string; name: string; html: string }[];
  how: 'cycle' | 'stuck';
}

export interface LiveJudgement {
  stops: LiveStop[];
  /** The editor went all the way round (focus left the page, or every element was reached), or was trapped. */
  complete: boolean;
  trap: LiveTrap | null;
  unreached: LiveTarget[];
  findings: Finding[];
  ruleStats: RuleStat[];
}

const name = (s: { name: string; selector: string; tag?: string }) => (s.name ? `「${s.name}」` : `<${s.tag ?? ''}> ${s.selector}`);

function finding(rule: LiveRule, el: { selector: string; html: string }, what: string): Finding {
  const meta = interactionRule(rule)!;
  const id = meta.criteria[0];
  const c = criterion(id);
  return {
    ruleId: meta.id,
    source: 'interaction',
    kind: 'review',
    criteria: meta.criteria,
    impact: impactFor(meta, 'review'),
    selector: el.selector,
    html: el.html,
    message: `【${c ? `${id} ${c.ja}` : id}】${fillMessage(meta.message, { what })}`,
    help: meta.help,
    helpUrl: meta.helpUrl,
  };
}

/** Forward stops between two exits from the page. */
function segments(rec: LiveRecording): LiveStop[][] {
  const out: LiveStop[][] = [[]];
  for (const e of rec.events) {
    if (e.type === 'left') out.push([]);
    else if (e.type === 'stop' && !e.back) out[out.length - 1].push(e);
  }
  return out.filter((s) => s.length);
}

/** Focus came back to an element without leaving the page, having seen only part of the Tab sequence. */
function findCycle(rec: LiveRecording): LiveTrap | null {
  const all = rec.tabbable.length;
  for (const seg of segments(rec)) {
    const seen = new Map<number, number>();
    for (let j = 0; j < seg.length; j++) {
      const i = seen.get(seg[j].key);
      if (i !== undefined) {
        const cycle = seg.slice(i, j);
        const keys = new Set(cycle.map((s) => s.key));
        if (keys.size < all) return { how: 'cycle', stops: cycle };
      }
      seen.set(seg[j].key, j);
    }
  }
  return null;
}

/** Two Tab presses in a row that moved focus nowhere. */
function findStuck(rec: LiveRecording): LiveTrap | null {
  let run = 0;
  let last = -1;
  for (const e of rec.events) {
    if (e.type !== 'stuck') {
      if (e.type === 'stop') run = 0;
      continue;
    }
    run = e.key === last ? run + 1 : 1;
    last = e.key;
    if (run >= 2) return { how: 'stuck', stops: [e] };
  }
  return null;
}

function distinct(stops: LiveStop[]): LiveStop[] {
  const m = new Map<number, LiveStop>();
  for (const s of stops) if (!m.has(s.key)) m.set(s.key, s);
  return [...m.values()];
}

function orderFindings(stops: LiveStop[], rec: LiveRecording): Finding[] {
  const out: Finding[] = [];
  const T = LIVE_KEYS_JA;
  const afterLeft = new Set<LiveStop>();
  let left = false;
  for (const e of rec.events) {
    if (e.type === 'left') left = true;
    else if (e.type === 'stop') {
      if (left) afterLeft.add(e);
      left = false;
    }
  }
  stops.forEach((s, i) => {
    const prev = stops[i - 1];
    if (s.tabindex !== null && s.tabindex > 0) out.push(finding('focus-order', s, T.positiveTabindex(s.index, name(s), s.tabindex)));
    else if (!s.visible) out.push(finding('focus-order', s, T.hiddenStop(s.index, name(s), s.hiddenReason ?? '')));
    else if (prev && !s.back && !prev.back && !afterLeft.has(s) && s.rect.y + s.rect.height < prev.rect.y - s.viewH)
      out.push(finding('focus-order', s, T.jumpUp(prev.index, s.index, name(s))));
  });
  return out;
}

function stats(findings: Finding[], complete: boolean): RuleStat[] {
  return LIVE_RULES.flatMap((id): RuleStat[] => {
    const meta = interactionRule(id)!;
    const hit = findings.some((f) => f.ruleId === id);
    if (!hit && !complete) return [];
    return [{ ruleId: id, source: 'interaction', criteria: meta.criteria, result: hit ? 'review' : 'passed' }];
  });
}

/** The findings of one live recording. */
export function judgeLive(rec: LiveRecording): LiveJudgement {
  const T = LIVE_KEYS_JA;
  const stops = rec.events.filter((e): e is Extract<typeof e, { type: 'stop' }> => e.type === 'stop');
  const reached = new Set(stops.map((s) => s.key));
  const trap = findCycle(rec) ?? findStuck(rec);
  const complete = !!trap || rec.events.some((e) => e.type === 'left') || rec.tabbable.every((t) => reached.has(t.key));
  const unreached = complete ? rec.tabbable.filter((t) => !reached.has(t.key)) : [];
  const findings: Finding[] = [];
  if (trap) {
    const names = trap.stops.map(name).join('・');
    const what = trap.how === 'cycle' ? T.trapCycle(stops.length, names, unreached.length) : T.trapStuck(names);
    findings.push(finding('keyboard-trap', trap.stops[0], what));
  } else {
    for (const t of unreached) findings.push(finding('keyboard-operable', t, T.unreached(name(t), stops.length)));
  }
  for (const c of rec.candidates) findings.push(finding('keyboard-operable', c, T.notFocusable(name(c))));
  for (const s of distinct(stops)) {
    if (!s.visible) continue;
    if (!s.styleDiff.length) findings.push(finding('focus-visible', s, s.faintDiff.length ? T.faint(s.index, name(s)) : T.noChange(s.index, name(s))));
  }
  findings.push(...orderFindings(stops, rec));
  return { stops, complete, trap, unreached, findings, ruleStats: stats(findings, complete) };
}
