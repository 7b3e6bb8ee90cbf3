// Where the namespace can and cannot be made (issue 21 case 2, "fail closed"). The tests run as root, so
// the other situations are made real with the kernel's own limits:
//  - not root, no user namespaces: `jis-a11y check --html` runs as uid 4321 at the bottom of 33 nested user
//    namespaces, where the kernel refuses another one (ENOSPC, as with user.max_user_namespaces=0). The check
//    must refuse, exit 2, and say in Japanese what is missing and how to fix it; with
//    JIS_A11Y_ALLOW_WEAK_FENCE=1 it runs with the weaker fence instead, and says so.
//  - not root, user namespaces allowed: as nobody, the fence is made with user namespaces and still lets
//    nothing out.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jaPage } from '../helpers/server.js';
import { recordingServer, type RecordingServer } from './site.js';
import { sleep, tcpListener, udpListener, type TcpListener, type UdpListener } from './fence-helpers.js';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/jis-a11y.js');

let site: RecordingServer;
let udp: UdpListener;
let tcp: TcpListener;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-fence-support-'));
  chmodSync(tmp, 0o755); // the checks below run as other users
  site = await recordingServer({ '/style.css': 'body { color: #222; }' });
  udp = await udpListener();
  tcp = await tcpListener();
  writeFileSync(path.join(tmp, 'clean.html'), jaPage('<h1>お知らせ</h1><p>本文です。</p>', { head: '<link rel="stylesheet" href="/style.css">' }));
  // A worker of the site: not bound by the submitted page's CSP, so its requests reach the fence.
  site.set('/w.js', `try { new WebSocket('ws://127.0.0.1:${tcp.port}/w'); } catch (e) {} fetch('http://127.0.0.1:${tcp.port}/w').catch(function () {});`, 'text/javascript');
  writeFileSync(
    path.join(tmp, 'hostile.html'),
    jaPage(`<h1>お知らせ</h1><p>本文です。</p><img src="/slow.png?ms=1500" alt="受付窓口の地図">
<script>
  try { var pc = new (window.RTCPeerConnection || Object)({ iceServers: [{ urls: 'stun:127.0.0.1:${udp.port}' }] }); pc.createDataChannel('x'); pc.createOffer().then(function (o) { return pc.setLocalDescription(o); }); } catch (e) {}
  var w = new Worker('/w.js');
</script>`),
  );
  for (const f of ['clean.html', 'hostile.html']) chmodSync(path.join(tmp, f), 0o644);
});

afterAll(async () => {
  for (const s of [site, udp, tcp]) await s?.close();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: any;
}

function run(prefix: string[], args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const [cmd, ...rest] = [...prefix, process.execPath, bin, ...args];
    // HOME: the other users cannot read root's (puppeteer looks for its config there).
    const p = spawn(cmd, rest, { cwd: tmp, env: { ...process.env, HOME: tmp, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => {
      let json: any = null;
      try {
        json = JSON.parse(stdout);
      } catch {
        /* not JSON */
      }
      resolve({ code: code ?? -1, stdout, stderr, json });
    });
  });
}

/** uid 4321 in the 33rd nested user namespace: not root, and no further user namespace can be made. */
const NO_NAMESPACES = [...Array.from({ length: 32 }, () => ['unshare', '--user', '--map-root-user', '--']).flat(), 'unshare', '--user', '--map-user=4321', '--map-group=4321', '--'];
/** nobody on the host: not root, unprivileged user namespaces allowed (this machine's default). */
const AS_NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'];

const checkArgs = (file: string) => ['check', '--html', path.join(tmp, file), '--base-url', `${site.url}/kurashi/a.html`, '--no-store', '--timeout', '60'];

describe('fail closed where no namespace can be made', () => {
  it('not root and no user namespaces: refuses (exit 2), in Japanese, naming what is missing and how to fix it', async () => {
    site.hits.length = 0;
    const r = await run(NO_NAMESPACES, checkArgs('clean.html'));
    expect(r.code).toBe(2);
    expect(r.json).toMatchObject({ verdict: 'error', error: { code: 'browser-launch-failed' } });
    const message: string = r.json.error.message;
    expect(message).toMatch(/検査用ブラウザを安全に起動できません/);
    expect(message).toMatch(/root ではなく、非特権ユーザー名前空間も使えない/);
    expect(message).toMatch(/kernel\.unprivileged_userns_clone=1/);
    expect(message).toMatch(/JIS_A11Y_ALLOW_WEAK_FENCE=1/);
    expect(site.hits).toEqual([]); // nothing was rendered
  });

  it('…and with JIS_A11Y_ALLOW_WEAK_FENCE=1 runs with the weaker fence, and warns', async () => {
    const r = await run(NO_NAMESPACES, checkArgs('clean.html'), { JIS_A11Y_ALLOW_WEAK_FENCE: '1' });
    expect(r.code).toBe(0);
    expect(r.json.verdict).toBe('pass');
    expect(r.stderr).toMatch(/警告: 弱い隔離で検査用ブラウザを起動しました/);
    expect(site.hits).toContain('/style.css');
  });
});

describe('not root, with user namespaces', () => {
  it('as nobody: the fence is made with user namespaces, the page is audited, and nothing gets out', async () => {
    site.hits.length = 0;
    const r = await run(AS_NOBODY, checkArgs('hostile.html'));
    expect(r.stderr).not.toMatch(/警告/);
    expect(r.json.verdict).toMatch(/^(pass|block)$/); // audited (the verdict itself is not what this test is about)
    expect(r.code).toBe(r.json.verdict === 'pass' ? 0 : 1);
    await sleep(500);
    expect(udp.datagrams).toEqual([]);
    expect(tcp.connections).toEqual([]);
    expect(r.json.fence.refused).toEqual(expect.arrayContaining([`http://127.0.0.1:${tcp.port}/w`, `CONNECT 127.0.0.1:${tcp.port}`]));
  });
});
