// Helpers of the network-fence tests (tests/hook/fence*.test.ts): loopback listeners that record whatever
// reaches them (UDP datagrams, TCP connections), and a look at the processes of one browser in /proc (their
// user, network namespace and sandbox state), so a test can say what the kernel, not the page, saw.
import dgram from 'node:dgram';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import net from 'node:net';

export interface UdpListener {
  port: number;
  /** Every datagram received, as latin1 text (STUN/TURN messages carry the TURN username in clear). */
  datagrams: string[];
  close(): Promise<void>;
}

export async function udpListener(): Promise<UdpListener> {
  const sock = dgram.createSocket('udp4');
  const datagrams: string[] = [];
  sock.on('message', (m) => datagrams.push(m.toString('latin1')));
  await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', resolve));
  return { port: sock.address().port, datagrams, close: () => new Promise((resolve) => sock.close(() => resolve())) };
}

export interface TcpListener {
  port: number;
  /** One entry per connection: its first bytes (latin1), or '' when it sent nothing. */
  connections: string[];
  close(): Promise<void>;
}

export async function tcpListener(): Promise<TcpListener> {
  const connections: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    const i = connections.push('') - 1;
    sockets.add(s);
    s.on('data', (d) => (connections[i] += d.toString('latin1').slice(0, 200)));
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
    setTimeout(() => s.destroy(), 200);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface ProcInfo {
  pid: number;
  ppid: number;
  /** Chromium's --type=… ('browser' when absent). */
  type: string;
  cmdline: string;
  uid: number;
  noNewPrivs: number;
  /** 0 none, 1 strict, 2 filter (seccomp-bpf). */
  seccomp: number;
  netns: string;
  userns: string;
}

function field(status: string, key: string): string {
  return status.match(new RegExp(`^${key}:\\s*(.*)$`, 'm'))?.[1] ?? '';
}

export function procInfo(pid: number): ProcInfo | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    return {
      pid,
      ppid: Number(field(status, 'PPid')),
      type: cmdline.match(/--type=(\S+)/)?.[1] ?? 'browser',
      cmdline,
      uid: Number(field(status, 'Uid').split(/\s+/)[1]),
      noNewPrivs: Number(field(status, 'NoNewPrivs')),
      seccomp: Number(field(status, 'Seccomp')),
      netns: readlinkSync(`/proc/${pid}/ns/net`),
      userns: readlinkSync(`/proc/${pid}/ns/user`),
    };
  } catch {
    return null; // gone, or not ours to read
  }
}

/** The process and all its descendants (by parent pid), as they are now. */
export function processTree(root: number): ProcInfo[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => procInfo(Number(d)))
    .filter((p): p is ProcInfo => p !== null);
  const out: ProcInfo[] = [];
  const want = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if ((want.has(p.ppid) || p.pid === root) && !out.includes(p)) {
        out.push(p);
        want.add(p.pid);
        grew = true;
      }
    }
  }
  return out;
}

/** Live (not zombie) processes whose command line contains `needle`. */
export function processesWith(needle: string): ProcInfo[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => {
      try {
        const state = field(readFileSync(`/proc/${d}/status`, 'utf8'), 'State');
        if (state.startsWith('Z')) return null;
      } catch {
        return null;
      }
      return procInfo(Number(d));
    })
    .filter((p): p is ProcInfo => p !== null && p.cmdline.includes(needle));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
