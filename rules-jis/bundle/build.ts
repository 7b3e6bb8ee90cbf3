// One build step for all page code: axe-core + Japanese locale + our rules + the in-page runner + the page
// scripts of rules-jis/page/ (link collector, make-up, contrast, keyboard helpers) → dist/jis-a11y.bundle.js,
// the single script the crawler, the hook and the extension inject (window.jisA11y, rules-jis/page/api.ts).
// Nothing builds page code at run time; the bundle uses no Node APIs and no eval of its own (the extension
// runs it under strict page CSPs).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE_PATH = path.join(root, 'dist', 'jis-a11y.bundle.js');

export async function buildBundle(): Promise<string> {
  await build({
    entryPoints: [path.join(root, 'rules-jis/runner/entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox115'],
    outfile: BUNDLE_PATH,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return BUNDLE_PATH;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const out = await buildBundle();
  console.log(`バンドルを作成しました / bundle built: ${path.relative(process.cwd(), out)}`);
}
