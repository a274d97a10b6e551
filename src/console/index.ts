import type { FastifyInstance, FastifyReply } from 'fastify';
import { templateText } from '../oauth2/hostedUi/render/html.js';

// The operator's console (issue [I] §3): one page, one stylesheet and a few ES modules from templates/console/,
// served as they are (no build step). Everything it shows comes from the same-origin APIs: the Cognito JSON API
// and cogniform's /_cogniform/ endpoints. Users' attributes and stack errors are other people's strings, so the
// page builds its DOM with textContent only; the policy below backs that up in the browser.

/**
 * Scripts only from this origin (no inline script, no eval), calls only to this origin, no framing. Trusted Types
 * with no policy makes every HTML sink (innerHTML, outerHTML, insertAdjacentHTML, document.write) throw, so markup
 * from data cannot reach the page even through a slip in the console's code (W3C Trusted Types; Chromium enforces it).
 */
const SECURITY_HEADERS = {
  'content-security-policy': [
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self'",
    "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "require-trusted-types-for 'script'", "trusted-types 'none'",
  ].join('; '),
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  // The files change with cogniform's version; an operator who upgrades should not see a stale mix of modules.
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
};

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

/** A file name of templates/console/: no folders, no dots but the extension's, so no way out of the folder. */
const ASSET = /^([a-z][a-zA-Z0-9-]*)\.(js|css|svg)$/;

export function registerConsole(app: FastifyInstance): void {
  // Every view is this one page; the hash after it (#/pools/<id>, #/users/<pool>/<user>...) says which.
  app.get('/_cogniform/ui', async (_request, reply) => send(reply, 'index.html', 'html'));
  app.get('/_cogniform/ui/', async (_request, reply) => send(reply, 'index.html', 'html'));
  app.get<{ Params: { file: string } }>('/_cogniform/ui/:file', async (request, reply) => {
    const match = ASSET.exec(request.params.file);
    return match ? send(reply, request.params.file, match[2]!) : notFound(reply);
  });
}

function send(reply: FastifyReply, file: string, extension: string): FastifyReply {
  let text: string;
  try {
    text = templateText(`console/${file}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return notFound(reply);
    throw error;
  }
  return reply.headers(SECURITY_HEADERS).type(TYPES[extension]!).send(text);
}

const notFound = (reply: FastifyReply) => reply.code(404).headers(SECURITY_HEADERS).type('text/plain; charset=utf-8').send('Not found.');
