// One pre-publish check, shared by the CLI (`check --html`) and the service (POST /api/v1/check):
// fenced render + audit in a throwaway context → policy → verdict → log. Errors are logged and rethrown
// as PageAuditError (the caller maps them to exit code 2 or an HTTP status).
import { PageAuditError } from '../page/audit-page.js';
import { auditFenced, type FenceTarget } from './fence.js';
import type { LoadedPolicy } from './policy.js';
import type { Sandbox } from './sandbox.js';
import { buildVerdict, type HookVerdict } from './verdict.js';
import type { HookLog } from '../store/store.js';

export interface SubmissionOptions {
  policy: LoadedPolicy;
  allowedOrigins: string[];
  /** Hard limit for the whole check (render + audit). */
  deadlineMs: number;
  navigationTimeoutMs?: number;
  auditTimeoutMs?: number;
  log?: HookLog | null;
  channel: 'cli' | 'http';
  client?: string;
  signal?: AbortSignal;
}

export async function checkSubmission(sandbox: Sandbox, target: FenceTarget, o: SubmissionOptions): Promise<HookVerdict> {
  const started = Date.now();
  const url = target.kind === 'html' ? target.baseUrl : target.url;
  const mode = target.kind;
  try {
    const audit = await sandbox.run(
      (ctx) =>
        auditFenced(ctx, target, {
          allowedOrigins: o.allowedOrigins,
          target: o.policy.target,
          navigationTimeoutMs: o.navigationTimeoutMs ?? Math.min(20_000, o.deadlineMs),
          auditTimeoutMs: o.auditTimeoutMs ?? o.deadlineMs,
        }),
      o.deadlineMs,
      o.signal,
    );
    const v = buildVerdict(audit.result, o.policy, { durationMs: Date.now() - started, refused: audit.refused, dialogs: audit.dialogs });
    if (o.log) v.logId = await o.log.logVerdict(v, { channel: o.channel, mode, source: audit.source, client: o.client });
    return v;
  } catch (err) {
    const e = err instanceof PageAuditError ? err : new PageAuditError('internal', `検査中に問題が起きました: ${err instanceof Error ? err.message : String(err)}`);
    try {
      await o.log?.logError({ channel: o.channel, mode, url, source: target.kind === 'html' ? target.html : undefined, client: o.client, code: e.code, message: e.message, durationMs: Date.now() - started });
    } catch {
      /* the answer matters more than the log line */
    }
    throw e;
  }
}
