import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

// What the real-browser tests share: the Debian Chromium driven by playwright-core (no browser download: .ci/run
// installs the `chromium` package), and a stand-in for a web app's redirect_uri that records what it was sent.

/** The Debian package's browser (playwright-core ships none). */
export const CHROMIUM = '/usr/bin/chromium';

/** One headless Chromium; open a context per test (its own cookies) and close the browser in `test.after`. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true });
}

export interface CallbackServer {
  /** `http://localhost:<port>/callback`: Cognito allows plain http only for localhost. */
  url: string;
  /** Every request it received, oldest first, as full URLs (but the browser's own /favicon.ico fetches). */
  hits: URL[];
  close(): Promise<void>;
}

/** A tiny web app that only has a callback page: it answers 200 and keeps the URL (code, state, error...). */
export async function startCallbackServer(): Promise<CallbackServer> {
  const hits: URL[] = [];
  const server = createServer((request, response) => {
    // Chromium asks for /favicon.ico after showing the callback page, at a time of its choosing: recorded, it
    // could land after the redirect ("the last hit is the callback") or in a later test's count.
    if (request.url === '/favicon.ico') {
      response.writeHead(404).end();
      return;
    }
    hits.push(new URL(request.url ?? '/', `http://localhost:${(server.address() as AddressInfo).port}`));
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Signed in</title><h1>Signed in</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/callback`,
    hits,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}
