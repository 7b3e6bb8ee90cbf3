// One build step: axe-core + Japanese locale + our rules + the in-page runner → dist/jis-a11y.bundle.js,
// the single script the crawler, the hook and the extension inject.
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
