import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startCallbackServer } from '../../helpers/browser.js';
import { startTestEmulator } from '../../helpers/emulator.js';
import { authorizeUrl, hostedApp } from './app.js';

// Makes the README's picture of the hosted login page (generated output, so a person runs this and commits the
// PNG; no test writes it): an in-memory emulator, a pool with a domain and a code-flow client, /login in Chromium.
// Usage: node --import tsx test/e2e/hostedUi/screenshot.ts [out.png]   (default test/e2e/hostedUi/login-page.png, the picture in the README)

const root = fileURLToPath(new URL('../../..', import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(root, 'test/e2e/hostedUi/login-page.png'));

const emulator = await startTestEmulator();
const callback = await startCallbackServer();
const browser = await launchBrowser();
try {
  const app = await hostedApp(emulator, callback.url);
  const page = await browser.newPage({ viewport: { width: 900, height: 720 }, deviceScaleFactor: 1 });
  const response = await page.goto(authorizeUrl(emulator, app, { state: 'readme' }));
  if (response?.status() !== 200 || new URL(page.url()).pathname !== '/login') {
    throw new Error(`expected the login page, got ${response?.status()} at ${page.url()}`);
  }
  await mkdir(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
  await callback.close();
  await emulator.close();
}
