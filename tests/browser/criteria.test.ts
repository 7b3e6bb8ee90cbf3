// Each axe-covered A/AA criterion: a page where it fails, and a Japanese page doing it right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditor, type Auditor } from '../helpers/audit.js';
import { jaPage } from '../helpers/server.js';
import { criterionCases } from '../fixtures/criteria-cases.js';

let auditor: Auditor;
beforeAll(async () => { auditor = await createAuditor(); });
afterAll(async () => { await auditor?.close(); });

describe.each(criterionCases)('$criterion ($rule)', (c) => {
  const page = (body: string) => (c.wholeDocument ? body : jaPage(body, { title: `${c.criterion} の確認 | みどり県` }));

  const kind = c.expectKind ?? 'violation';
  it(`is ${kind === 'violation' ? 'failed' : 'flagged for review'} where the content breaks it, by the expected rule`, async () => {
    for (const [p, asset] of Object.entries(c.assets ?? {})) auditor.server.set(p, asset);
    const r = await auditor.audit(page(c.fail));
    expect(r.error).toBeUndefined();
    const crit = r.criteria.find((x) => x.id === c.criterion)!;
    expect(crit.outcome).toBe(kind === 'violation' ? 'fail' : 'review');
    const f = r.findings.find((x) => x.ruleId === c.rule && x.kind === kind);
    expect(f, `${c.rule} should report a violation`).toBeDefined();
    expect(f!.criteria).toContain(c.criterion);
    expect(f!.message).toMatch(/[ぁ-んァ-ヶ一-龠]/); // Japanese message
  });

  it('does not fail on a Japanese page that does it right', async () => {
    for (const [p, asset] of Object.entries(c.assets ?? {})) auditor.server.set(p, asset);
    const r = await auditor.audit(page(c.pass));
    const crit = r.criteria.find((x) => x.id === c.criterion)!;
    expect(crit.outcome).not.toBe('fail');
    expect(r.findings.filter((x) => x.criteria.includes(c.criterion) && x.kind === 'violation')).toEqual([]);
    expect(r.findings.filter((x) => x.ruleId === c.rule)).toEqual([]);
  });
});
