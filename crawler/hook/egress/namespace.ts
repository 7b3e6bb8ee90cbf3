// The sandbox browser's network namespace: can this machine make one, and the command line that starts
// Chromium inside it. Inside, only `lo` is up and the forwarder (forwarder.ts) is the one thing listening;
// Chromium runs as an unprivileged user with its own sandbox on, and dies with our Node process.
//
//   as root:     unshare --net → sh: lo up, forwarder, then setpriv --reuid=<user> --pdeathsig SIGKILL chromium
//   not root:    unshare --user --map-root-user --net → sh: lo up, forwarder, then
//                unshare --user --map-user=<our uid> → setpriv --pdeathsig SIGKILL chromium
//                (Chromium refuses its sandbox as uid 0, even the mapped root of a user namespace)
//
// Each step execs the next, so the process puppeteer started is Chromium itself (same pid), and its
// DevTools pipe (fds 3 and 4) reaches it; the forwarder gets neither.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { findTool, type ChromeCommand } from '../../page/browser.js';
import { FORWARDER_SOURCE, PROXY_PORT } from './forwarder.js';

export interface NamespaceTools {
  unshare: string;
  setpriv: string;
  ip: string;
  sh: string;
}

/** How the namespace is made: as root (Chromium runs as `user`), or with user namespaces (as ourselves). */
export type NamespaceSupport =
  | { ok: true; mode: 'root' | 'userns'; tools: NamespaceTools; user: { name: string; uid: number; gid: number } }
  | { ok: false; reason: string };

const WEAK_HINT = '弱い隔離（名前空間なし）で動かすことを承知のうえなら、環境変数 JIS_A11Y_ALLOW_WEAK_FENCE=1 を設定してください（docs/security.md「ネットワークの囲い」）。';

function run(cmd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return { ok: r.status === 0, out: `${r.stderr ?? ''}${r.stdout ?? ''}${r.error ? r.error.message : ''}`.trim().split('\n').slice(-2).join(' ') };
}

function userIds(name: string): { uid: number; gid: number } | null {
  const uid = run('id', ['-u', name]);
  const gid = run('id', ['-g', name]);
  if (!uid.ok || !gid.ok) return null;
  return { uid: Number(uid.out), gid: Number(gid.out) };
}

/** Why user namespaces are off, from the sysctls that turn them off, for the message. */
function usernsSysctls(): string {
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8').trim() : null);
  const parts = [
    ['kernel.unprivileged_userns_clone', read('/proc/sys/kernel/unprivileged_userns_clone'), '1'],
    ['user.max_user_namespaces', read('/proc/sys/user/max_user_namespaces'), '10000'],
    ['kernel.apparmor_restrict_unprivileged_userns', read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'), '0'],
  ].filter(([, v, want]) => v !== null && (want === '10000' ? v === '0' : v !== want));
  return parts.length ? `（現在 ${parts.map(([k, v]) => `${k}=${v}`).join('、')}）` : '';
}

function probeRoot(t: NamespaceTools, name: string): NamespaceSupport {
  const ids = userIds(name);
  if (!ids) return { ok: false, reason: `検査用ブラウザを動かすユーザー「${name}」がありません。\`useradd --system --no-create-home --shell /usr/sbin/nologin ${name}\` で作るか、環境変数 JIS_A11Y_SANDBOX_USER に別の一般ユーザーを指定してください。` };
  if (ids.uid === 0) return { ok: false, reason: `検査用ブラウザを root（ユーザー「${name}」）では動かせません。JIS_A11Y_SANDBOX_USER に一般ユーザーを指定してください。` };
  const net = run(t.unshare, ['--net', '--', t.ip, 'link', 'set', 'lo', 'up']);
  if (!net.ok) return { ok: false, reason: `ネットワーク名前空間を作れません（unshare --net: ${net.out}）。コンテナーの中で動かしている場合は、名前空間の作成を許可してください（例: docker run --cap-add SYS_ADMIN、または既定の seccomp を緩める）。${WEAK_HINT}` };
  const userns = run(t.setpriv, [`--reuid=${ids.uid}`, `--regid=${ids.gid}`, '--clear-groups', '--', t.unshare, '--user', '--', 'true']);
  if (!userns.ok)
    return { ok: false, reason: `ユーザー「${name}」が Chromium のサンドボックスに必要なユーザー名前空間を作れません（${userns.out}）${usernsSysctls()}。sysctl で非特権ユーザー名前空間を有効にしてください（kernel.unprivileged_userns_clone=1、user.max_user_namespaces を 0 より大きく）。${WEAK_HINT}` };
  return { ok: true, mode: 'root', tools: t, user: { name, ...ids } };
}

function probeUserns(t: NamespaceTools): NamespaceSupport {
  const uid = process.getuid!();
  const gid = process.getgid!();
  const script = `"$1" link set lo up && exec "$2" --user --map-user=${uid} --map-group=${gid} -- "$2" --user -- true`;
  const r = run(t.unshare, ['--user', '--map-root-user', '--net', '--', t.sh, '-c', script, 'probe', t.ip, t.unshare]);
  if (!r.ok)
    return {
      ok: false,
      reason: `root ではなく、非特権ユーザー名前空間も使えないため、検査用ブラウザをネットワーク名前空間に隔離できません（${r.out}）${usernsSysctls()}。サービスを root で起動するか（ブラウザは一般ユーザー nobody などで動きます）、sysctl で非特権ユーザー名前空間を有効にしてください（kernel.unprivileged_userns_clone=1、user.max_user_namespaces を 0 より大きく）。${WEAK_HINT}`,
    };
  return { ok: true, mode: 'userns', tools: t, user: { name: String(uid), uid, gid } };
}

const cache = new Map<string, NamespaceSupport>();

/** Whether (and how) the sandbox browser can get its own network namespace here; probed once per user name. */
export function namespaceSupport(userName: string): NamespaceSupport {
  const hit = cache.get(userName);
  if (hit) return hit;
  let s: NamespaceSupport;
  if (process.platform !== 'linux') {
    s = { ok: false, reason: `検査用ブラウザを隔離するネットワーク名前空間は Linux でだけ作れます（この OS: ${process.platform}）。${WEAK_HINT}` };
  } else {
    const tools = { unshare: findTool('unshare'), setpriv: findTool('setpriv'), ip: findTool('ip'), sh: findTool('sh') };
    const missing = Object.entries(tools).filter(([, v]) => !v).map(([k]) => k);
    if (missing.length) s = { ok: false, reason: `検査用ブラウザの隔離に必要なコマンド ${missing.join('、')} が見つかりません。Debian/Ubuntu では \`apt-get install util-linux iproute2\` で入ります。${WEAK_HINT}` };
    else s = process.getuid!() === 0 ? probeRoot(tools as NamespaceTools, userName) : probeUserns(tools as NamespaceTools);
  }
  cache.set(userName, s);
  return s;
}

// $1 ip, $2 node, $3 forwarder source, $4 egress dir, $5 port, $6 setpriv, $7 unshare, $8 uid, $9 gid, then
// $10 'root' | 'userns', then Chromium and its arguments.
const SCRIPT = `
ip=$1 node=$2 src=$3 dir=$4 port=$5 setpriv=$6 unshare=$7 uid=$8 gid=$9 mode=\${10}
shift 10
"$ip" link set lo up || { echo "jis-a11y: lo を有効にできません" >&2; exit 97; }
mkfifo -m 600 "$dir/ready" || exit 97
"$setpriv" --pdeathsig SIGKILL -- "$node" -e "$src" "$dir" "$port" </dev/null 2>/dev/null 3>&- 4>&- >"$dir/ready" &
read -r line <"$dir/ready"
rm -f "$dir/ready"
[ "$line" = ready ] || { echo "jis-a11y: 転送プロセスを起動できません: $line" >&2; exit 97; }
if [ "$mode" = root ]; then
  exec "$setpriv" --reuid="$uid" --regid="$gid" --clear-groups --pdeathsig SIGKILL -- "$@"
else
  exec "$unshare" --user --map-user="$uid" --map-group="$gid" -- "$setpriv" --pdeathsig SIGKILL -- "$@"
fi
`;

/** The command line that starts Chromium in a new network namespace, its proxy reachable through `egressDir`. */
export function namespaceCommand(s: Extract<NamespaceSupport, { ok: true }>, egressDir: string): ChromeCommand {
  const t = s.tools;
  const outer = s.mode === 'root' ? ['--net'] : ['--user', '--map-root-user', '--net'];
  return (chrome, chromeArgs) => ({
    command: t.unshare,
    args: [...outer, '--', t.sh, '-c', SCRIPT, 'jis-a11y-sandbox', t.ip, process.execPath, FORWARDER_SOURCE, egressDir, String(PROXY_PORT), t.setpriv, t.unshare, String(s.user.uid), String(s.user.gid), s.mode, chrome, ...chromeArgs],
  });
}
