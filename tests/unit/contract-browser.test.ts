// The contract modules the extension's UI bundles (Vite) must build for a browser: no Node APIs
// (node:crypto moved to crawler/store/judgements.ts) and dependencies that work there (picomatch).
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BROWSER_SIDE = ['types', 'labels-ja', 'verdict', 'result', 'judgements', 'claim', 'criteria'].map((m) => `rules-jis/${m}.ts`);

describe('contract in the browser', () => {
  it('bundles for the browser platform without Node built-ins', async () => {
    const out = await build({
      stdin: { contents: BROWSER_SIDE.map((f) => `export * from './${f}';`).join('\n'), resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(out.errors).toEqual([]);
    expect(out.outputFiles[0].text).not.toMatch(/require\(["']node:|from ["']node:/);
  });
});
