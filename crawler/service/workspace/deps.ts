// What the workspace's data routes (ws-data) need from the service: the store, the reports folder (drafts and
// approved versions of the 試験結果 are written under it) and the scheduler (the dashboard and 「今すぐ検査」).
// Every write is recorded in the audit log through `audited`, with the signed-in person as the actor.
import type { FastifyRequest } from 'fastify';
import type { Store } from '../../store/store.js';
import type { Scheduler } from '../scheduler.js';

export interface WsDataDeps {
  store: Store;
  reportsDir: string;
  scheduler: Scheduler;
}

/** The signed-in person's login (the auth hook guarantees one on a workspace route). */
export function actorOf(req: FastifyRequest): string {
  return req.user?.login ?? 'unknown';
}

/** The name a judgement records as 確認した人: the person's display name, else the login. */
export function whoOf(req: FastifyRequest): string {
  return req.user?.displayName || req.user?.login || '';
}

/** Records one write of the workspace in the audit log. */
export async function audited(deps: WsDataDeps, req: FastifyRequest, action: string, target: string, before: unknown, after: unknown): Promise<void> {
  await deps.store.audit.record({ actor: actorOf(req), action, target, before, after });
}
