// The in-page bundle's source, read once per process (work done once per run, not per page).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { BUNDLE_PATH, buildBundle } from '../../rules-jis/bundle/build.js';

let cached: string | null = null;

export async function bundleSource(): Promise<string> {
  if (cached) return cached;
  if (!existsSync(BUNDLE_PATH) || statSync(BUNDLE_PATH).size === 0) await buildBundle();
  cached = readFileSync(BUNDLE_PATH, 'utf8');
  return cached;
}
