// Process-tree accounting from /proc (Linux): resident memory of a tool and all its descendants (its
// Chromium processes included), and CPU time split into browser (chromium/chrome processes) and the rest.
// A process that exits between two samples keeps the CPU time it had at its last sample, so short-lived
// renderers are slightly under-counted (sampling every 200 ms; a renderer lives for many pages here).
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const PAGE = 4096;
export const HZ = 100; // USER_HZ on every Linux we run on

interface Stat {
  pid: number;
  ppid: number;
  comm: string;
  cpuTicks: number;
  rssBytes: number;
}

function readStat(pid: number): Stat | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = s.lastIndexOf(')');
    const comm = s.slice(s.indexOf('(') + 1, close);
    const f = s.slice(close + 2).split(' ');
    // fields after comm: state(0) ppid(1) … utime(11) stime(12) … rss(21)
    return { pid, ppid: Number(f[1]), comm, cpuTicks: Number(f[11]) + Number(f[12]), rssBytes: Number(f[21]) * PAGE };
  } catch {
    return null;
  }
}

function readPss(pid: number): number | null {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function allStats(): Stat[] {
  const out: Stat[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = readStat(Number(d));
    if (s) out.push(s);
  }
  return out;
}

export function descendants(root: number, stats = allStats()): Stat[] {
  const kids = new Map<number, Stat[]>();
  for (const s of stats) {
    const a = kids.get(s.ppid) ?? [];
    a.push(s);
    kids.set(s.ppid, a);
  }
  const out: Stat[] = [];
  const self = stats.find((s) => s.pid === root);
  if (self) out.push(self);
  const stack = [root];
  while (stack.length) {
    for (const k of kids.get(stack.pop()!) ?? []) {
      out.push(k);
      stack.push(k.pid);
    }
  }
  return out;
}

export const isBrowser = (comm: string) => /chrom/i.test(comm);

export interface TreeUsage {
  /** Peak of the summed RSS (counts pages shared between Chromium processes once per process). */
  peakRssBytes: number;
  /** Peak of the summed PSS (shared pages split between the processes sharing them: the tree's real footprint). */
  peakPssBytes: number;
  /** Peak RSS of the browser processes alone. */
  peakBrowserRssBytes: number;
  browserCpuSec: number;
  otherCpuSec: number;
  /** RSS samples (ms since start, bytes) for trend checks. */
  samples: { t: number; rss: number; pss: number }[];
}

/** Samples the process tree under `root` until stop() is called. */
export function sampleTree(root: number, intervalMs = 200): { stop(): TreeUsage } {
  const lastCpu = new Map<number, { ticks: number; browser: boolean }>();
  // CPU the tree had before we started watching (the sampler may start after the first children)
  let peak = 0;
  let peakBrowser = 0;
  let peakPss = 0;
  const samples: { t: number; rss: number; pss: number }[] = [];
  const started = Date.now();
  const tick = () => {
    const tree = descendants(root);
    let rss = 0;
    let brss = 0;
    let pss = 0;
    for (const s of tree) {
      rss += s.rssBytes;
      pss += readPss(s.pid) ?? s.rssBytes;
      const b = isBrowser(s.comm);
      if (b) brss += s.rssBytes;
      lastCpu.set(s.pid, { ticks: s.cpuTicks, browser: b || lastCpu.get(s.pid)?.browser === true });
    }
    peak = Math.max(peak, rss);
    peakBrowser = Math.max(peakBrowser, brss);
    peakPss = Math.max(peakPss, pss);
    samples.push({ t: Date.now() - started, rss, pss });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      let b = 0;
      let o = 0;
      for (const v of lastCpu.values()) (v.browser ? (b += v.ticks) : (o += v.ticks));
      return { peakRssBytes: peak, peakPssBytes: peakPss, peakBrowserRssBytes: peakBrowser, browserCpuSec: b / HZ, otherCpuSec: o / HZ, samples };
    },
  };
}

export const cores = () => (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
export const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
export const loadAvg = () => os.loadavg()[0]!.toFixed(1);
