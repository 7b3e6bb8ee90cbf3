// Builds in-page.ts into one IIFE string, once per process. We do not pass functions to page.evaluate:
// tsx compiles with keepNames, which inserts `__name(...)` calls that do not exist in the page.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';

let code: Promise<string> | undefined;

export function inPageScript(): Promise<string> {
  code ??= build({
    entryPoints: [fileURLToPath(new URL('./in-page.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    minify: false,
    keepNames: false,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0].text);
  return code;
}

/** Call `window.__jisKbd[fn](...args)` in the page. Args and result go through JSON. */
export async function call<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  const expr = `window.__jisKbd.${fn}(${args.map((a) => JSON.stringify(a)).join(',')})`;
  return (await page.evaluate(expr)) as T;
}

export async function installInPage(page: Page): Promise<boolean> {
  const src = await inPageScript();
  await page.evaluate(src);
  return (await page.evaluate('!!window.__jisKbd')) as boolean;
}
