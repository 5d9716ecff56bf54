// Finds a Chromium for the browser tests: an environment variable, then Debian's
// /usr/bin/chromium, then Playwright's own download. Returns null when there is none.
// CommonJS, so that both the Playwright config and the plain Node scripts can load it.
const { existsSync } = require('node:fs');

const CHROMIUM_ENV = 'CHROMIUM_PATH';

function findChromium() {
  const fromEnv = process.env[CHROMIUM_ENV];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    const own = require('playwright-core').chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // No Playwright browser registry: nothing of its own either.
  }
  return null;
}

exports.CHROMIUM_ENV = CHROMIUM_ENV;
exports.findChromium = findChromium;
