#!/usr/bin/env node
// Installs what is missing before `npm run demo` / `npm test`: npm packages and a system Chromium with
// Japanese fonts. Plain Node with no dependencies, so it runs on a fresh clone. Never downloads a browser
// build: the browser comes from PUPPETEER_EXECUTABLE_PATH / CHROME_PATH, the system, or Debian's apt.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const log = (m) => console.error(`[setup] ${m}`);

function run(cmd, opts = {}) {
  log(cmd);
  const r = spawnSync(cmd, { shell: true, stdio: 'inherit', cwd: root, env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' }, ...opts });
  if (r.status !== 0) throw new Error(`失敗しました / failed: ${cmd}`);
}

// 1. npm packages: install when node_modules is missing or older than package-lock.json.
const lock = path.join(root, 'package-lock.json');
const marker = path.join(root, 'node_modules', '.package-lock.json');
if (!existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000)) {
  log('npm パッケージをインストールします / installing npm packages');
  run(existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund');
}

// 2. A browser, unless told not to.
if (!args.has('--no-browser')) {
  const candidates = [process.env.PUPPETEER_EXECUTABLE_PATH, process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'].filter(Boolean);
  let browser = candidates.find((p) => existsSync(p));
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  const needFonts = isDebian && !hasJapaneseFonts();
  // The PDFs of the 試験結果 print with IPAexGothic: Chromium embeds it as a TrueType font, where Noto CJK (an
  // OpenType/CFF font) comes out as Type 3 glyphs that some PDF readers cannot search or read aloud.
  const needPdfFont = isDebian && !existsSync('/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf');
  // pdftotext checks the PDF report's text in the tests.
  const needPoppler = isDebian && !existsSync('/usr/bin/pdftotext');
  // The service's sandbox browser runs in its own network namespace (docs/security.md): unshare/setpriv, ip.
  const needFence = isDebian && process.platform === 'linux' && !(['/usr/bin/unshare', '/usr/bin/setpriv'].every((p) => existsSync(p)) && ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].some((p) => existsSync(p)));
  // The PostgreSQL store's tests (issue 20) start a throwaway cluster on 127.0.0.1 (tests/helpers/postgres.ts); the
  // package's own cluster is not needed by jis-a11y.
  const needPostgres = isDebian && !(existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(path.join('/usr/lib/postgresql', v, 'bin', 'initdb'))));
  if ((!browser || needFonts || needPdfFont || needPoppler || needFence || needPostgres) && isDebian) {
    const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
    const pkgs = [!browser ? 'chromium' : '', needFonts ? 'fonts-noto-cjk' : '', needPdfFont ? 'fonts-ipaexfont-gothic' : '', needPoppler ? 'poppler-utils' : '', needFence ? 'util-linux iproute2' : '', needPostgres ? 'postgresql' : ''].filter(Boolean).join(' ');
    log(`Debian のパッケージを入れます / installing Debian packages: ${pkgs}`);
    run(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${pkgs}`);
    browser = candidates.find((p) => existsSync(p)) ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  }
  if (!browser) {
    console.error(
      'Chrome / Chromium が見つかりません。次のどれかを行ってから、もう一度実行してください:\n' +
        '  - Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk\n' +
        '  - 他の OS: Google Chrome をインストールし、環境変数 CHROME_PATH にその実行ファイルのパスを指定\n' +
        'No Chrome/Chromium found: install one and set CHROME_PATH.',
    );
    process.exit(2);
  }
}

function hasJapaneseFonts() {
  try {
    return /CJK|Japanese|IPA|Takao|VL Gothic/i.test(execSync('fc-list :lang=ja family', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false;
  }
}

// Keep package.json readable by the rest of the setup (also proves the checkout is complete).
JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
