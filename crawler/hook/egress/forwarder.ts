// The forwarder: the one small process inside the sandbox browser's network namespace besides Chromium.
// It listens on the namespace's loopback (PROXY_PORT, any 127.x.y.z address) and carries each connection,
// byte for byte, to the Unix socket named after the address Chromium dialled (`<dir>/127.100.0.3.sock`),
// where the egress proxy (proxy.ts) listens outside. Unix sockets cross network namespaces because the file
// system is shared; nothing else does, so UDP and any other TCP from the namespace have nowhere to go.
//
// It runs as `node -e FORWARDER_SOURCE <dir> <port>` (plain JavaScript, no files or packages to read, so it
// starts in ~50 ms whatever user and folder it runs in), prints "ready" once it listens (the launch script
// waits for that line before starting Chromium) and ends with the browser: setpriv --pdeathsig, and, because
// the kernel does not deliver that signal from Chromium (an unprivileged user) to a root forwarder, it also
// leaves as soon as its parent is no longer the process that started it.

/** The proxy port on the namespace's loopback; the namespace is ours alone, so any free port will do. */
export const PROXY_PORT = 8341;

/** The loopback address of slot `index` (1…250) inside the namespace. */
export function slotAddress(index: number): string {
  return `127.100.0.${index}`;
}

export const FORWARDER_SOURCE = `
const net = require('net');
const path = require('path');
const [dir, port] = process.argv.slice(1);
const server = net.createServer((c) => {
  const a = c.localAddress || '';
  if (!/^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$/.test(a)) return c.destroy();
  const u = net.connect(path.join(dir, a + '.sock'));
  c.pipe(u);
  u.pipe(c);
  const end = () => { c.destroy(); u.destroy(); };
  c.on('error', end); u.on('error', end); c.on('close', end); u.on('close', end);
});
server.on('error', (e) => { try { process.stdout.write('error ' + e.message + '\\n'); } finally { process.exit(1); } });
server.listen(Number(port), '0.0.0.0', () => process.stdout.write('ready\\n', () => process.stdout.destroy()));
const parent = process.ppid;
setInterval(() => { if (process.ppid !== parent) process.exit(0); }, 300).unref();
`;
