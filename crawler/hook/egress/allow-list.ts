// Which host:port the sandbox browser may reach, from the configured origins. One key per origin:
// "https://www.pref.example.jp" → "www.pref.example.jp:443", "http://127.0.0.1:8080" → "127.0.0.1:8080".
// The egress proxy (proxy.ts) lets a request or a CONNECT tunnel through only when its key is in the set.

/** "host:port" of a URL or origin, port made explicit; IPv6 hosts keep their brackets. Null for non-http(s). */
export function hostPortOf(u: string | URL): string | null {
  let url: URL;
  try {
    url = typeof u === 'string' ? new URL(u) : u;
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

/** "host:port" of a CONNECT request target ("www.example.jp:443", "[::1]:8080"); null when malformed. */
export function connectTarget(target: string): string | null {
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):\d{1,5}$/i.test(target)) return null;
  let url: URL;
  try {
    url = new URL(`http://${target}`);
  } catch {
    return null;
  }
  const port = url.port || '80';
  return Number(port) > 0 && Number(port) < 65536 ? `${url.hostname}:${port}` : null;
}

export class AllowList {
  private readonly keys: Set<string>;

  constructor(origins: string[]) {
    this.keys = new Set(origins.map((o) => hostPortOf(o)).filter((k): k is string => k !== null));
  }

  has(hostPort: string | null): hostPort is string {
    return hostPort !== null && this.keys.has(hostPort);
  }

  /** The allowed keys, for messages. */
  list(): string[] {
    return [...this.keys];
  }
}

/** Host and port to connect to, from a key ("[::1]:80" → { host: "::1", port: 80 }). */
export function splitHostPort(key: string): { host: string; port: number } {
  const i = key.lastIndexOf(':');
  return { host: key.slice(0, i).replace(/^\[(.*)\]$/, '$1'), port: Number(key.slice(i + 1)) };
}
