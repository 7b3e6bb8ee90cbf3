// The egress proxy and its allow-list on their own (no browser): what passes, what is refused and how the
// refusal is recorded, per slot. The slots listen on 127.0.0.1 here, as in the weaker fence; behind the
// namespace the same proxy gets its connections through Unix sockets.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllowList, connectTarget, hostPortOf } from '../../crawler/hook/egress/allow-list.js';
import { EgressProxy, type EgressSlot } from '../../crawler/hook/egress/proxy.js';
import { recordingServer, type RecordingServer } from './site.js';

let site: RecordingServer;
let foreign: RecordingServer;
let proxy: EgressProxy;

const tcpSlot = (server: net.Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}`)));

beforeAll(async () => {
  site = await recordingServer({ '/a.html': '<p>許可</p>' });
  foreign = await recordingServer({ '/b.html': '<p>外部</p>' });
  proxy = new EgressProxy(new AllowList([site.url, 'https://www.pref.example.jp']), tcpSlot);
});

afterAll(async () => {
  await proxy?.close();
  await site?.close();
  await foreign?.close();
});

/** A raw request to the proxy; returns the status line and whatever followed. */
function raw(slot: EgressSlot, text: string): Promise<string> {
  const { hostname, port } = new URL(slot.proxyServer);
  return new Promise((resolve) => {
    const s = net.connect(Number(port), hostname, () => s.write(text));
    let out = '';
    s.on('data', (d) => {
      out += d;
      if (/\r\n\r\n/.test(out) && !/^HTTP\/1\.1 200 Connection/.test(out)) s.end();
    });
    s.on('close', () => resolve(out));
    s.on('error', () => resolve(out));
    setTimeout(() => s.destroy(), 2_000);
  });
}

function viaProxy(slot: EgressSlot, url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(slot.proxyServer);
  return new Promise((resolve, reject) => {
    http
      .get({ host: hostname, port, path: url, headers }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('the allow-list', () => {
  it('keys origins by host and explicit port', () => {
    expect(hostPortOf('https://www.pref.example.jp')).toBe('www.pref.example.jp:443');
    expect(hostPortOf('http://WWW.Pref.Example.JP:80/x')).toBe('www.pref.example.jp:80');
    expect(hostPortOf('http://[::1]:8080')).toBe('[::1]:8080');
    expect(hostPortOf('file:///etc/passwd')).toBeNull();
    expect(connectTarget('www.pref.example.jp:443')).toBe('www.pref.example.jp:443');
    expect(connectTarget('[::1]:8080')).toBe('[::1]:8080');
    for (const bad of ['www.pref.example.jp', 'evil.example:80@www.pref.example.jp:443', 'www.pref.example.jp:443/x', 'a b:80', 'host:0', 'host:70000']) expect(connectTarget(bad)).toBeNull();
  });
});

describe('the egress proxy', () => {
  it('forwards an allowed origin, with the Host of the URL whatever the client said', async () => {
    const slot = await proxy.openSlot();
    site.hits.length = 0;
    const r = await viaProxy(slot, `${site.url}/a.html`, { host: 'other.example' });
    expect(r).toEqual({ status: 200, body: '<p>許可</p>' });
    expect(site.hits).toEqual(['/a.html']);
    expect(slot.refused).toEqual([]);
    await slot.close();
  });

  it('refuses any other origin, another port of the same host, and non-proxy requests, and records each', async () => {
    const slot = await proxy.openSlot();
    const sitePort = Number(new URL(site.url).port);
    expect((await viaProxy(slot, `${foreign.url}/b.html`)).status).toBe(403);
    expect((await viaProxy(slot, `http://127.0.0.1:${sitePort + 1}/x`)).status).toBe(403);
    expect((await viaProxy(slot, '/a.html')).status).toBe(403);
    expect(foreign.hits).toEqual([]);
    expect(slot.refused).toEqual([`${foreign.url}/b.html`, `http://127.0.0.1:${sitePort + 1}/x`, '/a.html']);
    await slot.close();
  });

  it('tunnels CONNECT to an allowed host:port only (WebSocket and https go this way)', async () => {
    const slot = await proxy.openSlot();
    const { host } = new URL(site.url);
    const ok = await raw(slot, `CONNECT ${host} HTTP/1.1\r\nhost: ${host}\r\n\r\nGET /a.html HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n\r\n`);
    expect(ok).toMatch(/^HTTP\/1\.1 200 Connection Established/);
    expect(ok).toContain('<p>許可</p>');
    const { host: fhost } = new URL(foreign.url);
    const no = await raw(slot, `CONNECT ${fhost} HTTP/1.1\r\nhost: ${fhost}\r\n\r\n`);
    expect(no).toMatch(/^HTTP\/1\.1 403/);
    const sneaky = await raw(slot, `CONNECT ${fhost}@${host} HTTP/1.1\r\n\r\n`);
    expect(sneaky).toMatch(/^HTTP\/1\.1 403/);
    expect(foreign.hits).toEqual([]);
    expect(slot.refused).toEqual([`CONNECT ${fhost}`, `CONNECT ${fhost}@${host}`]);
    await slot.close();
  });

  it('keeps each slot’s refusals to itself, and a closed slot answers nothing', async () => {
    const [a, b] = [await proxy.openSlot(), await proxy.openSlot()];
    expect(a.proxyServer).not.toBe(b.proxyServer);
    await viaProxy(a, `${foreign.url}/only-a`);
    await viaProxy(b, `${foreign.url}/only-b`);
    expect(a.refused).toEqual([`${foreign.url}/only-a`]);
    expect(b.refused).toEqual([`${foreign.url}/only-b`]);
    await a.close();
    await expect(viaProxy(a, `${site.url}/a.html`)).rejects.toThrow();
    await b.close();
  });
});
