// Every error the service answers, in one shape ({verdict: "error", error: {code, message}}) with a Japanese
// message, and nothing else: no stack, no echo of the request path (a 404 says nothing about which routes
// exist), no framework English. A client's mistake (4xx: bad JSON, too large, a forbidden static path such
// as `/reports/../x` or a dotfile) is answered without a log line; only a fault of ours (5xx) is logged, with
// its request id, so the operator can match the line to the answer's `x-request-id`.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface ErrorBody {
  verdict: 'error';
  error: { code: string; message: string };
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, headers: Record<string, string> = {}): FastifyReply {
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  const body: ErrorBody = { verdict: 'error', error: { code, message } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

export const NOT_FOUND_MESSAGE = 'そのパスはありません。API の説明は /api/v1/openapi.json にあります。';
const BAD_URL_MESSAGE = 'URL のパスを読めません（不正なパーセント符号化など）。';
const FORBIDDEN_MESSAGE = 'そのパスは公開していません（上位フォルダーへの移動、ドットで始まるファイル、不正な符号化は使えません）。';

const USAGE = '{"html": "...", "baseUrl": "..."}、{"htmlBase64": "...", "baseUrl": "..."} か {"url": "..."} を JSON で送ってください。';

/** The Japanese answer for an error fastify or a plugin raised, or null when it is ours (500). */
function clientError(err: FastifyError, bodyBytes: number): [number, string, string] | null {
  const code = err.code ?? '';
  const status = err.statusCode ?? 500;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413)
    return [413, 'body-too-large', `送信された本文が大きすぎます（上限 ${bodyBytes.toLocaleString('ja-JP')} バイト）。ページを分割するか、管理者に上限を相談してください。`];
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) return [415, 'unsupported-media-type', 'Content-Type は application/json にしてください。'];
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return [400, 'empty-body', `本文が空です。${USAGE}`];
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) return [400, 'invalid-json', `本文の JSON を読めません（${err.message}）。${USAGE}`];
  if (code === 'FST_ERR_BAD_URL') return [400, 'bad-url', BAD_URL_MESSAGE];
  if (status === 403) return [403, 'forbidden', FORBIDDEN_MESSAGE];
  if (status === 404) return [404, 'not-found', NOT_FOUND_MESSAGE];
  if (status === 405) return [404, 'not-found', NOT_FOUND_MESSAGE];
  if (status >= 400 && status < 500) return [status, 'bad-request', `要求を受け付けられません（HTTP ${status}）。`];
  return null;
}

export interface ErrorHandlerOptions {
  bodyBytes: number;
  log: (line: string) => void;
}

/** The error handler, the root 404 handler (public: a mistyped path is not a secret) and bad URLs. */
export function installErrorHandlers(app: FastifyInstance, o: ErrorHandlerOptions): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const known = clientError(err, o.bodyBytes);
    if (known) return sendError(reply, ...known);
    o.log(`内部エラー（要求 ${req.id} ${req.method} ${req.routeOptions?.url ?? '?'}）: ${err.stack ?? err.message}`);
    return sendError(reply, 500, 'internal', `サービス内部でエラーが起きました。管理者に連絡してください（要求 ID ${req.id}）。`);
  });
  app.setNotFoundHandler({ config: { access: 'public' } } as object, (_req, reply) => sendError(reply, 404, 'not-found', NOT_FOUND_MESSAGE));
}

/** Fastify's `frameworkErrors` option: a URL it cannot decode (`/%ff`) gets our shape, not its English. */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const known = clientError(err, 0) ?? [400, 'bad-request', BAD_URL_MESSAGE];
  void sendError(reply, ...known);
}

/**
 * Fastify's `clientErrorHandler`: a request line or headers Node's HTTP parser cannot read (a path that does
 * not start with "/", oversized headers, a client too slow to send its request) get our shape on the raw
 * socket, then the connection is closed. A reset connection gets nothing: there is no one to answer.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'request-timeout', '要求の送信が時間内に終わりませんでした。']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'headers-too-large', 'ヘッダーが大きすぎます。']
        : [400, 'Bad Request', 'bad-request', 'HTTP の要求として読めません（要求行かヘッダーが不正です）。'];
  const body = Buffer.from(JSON.stringify({ verdict: 'error', error: { code, message } } satisfies ErrorBody), 'utf8');
  if (socket.writable)
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${body.length}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n`);
  if (socket.writable) socket.write(body);
  socket.destroy();
}
