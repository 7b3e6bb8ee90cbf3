// One build step for all page code: axe-core + Japanese locale + our rules + the in-page runner + the page
// scripts of rules-jis/page/ (link collector, make-up, contrast, keyboard helpers) → dist/jis-a11y.bundle.js,
// the single script the crawler, the hook and the extension inject (window.jisA11y, rules-jis/page/api.ts).
// Nothing builds page code at run time; the bundle uses no Node APIs and no eval of its own (the extension
// runs it under strict page CSPs).
import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { data as francData } from 'franc/data.js';
import { LANGUAGE_POOL } from '../text/language-id.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE_PATH = path.join(root, 'dist', 'jis-a11y.bundle.js');

/**
 * franc's trigram data for the languages rules-jis/text/language-id.ts asks about only (it always passes `only`):
 * the whole data (400 languages) adds ~430 KB to the bundle and franc parses all of it when the bundle is evaluated,
 * on every page.
 */
const francPool: Plugin = {
  name: 'franc-pool',
  setup(b) {
    b.onLoad({ filter: /[\\/]franc[\\/]data\.js$/ }, () => {
      const pool = new Set(LANGUAGE_POOL);
      const kept: Record<string, Record<string, string>> = {};
      for (const [script, langs] of Object.entries(francData as Record<string, Record<string, string>>)) {
        const mine = Object.fromEntries(Object.entries(langs).filter(([l]) => pool.has(l)));
        if (Object.keys(mine).length) kept[script] = mine;
      }
      return { contents: `export const data = ${JSON.stringify(kept)};`, loader: 'js' };
    });
  },
};

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
    plugins: [francPool],
  });
  return BUNDLE_PATH;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const out = await buildBundle();
  console.log(`バンドルを作成しました / bundle built: ${path.relative(process.cwd(), out)}`);
}
