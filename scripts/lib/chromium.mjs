// Finds the system Chromium (no browser is ever downloaded here). When it is
// missing and we run as root with apt-get, installs Debian's `chromium`.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Path of a Chromium binary: CHROME_PATH, then `chromium` on PATH, then the usual places; or undefined. */
export function findChromium() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  try {
    const onPath = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
    if (onPath) return onPath;
  } catch {
    // not on PATH
  }
  return CANDIDATES.find((p) => existsSync(p));
}

/** Returns a Chromium path, installing Debian's package when possible; exits with one line otherwise. */
export function ensureChromium() {
  let path = findChromium();
  if (path) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let hasApt = false;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    hasApt = true;
  } catch {
    hasApt = false;
  }
  if (isRoot && hasApt) {
    console.log('chromium: not found; installing Debian\'s chromium package (apt-get install -y chromium)…');
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'], { stdio: 'inherit' });
    path = findChromium();
    if (path) return path;
  }
  console.error('Chromium is required for browser tests: install it with `sudo apt-get install -y chromium` (or set CHROME_PATH to a Chromium/Chrome binary).');
  process.exit(1);
}

/** Flags that make the system Chromium behave headless on a closed, GPU-less CI machine. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
