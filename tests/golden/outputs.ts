// Produces the outputs the golden test compares: `check --format json` on every page of the sample site
// (one CLI process, keyboard phase on, as a user runs it) and the demo's reports. Shared by the test and
// by `npm run golden:update`, which rewrites tests/fixtures/golden/ after an intended change.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serveSampleSite, SAMPLE_SITE_DIR } from '../../crawler/cli/sample-site.js';
import { normalizeCsv, normalizeJson, normalizeText } from './normalize.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'bin/jis-a11y.js');
export const GOLDEN_DIR = path.join(ROOT, 'tests/fixtures/golden');

/** Golden file name → normalised content. */
export type Outputs = Record<string, string>;

export async function checkOutputs(): Promise<Outputs> {
  const site = await serveSampleSite();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-golden-'));
  try {
    const files = (readdirSync(SAMPLE_SITE_DIR, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
    const urls = files.map((f) => site.url + f.split(path.sep).join('/'));
    const out = path.join(tmp, 'check.json');
    // exit 1 (failing criteria) is expected: the sample site has seeded barriers
    await run('node', [CLI, 'check', '--format', 'json', '-o', out, ...urls], { maxBuffer: 1 << 30 }).catch((e: { code?: number }) => {
      if (e.code !== 1) throw e;
    });
    return { 'sample-site-check.json': normalizeJson(readFileSync(out, 'utf8')) };
  } finally {
    await site.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The demo's reports: from `demoDir` when the demo already ran (tests/helpers/shared-fixtures.ts), else a demo run here. */
export async function demoOutputs(demoDir?: string): Promise<Outputs> {
  const tmp = demoDir ?? mkdtempSync(path.join(os.tmpdir(), 'jis-golden-demo-'));
  try {
    // one tab: which page of a make-up gets the keyboard phase is the first to reach it, a race with two tabs
    if (!demoDir) await run('node', [CLI, 'demo', '-o', tmp, '--no-progress', '--concurrency', '1'], { maxBuffer: 1 << 30 });
    const read = (f: string) => readFileSync(path.join(tmp, f), 'utf8');
    return {
      'demo-result.json': normalizeJson(read('result.json')),
      'demo-test-result.html': normalizeText(read('test-result.html')),
      'demo-report.html': normalizeText(read('report.html')),
      'demo-findings.csv': normalizeCsv(read('findings.csv')),
    };
  } finally {
    if (!demoDir) rmSync(tmp, { recursive: true, force: true });
  }
}
