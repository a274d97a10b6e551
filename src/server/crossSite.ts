import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { answerCors } from './cors.js';

// cogniform's APIs take unsigned calls: admin operations, CloudFormation, Lambda Invoke, /_cogniform/reset and state
// imports. A page of any site the developer visits can make the browser send such a call to http://localhost:4566
// without asking: a form post, or a `fetch` with `mode: 'no-cors'` and a text/plain body, is a "simple request" that
// no CORS preflight guards (Fetch standard, "CORS-safelisted method/request-header"). A CloudFormation stack with an
// inline Lambda function (a form post) and an Invoke (a text/plain post) then runs the page's code on the developer's
// machine. Browsers name the page's origin in `Origin` on every such request (Fetch standard, "Origin header": all
// requests but GET and HEAD), so a call from a page that is not on a loopback address nor on this emulator's own
// address is refused. Other clients (SDKs, the AWS CLI, serverless) send no Origin and are not affected. LocalStack
// refuses the same way (403 for an origin outside its allowed list, EXTRA_CORS_ALLOWED_ORIGINS). Origins the developer
// names with --allow-origin (an app on a LAN address, a dev hostname behind a proxy) are trusted too, and the pages
// trusted here get CORS answers at `/` (./cors.ts); the others get none.

/** The calls that change state or run code: AWS APIs at `/`, /_cogniform's writes, Lambda's REST API. */
function guarded(request: FastifyRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false;
  const path = request.url.split('?')[0]!;
  return path === '/' || path.startsWith('/_cogniform/') || path.startsWith('/2015-03-31/');
}

function loopback(hostname: string): boolean {
  const name = hostname.replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  return name === '::1' || /^::ffff:127\./i.test(name);
}

/** The key an origin is compared by: scheme and host lowercased, and a default port dropped for http(s) (browsers
 * send `http://a.test`, never `http://a.test:80`). Other schemes (capacitor://localhost) are kept as written. */
function originKey(origin: string): string {
  const lower = origin.toLowerCase();
  return /^https?:/.test(lower) ? new URL(lower).origin : lower;
}

/** Whether a page of `origin` may call this emulator: loopback, the emulator's own address as an IP literal, or one
 * of `allowed` (keys from {@link originKey}; `*` is every origin). */
function trusted(origin: string, host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (allowed.has('*')) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `Origin: null` (sandboxed frames, data: URLs) names no page at all.
  }
  if (loopback(url.hostname) || allowed.has(originKey(origin))) return true;
  // The console or hosted UI opened at a LAN address (--host 0.0.0.0) calls its own origin. Only an IP literal: a
  // DNS name of someone else's could be rebound to this machine (DNS rebinding) and would pass as "same origin".
  return url.host === host && isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0;
}

/** `allowOrigins`: the --allow-origin list (already checked by src/config.ts), besides loopback pages. */
export function refuseCrossSite(app: FastifyInstance, allowOrigins: readonly string[] = []): void {
  const allowed = new Set(allowOrigins.map((origin) => (origin === '*' ? origin : originKey(origin))));
  const pageTrusted = (origin: string, host: string | undefined) => trusted(origin, host, allowed);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin === undefined || !guarded(request) || pageTrusted(origin, request.headers.host)) return;
    return reply
      .code(403)
      .header('content-type', 'application/x-amz-json-1.1')
      .header('x-amzn-errortype', 'AccessDeniedException')
      .send(JSON.stringify({
        __type: 'AccessDeniedException',
        message: `cogniform refuses calls that a browser sends from a page of another site (Origin: ${origin}): a web page must not drive the emulator on this machine.`,
      }));
  });
  answerCors(app, pageTrusted);
}
