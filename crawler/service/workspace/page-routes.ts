// The page view's routes (issue 15 item 4, contract "ws-page's API"), for every signed-in person (閲覧 and up):
//   GET /api/v1/ws/pages?url=         the page, its screenshot, findings in plain Japanese with their boxes,
//                                     the current test's judgements for it, its evidence (page-view.ts)
//   GET /api/v1/ws/kit/:criterion     the kit's procedure for the criterion (kit-view.ts)
//   GET /api/v1/ws/files/:sha256      a screenshot or evidence file, with the type it was recorded with,
//                                     `nosniff`, and `content-disposition: attachment` for anything not an image.
// A files name that is not ^[0-9a-f]{64}$ is 404 before the store or the disk is asked (crawler/store/files.ts
// builds paths from a validated hash only, so `..%2F`, backslashes and absolute paths cannot name a file).
import type { FastifyInstance } from 'fastify';
import { ContentFiles, isSha256 } from '../../store/files.js';
import type { Store } from '../../store/store.js';
import { sendError } from '../http-errors.js';
import { SIGNED_IN } from './access.js';
import { kitView } from './kit-view.js';
import { PAGE_MESSAGES_JA as M } from './page-messages-ja.js';
import { pageView } from './page-view.js';

export interface PageRouteDeps {
  store: Store;
  /** The content-addressed files beside the store. */
  files: ContentFiles;
}

/** Files never change under their name: the browser may keep them (privately: they need a session). */
const IMMUTABLE = 'private, max-age=31536000, immutable';

export async function pageRoutes(api: FastifyInstance, d: PageRouteDeps): Promise<void> {
  api.get<{ Querystring: { url?: string } }>('/ws/pages', SIGNED_IN('viewer'), async (req, reply) => {
    const url = typeof req.query.url === 'string' ? req.query.url.trim() : '';
    if (!url) return sendError(reply, 400, 'bad-request', M.urlMissing);
    const view = await pageView(d.store, url);
    if (!view) return sendError(reply, 404, 'not-found', M.pageNotFound(url.slice(0, 300)));
    return view;
  });

  api.get<{ Params: { criterion: string } }>('/ws/kit/:criterion', SIGNED_IN('viewer'), async (req, reply) => {
    const view = kitView(req.params.criterion);
    if (!view) return sendError(reply, 404, 'not-found', M.kitNotFound(req.params.criterion.slice(0, 20)));
    return view;
  });

  api.get<{ Params: { sha256: string } }>('/ws/files/:sha256', SIGNED_IN('viewer'), async (req, reply) => {
    const name = req.params.sha256;
    if (!isSha256(name)) return sendError(reply, 404, 'not-found', M.fileNotFound);
    const info = await d.store.files.fileInfo(name);
    const bytes = info ? await d.files.read(name) : null;
    if (!info || !bytes) return sendError(reply, 404, 'not-found', M.fileNotFound);
    reply.header('content-type', info.mime).header('x-content-type-options', 'nosniff').header('cache-control', IMMUTABLE);
    // nothing in a file may run, even opened on its own
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    if (!info.mime.startsWith('image/')) reply.header('content-disposition', `attachment; filename="evidence-${name.slice(0, 12)}.txt"`);
    return reply.send(bytes);
  });
}
