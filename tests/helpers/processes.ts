// Runs the CLI as a user does (a child process), and reaches into its process tree the way the machine
// does: a renderer killed from outside is a real renderer crash (what the OOM killer does), with no test
// hook in the product. A run past its time limit is killed with its whole tree, so a hang fails the test
// instead of leaving Chromium behind. Linux (/proc) only.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin/jis-a11y.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
  /** The run did not end within the limit and was killed. */
  killed: boolean;
}

/** The pids below `pid`, children before grandchildren. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      /* gone meanwhile */
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) for (const c of children.get(queue.shift()!) ?? []) out.push(c), queue.push(c);
  return out;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** SIGKILLs every Chromium renderer below `pid`; returns how many. */
export function killRenderers(pid: number): number {
  const renderers = descendants(pid).filter((p) => cmdline(p).includes('--type=renderer'));
  for (const p of renderers) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  return renderers.length;
}

function killTree(pid: number): void {
  for (const p of [pid, ...descendants(pid)]) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** `node bin/jis-a11y.js …args`; `onStart` gets the pid; killed with its tree after `limitMs`. */
export function runCli(args: string[], opts: { cwd?: string; stdin?: string | Buffer; limitMs?: number; onStart?: (pid: number) => void } = {}): Promise<CliRun> {
  const started = Date.now();
  const child = spawn('node', [bin, ...args], { cwd: opts.cwd ?? root });
  opts.onStart?.(child.pid!);
  let stdout = '';
  let stderr = '';
  let killed = false;
  // decoded by a stream decoder: a Japanese character split between two pipe chunks stays whole
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.on('error', () => {}); // the CLI may stop reading early (too-large)
  child.stdin.end(opts.stdin ?? '');
  const timer = setTimeout(() => {
    killed = true;
    killTree(child.pid!);
  }, opts.limitMs ?? 120_000);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, elapsedMs: Date.now() - started, killed });
    });
  });
}

/** The JSON the CLI printed, or null. */
export function jsonOf(run: CliRun): any {
  try {
    return JSON.parse(run.stdout);
  } catch {
    return null;
  }
}
