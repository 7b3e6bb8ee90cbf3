// WXT configuration for the editors' browser extension (extension/).
// The extension injects THE SAME in-page bundle as the crawler and the hook: dist/jis-a11y.bundle.js,
// built by `npx tsx rules-jis/bundle/build.ts`. It is copied into the build by the hook below, never forked.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

const BUNDLE = resolve(import.meta.dirname ?? process.cwd(), 'dist/jis-a11y.bundle.js');

/**
 * Extra host permissions for automated tests only (e.g. "http://127.0.0.1/*"): headless Chromium cannot
 * click the toolbar button, so activeTab is never granted there. Release builds leave this unset.
 */
const testHosts = (process.env.JIS_A11Y_EXT_TEST_HOSTS ?? '').split(',').filter(Boolean);

export default defineConfig({
  srcDir: 'extension',
  entrypointsDir: 'entrypoints',
  publicDir: 'extension/public',
  outDir: '.output',
  // MV3 for every browser (WXT defaults Firefox to MV2).
  manifestVersion: 3,
  // Explicit imports everywhere: keeps the extension code readable and testable outside WXT.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'jis-a11y アクセシビリティ検査',
    short_name: 'jis-a11y',
    description:
      'JIS X 8341-3:2016（WCAG 2.0）の達成基準で、いま開いているページを公開前に検査します / Checks the current page against JIS X 8341-3:2016.',
    // activeTab: the toolbar click grants access to the current tab (also logged-in CMS previews).
    // Optional host permissions are asked for, per site, only when activeTab is not in effect.
    permissions: ['activeTab', 'scripting', 'storage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(testHosts.length ? { host_permissions: testHosts } : {}),
    action: { default_title: 'jis-a11y: このページを検査 / Check this page' },
    // Keyboard users open the panel like the toolbar click (which also grants activeTab).
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+J' }, description: '検査パネルを開く / Open the panel' } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+J' }, description: '検査パネルを開く / Open the panel' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Firefox 128: scripting.executeScript with world "MAIN".
            gecko: {
              id: 'jis-a11y@jis-a11y.invalid',
              strict_min_version: '128.0',
              // Required for new listings on addons.mozilla.org: the extension collects and sends nothing (results
              // and judgements stay in the browser until the editor exports them; the workspace seam is not wired).
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    // Firefox add-on review gets the sources needed to rebuild the extension: the extension and the engine.
    excludeSources: ['tests/**', 'crawler/**', 'reports/**', 'bench/**', 'bin/**', 'scripts/**', 'jis-a11y-out/**', '*.sqlite*'],
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      if (!existsSync(BUNDLE)) {
        throw new Error(
          `dist/jis-a11y.bundle.js がありません。先に \`npx tsx rules-jis/bundle/build.ts\` を実行してください / missing ${BUNDLE}`,
        );
      }
      files.push({ absoluteSrc: BUNDLE, relativeDest: 'jis-a11y.bundle.js' });
    },
  },
});
