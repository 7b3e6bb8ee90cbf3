// The egress proxy of the sandbox browser: the only way out of its network namespace. An HTTP proxy
// (absolute-form requests and CONNECT tunnels) that lets through only the allowed origins' host:port and
// records everything else it refuses, per browser context ("slot"), so that each check's verdict lists its
// own refusals in fence.refused and never another submission's.
//
// Each slot has its own listener: a Unix socket that the forwarder inside the namespace reaches (the slot is
// then named by the loopback address Chromium dialled, see forwarder.ts), or, for the weaker fence without a
// namespace, a TCP port on 127.0.0.1. One HTTP server (never listening itself) parses what every slot gets.
// Names are resolved here, outside the namespace; the browser needs no DNS.
import http from 'node:http';
import net from 'node:net';
import { AllowList, connectTarget, hostPortOf, splitHostPort } from './allow-list.js';

/** How many refusals a slot keeps (the verdict shows the first 50 of all refusals). */
const MAX_REFUSED = 50;

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'proxy-authenticate', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

export interface EgressSlot {
  /** The proxy Chromium uses for this slot ("http://127.100.0.3:8341"). */
  readonly proxyServer: string;
  /** What this slot refused: absolute URLs, and "CONNECT host:port" for tunnels (WebSocket, https). */
  readonly refused: string[];
  close(): Promise<void>;
}

/** Makes a slot's listener: gets the slot's number (1…250), listens, returns the proxy URL Chromium should use. */
export type SlotListener = (server: net.Server, index: number) => Promise<string>;

class Slot implements EgressSlot {
  proxyServer = '';
  readonly refused: string[] = [];
  readonly sockets = new Set<net.Socket>();
  /** Keep-alive connections to the allowed origins, this slot's own (closed with it). */
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

  constructor(
    readonly index: number,
    readonly server: net.Server,
    private readonly release: (s: Slot) => void,
  ) {}

  refuse(what: string): void {
    if (this.refused.length < MAX_REFUSED) this.refused.push(what.slice(0, 300));
  }

  track(s: net.Socket): void {
    this.sockets.add(s);
    s.once('close', () => this.sockets.delete(s));
  }

  async close(): Promise<void> {
    this.release(this);
    for (const s of this.sockets) s.destroy();
    this.agent.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function forwardHeaders(headers: http.IncomingHttpHeaders, host: string): http.OutgoingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase());
  const out: http.OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.includes(k) && !named.includes(k)) out[k] = v;
  out.host = host; // the URL's host, whatever the client said
  return out;
}

export class EgressProxy {
  private readonly http = http.createServer();
  private readonly slots = new Map<number, Slot>();
  private readonly slotOf = new WeakMap<net.Socket, Slot>();

  constructor(
    private readonly allowed: AllowList,
    private readonly listen: SlotListener,
  ) {
    this.http.on('request', (req, res) => this.forward(req, res));
    this.http.on('connect', (req, socket: net.Socket, head: Buffer) => this.tunnel(req, socket, head));
    this.http.on('upgrade', (req, socket: net.Socket) => {
      this.slotOf.get(req.socket)?.refuse(req.url ?? '');
      socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
    });
    this.http.on('clientError', (_e, socket) => socket.destroy());
  }

  /** A new slot (one per browser context); refused when 250 are open at once. */
  async openSlot(): Promise<EgressSlot> {
    let index = 1;
    while (this.slots.has(index)) index++;
    if (index > 250) throw new Error('送信の中継口が足りません（同時に開いている検査が多すぎます）。');
    const server = net.createServer();
    const slot = new Slot(index, server, (s) => this.slots.delete(s.index));
    this.slots.set(index, slot);
    server.on('connection', (s) => {
      this.slotOf.set(s, slot);
      slot.track(s);
      s.on('error', () => {});
      this.http.emit('connection', s);
    });
    try {
      slot.proxyServer = await this.listen(server, index);
    } catch (e) {
      this.slots.delete(index);
      throw e;
    }
    return slot;
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const slot = this.slotOf.get(req.socket);
    let url: URL | null = null;
    try {
      url = new URL(req.url ?? '');
    } catch {
      /* origin-form: not a proxy request */
    }
    const key = url?.protocol === 'http:' ? hostPortOf(url) : null;
    if (!url || !slot || !this.allowed.has(key)) {
      slot?.refuse(url?.href ?? req.url ?? '');
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      return void res.end('jis-a11y: 許可されていない送信先です。');
    }
    const { host, port } = splitHostPort(key);
    const up = http.request({ host, port, method: req.method, path: url.pathname + url.search, headers: forwardHeaders(req.headers, url.host), agent: slot.agent }, (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, forwardHeaders(upRes.headers, url.host));
      upRes.on('error', () => res.destroy());
      upRes.pipe(res);
    });
    req.on('error', () => up.destroy());
    res.on('close', () => {
      if (!res.writableFinished) up.destroy(); // the browser gave up (or the slot closed): so do we
    });
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end('jis-a11y: 送信先に接続できません。');
      else res.destroy();
    });
    req.pipe(up);
  }

  private tunnel(req: http.IncomingMessage, socket: net.Socket, head: Buffer): void {
    const slot = this.slotOf.get(req.socket);
    const key = connectTarget(req.url ?? '');
    if (!slot || !this.allowed.has(key)) {
      slot?.refuse(`CONNECT ${req.url ?? ''}`);
      return void socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
    }
    const { host, port } = splitHostPort(key);
    const up = net.connect({ host, port });
    slot.track(up);
    up.once('connect', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on('error', () => socket.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n'));
    socket.on('error', () => up.destroy());
    socket.on('close', () => up.destroy());
    up.on('close', () => socket.destroy());
  }

  async close(): Promise<void> {
    await Promise.all([...this.slots.values()].map((s) => s.close()));
  }
}
