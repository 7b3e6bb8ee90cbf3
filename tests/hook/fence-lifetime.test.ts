// Chromium dies with its parent (issue 21 case 6, second half: after `kill -9` of the crawler, 11 Chromium
// processes stayed alive). The real CLI is started on a page that holds its load event, and once its browser
// (and, for the pre-publish check, the sandbox browser's forwarder) runs, the Node process gets SIGKILL:
// nothing it started may still be running a few seconds later.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jaPage } from '../helpers/server.js';
import { recordingServer, type RecordingServer } from './site.js';
import { FORWARDER_SOURCE } from '../../crawler/hook/egress/forwarder.js';
import { Sandbox } from '../../crawler/hook/sandbox.js';
import { procInfo, processTree, sleep, type ProcInfo } from './fence-helpers.js';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/jis-a11y.js');

let site: RecordingServer;
let tmp: string;
const started: ChildProcess[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-fence-life-'));
  site = await recordingServer();
  const held = jaPage('<h1>読み込み中</h1><p>本文</p><iframe src="/frame.html" title="枠"></iframe><img src="/slow.png?ms=60000" alt="遅い図">');
  site.set('/held.html', held);
  site.set('/frame.html', jaPage('<h1>枠</h1><img src="/slow.png?ms=60000" alt="遅い図">'));
  writeFileSync(path.join(tmp, 'held.html'), held);
});

afterAll(async () => {
  for (const c of started) if (c.exitCode === null) c.kill('SIGKILL');
  await site?.close();
});

/** Starts the CLI, waits until its browser has renderers, and returns every process below it. */
async function startAndWaitForBrowser(args: string[]): Promise<{ child: ChildProcess; tree: ProcInfo[] }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
  started.push(child);
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  for (let i = 0; i < 120; i++) {
    await sleep(250);
    if (child.exitCode !== null) throw new Error(`the CLI ended early (${child.exitCode}): ${stderr}`);
    const tree = processTree(child.pid!);
    if (tree.filter((p) => p.type === 'renderer').length >= 1 && i > 4) return { child, tree: processTree(child.pid!) };
  }
  throw new Error(`no browser started: ${stderr}`);
}

/** Processes of `tree` (other than the Node process) still alive `ms` after the kill; zombies count as gone. */
async function survivors(tree: ProcInfo[], nodePid: number, ms: number): Promise<string[]> {
  const deadline = Date.now() + ms;
  let alive: ProcInfo[] = [];
  do {
    await sleep(250);
    alive = tree.filter((p) => p.pid !== nodePid && ours(p) && procInfo(p.pid)?.cmdline === p.cmdline && !isZombie(p.pid));
  } while (alive.length && Date.now() < deadline);
  return alive.map((a) => `${a.pid} ${a.cmdline.slice(0, 100)}`);
}

/** Chromium's processes and the sandbox's forwarder (not tsx's esbuild helper, which ends on its own). */
function ours(p: ProcInfo): boolean {
  return /chrom/.test(p.cmdline) || p.cmdline.includes(FORWARDER_SOURCE.trim().slice(0, 40));
}

function isZombie(pid: number): boolean {
  try {
    return /^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}

describe('Chromium dies with its parent (issue 21 case 6)', () => {
  it('`check <url>`: kill -9 of the Node process leaves no Chromium process behind', async () => {
    const { child, tree } = await startAndWaitForBrowser(['check', `${site.url}/held.html`, '--timeout', '90']);
    expect(tree.filter((x) => /chrom/.test(x.cmdline)).length).toBeGreaterThan(3);
    child.kill('SIGKILL');
    expect(await survivors(tree, child.pid!, 8_000)).toEqual([]);
  });

  it('`check --html` (the sandbox browser, its namespace and forwarder): kill -9 leaves nothing behind', async () => {
    const { child, tree } = await startAndWaitForBrowser(['check', '--html', path.join(tmp, 'held.html'), '--base-url', `${site.url}/held.html`, '--timeout', '90', '--no-store']);
    expect(tree.filter((x) => /chrom/.test(x.cmdline)).length).toBeGreaterThan(3);
    child.kill('SIGKILL');
    expect(await survivors(tree, child.pid!, 8_000)).toEqual([]);
  });

  it('an ordinary close of the sandbox leaves nothing behind either (the forwarder goes with Chromium)', async () => {
    const sandbox = new Sandbox({ allowedOrigins: [site.url] });
    const tree = await sandbox.run(async (ctx) => {
      const page = await ctx.newPage();
      await page.goto(`${site.url}/frame.html`, { waitUntil: 'domcontentloaded' });
      return processTree(sandbox.pid()!);
    }, 30_000);
    expect(tree.some((x) => x.cmdline.includes(FORWARDER_SOURCE.trim().slice(0, 40)))).toBe(true);
    await sandbox.close();
    expect(await survivors(tree, -1, 8_000)).toEqual([]);
  });
});
