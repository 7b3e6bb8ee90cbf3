// Builds the workspace web app: workspace/main.ts (lit + rules-jis) → dist/workspace/app.js with esbuild, and
// copies index.html and app.css beside it. The service serves that folder at / (crawler/service/workspace/
// app-static.ts). One ES module, no eval, no inline script: it runs under the app's strict CSP.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WORKSPACE_DIST = path.join(root, 'dist', 'workspace');

export async function buildWorkspace(): Promise<string> {
  mkdirSync(WORKSPACE_DIST, { recursive: true });
  await build({
    entryPoints: [path.join(root, 'workspace/main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16'],
    outfile: path.join(WORKSPACE_DIST, 'app.js'),
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    tsconfig: path.join(root, 'tsconfig.json'),
  });
  for (const f of ['index.html', 'app.css']) copyFileSync(path.join(root, 'workspace/static', f), path.join(WORKSPACE_DIST, f));
  return WORKSPACE_DIST;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const out = await buildWorkspace();
  console.log(`ワークスペースの画面を作成しました / workspace app built: ${path.relative(process.cwd(), out)}`);
}
