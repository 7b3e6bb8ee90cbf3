// POST /api/v1/ws/evidence (確認者 and up; contract "ws-page's API"): a tester's evidence for a page and
// criterion, kept as a content-addressed file beside the store and recorded with who and when, and written to
// the audit log. Two forms:
//   - an image: the PNG or JPEG bytes as the body (any Content-Type but JSON; the type is read from the bytes),
//     `?pageUrl=&criterion=` in the query; ≤ 2 MB, re-encoded (evidence-input.ts);
//   - a note: JSON { note, pageUrl?, criterion? }, ≤ 2,000 characters, kept as text.
// Answers 201 { sha256, evidence }. Too large: 413 with a Japanese message (the body limit of this route is the
// image bound, checked before the body is read when Content-Length says so).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ContentFiles } from '../../store/files.js';
import type { StoredFileMime, Store } from '../../store/store.js';
import { sendError } from '../http-errors.js';
import { SIGNED_IN } from './access.js';
import { checkNote, checkTarget, cleanImage, MAX_EVIDENCE_IMAGE_BYTES, MAX_NOTE_CHARS, type Checked, type EvidenceTarget } from './evidence-input.js';
import { PAGE_MESSAGES_JA as M } from './page-messages-ja.js';
import { fileUrl } from './page-view.js';

export interface EvidenceRouteDeps {
  store: Store;
  files: ContentFiles;
}

/** Every body that is not JSON is read as raw bytes on this route (an image's type is then decided by its bytes). */
const RAW_TYPES = '*';

const refuse = (reply: FastifyReply, c: Exclude<Checked<unknown>, { ok: true }>) => sendError(reply, c.status, c.error, c.message);

async function save(d: EvidenceRouteDeps, req: FastifyRequest, reply: FastifyReply, file: { bytes: Buffer; mime: StoredFileMime }, target: EvidenceTarget, note: string | null) {
  const actor = req.user!.login;
  const { sha256 } = await d.files.put(file.bytes);
  await d.store.files.recordFile({ sha256, mime: file.mime, bytes: file.bytes.length });
  const test = await d.store.tests.openTest();
  const kind = note === null ? 'image' : 'note';
  const e = await d.store.files.addEvidence({ sha256, kind, pageUrl: target.pageUrl, criterion: target.criterion, testId: test?.id ?? null, note, actor });
  await d.store.audit.record({
    actor,
    action: 'evidence.add',
    target: target.pageUrl ?? `evidence:${sha256}`,
    after: { id: e.id, sha256, kind, mime: file.mime, bytes: file.bytes.length, pageUrl: target.pageUrl, criterion: target.criterion, testId: e.testId },
  });
  return reply.code(201).send({ sha256, evidence: { id: e.id, sha256, kind, mime: file.mime, bytes: e.bytes, url: fileUrl(sha256), note, criterion: e.criterion, pageUrl: e.pageUrl, actor, createdAt: e.createdAt } });
}

async function addEvidence(d: EvidenceRouteDeps, req: FastifyRequest<{ Querystring: Record<string, string | undefined> }>, reply: FastifyReply) {
  const body = req.body;
  if (Buffer.isBuffer(body)) {
    const target = checkTarget(req.query.pageUrl, req.query.criterion);
    if (!target.ok) return refuse(reply, target);
    const img = await cleanImage(body);
    if (!img.ok) return refuse(reply, img);
    return save(d, req, reply, img.value, target.value, null);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return sendError(reply, 400, 'bad-request', M.badBody);
  const b = body as { note?: unknown; pageUrl?: unknown; criterion?: unknown };
  const target = checkTarget(b.pageUrl, b.criterion);
  if (!target.ok) return refuse(reply, target);
  const note = checkNote(b.note);
  if (!note.ok) return refuse(reply, note);
  return save(d, req, reply, { bytes: Buffer.from(note.value, 'utf8'), mime: 'text/plain; charset=utf-8' }, target.value, note.value);
}

export async function evidenceRoutes(api: FastifyInstance, d: EvidenceRouteDeps): Promise<void> {
  api.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: MAX_EVIDENCE_IMAGE_BYTES }, (_req, body, done) => done(null, body));
  // this route's 413 names its own limits (the service's body limit is another number)
  api.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413)
      return sendError(reply, 413, 'too-large', `${M.imageTooLarge(MAX_EVIDENCE_IMAGE_BYTES)}メモは ${MAX_NOTE_CHARS.toLocaleString('ja-JP')} 文字までです。`);
    throw err;
  });
  api.post('/ws/evidence', { ...SIGNED_IN('tester'), bodyLimit: MAX_EVIDENCE_IMAGE_BYTES }, (req, reply) =>
    addEvidence(d, req as FastifyRequest<{ Querystring: Record<string, string | undefined> }>, reply),
  );
}
