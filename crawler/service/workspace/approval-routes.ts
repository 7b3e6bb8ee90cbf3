// Approval and publishing (issue 15 item 6): GET /ws/approval shows the 承認者 the readiness, the blockers, the
// draft 試験結果 (written to the draft folder exactly as it will be published) and the versions; POST /ws/approval
// (承認者) fixes 表明日 (today, JST; refused where the claim rules or the 試験実施期間 refuse) in the test's statement
// and writes HTML, fragment, XLSX, PDF and JSON as version N in its own folder. A change after approval needs a new
// approval, which makes version N+1; older versions stay as they were. One approval at a time in this process.
import type { FastifyInstance } from 'fastify';
import { TestStateError } from '../../store/store.js';
import { jaDate } from '../../../rules-jis/test-period.js';
import { SIGNED_IN } from './access.js';
import { audited, type WsDataDeps } from './deps.js';
import { docContent, readiness, readVersionDoc, versionFolder, writeDraft, writeVersion } from './publish.js';
import { answerInputError, chosenTest, testRun, WsInputError } from './test-context.js';
import { WS_APPROVAL_MESSAGES_JA as A, WS_DATA_MESSAGES_JA as M } from './data-messages-ja.js';

const reportsUrl = (folder: string, file: string) => `/reports/${folder}/${file}`;

export async function approvalRoutes(api: FastifyInstance, deps: WsDataDeps): Promise<void> {
  const { store, reportsDir } = deps;
  let approving: Promise<unknown> = Promise.resolve();

  const versionsOf = async (testId: number) =>
    (await store.workspaceData.versions(testId)).map((v) => ({ ...v, urls: v.files.map((f) => reportsUrl(v.folder, f)) }));

  api.get<{ Querystring: { test?: string } }>('/ws/approval', SIGNED_IN('viewer'), async (req, reply) => {
    try {
      const t = await chosenTest(store, req.query.test);
      testRun(t);
      const r = await readiness(store, t);
      const versions = await versionsOf(t.id);
      const last = versions.at(-1);
      const lastDoc = last ? readVersionDoc(reportsDir, last.folder) : null;
      return {
        test: { id: t.id, name: t.name, status: t.status },
        ready: r.ready,
        blockers: r.blockers,
        claim: { state: r.doc.claim.state, text: r.doc.claim.text, reason: r.doc.claim.reason },
        statementDate: r.statementDate,
        draftUrl: writeDraft(reportsDir, t, r.doc),
        changedSinceApproval: last ? !lastDoc || docContent(lastDoc) !== docContent(r.doc) : null,
        versions,
      };
    } catch (e) {
      return answerInputError(reply, e);
    }
  });

  const approve = async (testParam: unknown, actor: string) => {
    const t = await chosenTest(store, testParam);
    const runId = testRun(t);
    const r = await readiness(store, t);
    if (!r.ready) throw new WsInputError(422, 'refused', M.notReady(r.blockers.join(' ')));
    const last = (await store.workspaceData.versions(t.id)).at(-1);
    const lastDoc = last ? readVersionDoc(reportsDir, last.folder) : null;
    if (last && lastDoc && docContent(lastDoc) === docContent(r.doc)) throw new WsInputError(409, 'unchanged', A.unchanged(last.version));
    const before = t.statement;
    let updated;
    try {
      updated = await store.tests.updateStatement(t.id, { ...t.statement, statementDate: r.statementDate });
    } catch (e) {
      if (e instanceof TestStateError) throw new WsInputError(422, 'refused', M.statementProblem(e.message));
      throw e;
    }
    // the document again, from the statement now stored: what is published is what the test says
    const published = await readiness(store, updated);
    const n = await store.workspaceData.nextVersion(t.id);
    const folder = versionFolder(t.id, n);
    const files = await writeVersion(reportsDir, folder, published.doc);
    const version = await store.workspaceData.recordVersion({ testId: t.id, runId, statementDate: r.statementDate, claim: published.doc.claim.text, approvedBy: actor, folder, files });
    return { t, before, updated, version };
  };

  api.post<{ Body: { test?: unknown } }>('/ws/approval', SIGNED_IN('approver'), async (req, reply) => {
    const run = approving.then(() => approve(req.body?.test, req.user?.login ?? ''));
    approving = run.catch(() => undefined);
    try {
      const { t, before, updated, version } = await run;
      await audited(deps, req, 'test.approve', `test:${t.id}:v${version.version}`, { statement: before }, { statement: updated.statement, version });
      return reply.code(201).send({
        version: { ...version, urls: version.files.map((f) => reportsUrl(version.folder, f)) },
        message: M.approved(version.version, jaDate(version.statementDate)),
      });
    } catch (e) {
      return answerInputError(reply, e);
    }
  });
}
