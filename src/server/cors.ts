import type { FastifyInstance, FastifyRequest } from 'fastify';

// Browser apps call the AWS JSON APIs at `/` directly: amazon-cognito-identity-js and Amplify POST to
// https://cognito-idp.<region>.amazonaws.com/ (user pools) and https://cognito-identity.<region>.amazonaws.com/
// (identity pools: GetId, GetCredentialsForIdentity) with `Content-Type: application/x-amz-json-1.1` and
// `X-Amz-Target`, which are not CORS-safelisted, so the browser first sends a preflight `OPTIONS /` (Fetch standard,
// "CORS-preflight request"). AWS's endpoints answer both the preflight and the call with CORS headers: apps in
// browsers work against them (aws-amplify/amplify-js#7285 and #7284: the day those headers went missing, every
// browser sign-in and credentials call failed with "No 'Access-Control-Allow-Origin' header"; #8152: the SDK's error
// handling needs them on error answers too). cogniform's one front door `/` serves both services, so it answers as
// both do, but only for the origins ./crossSite.ts trusts: any other page gets no CORS header, so its browser keeps
// the answer from it, and its calls stay refused. The OAuth2 endpoints browsers `fetch` get the same answers.

/** The request headers the browser SDKs send: amazon-cognito-identity-js (content-type, x-amz-target,
 * x-amz-user-agent, cache-control), the AWS SDK v3 (amz-sdk-invocation-id, amz-sdk-request), and signed calls
 * (authorization, x-amz-date, x-amz-security-token, x-amz-content-sha256). */
const CORS_ALLOW_HEADERS = [
  'content-type', 'x-amz-target', 'x-amz-user-agent', 'cache-control', 'amz-sdk-invocation-id', 'amz-sdk-request',
  'authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256',
].join(', ');

/** What a page's script may read from an answer: the SDKs read the error type from `x-amzn-errortype` and the
 * request id from `x-amzn-requestid` (AWS JSON 1.1 protocol), and use `date` to correct clock skew. */
const CORS_EXPOSE_HEADERS = 'x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage, date';

/** How long a browser may keep a preflight's answer (seconds): Chromium caps it at 2 hours anyway. */
const CORS_MAX_AGE = '7200';

/** The AWS APIs' front door, and the OAuth2 endpoints a single-page app calls with `fetch` after the hosted UI
 * redirects back to it: Amplify's signInWithRedirect exchanges the code at /oauth2/token from the page, and a plain
 * browser `fetch` in cors mode to Cognito's /oauth2/token completes (aws-amplify/amplify-js#5284). Other paths
 * (console, hosted UI pages, API Gateway with its own CORS settings) keep their own rules. */
const CORS_PATHS = new Set(['/', '/oauth2/token', '/oauth2/userInfo', '/oauth2/revoke']);
const atFrontDoor = (request: FastifyRequest) => CORS_PATHS.has(request.url.split('?')[0]!);

/**
 * Answers preflights at `/` and adds CORS headers to its answers (successes and AWS errors alike), for origins that
 * `trusted` accepts; an untrusted page's preflight is refused with no CORS header, so its browser sends nothing more.
 */
export function answerCors(app: FastifyInstance, trusted: (origin: string, host: string | undefined) => boolean): void {
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (request.method !== 'OPTIONS' || origin === undefined || !atFrontDoor(request)) return;
    if (!trusted(origin, request.headers.host)) {
      return reply.code(403).header('vary', 'Origin').send();
    }
    return reply
      .code(204)
      .header('access-control-allow-origin', origin)
      .header('access-control-allow-methods', 'POST, GET, OPTIONS')
      .header('access-control-allow-headers', CORS_ALLOW_HEADERS)
      .header('access-control-expose-headers', CORS_EXPOSE_HEADERS)
      .header('access-control-max-age', CORS_MAX_AGE)
      .header('vary', 'Origin, Access-Control-Request-Headers')
      .send();
  });
  app.addHook('onSend', async (request, reply) => {
    const origin = request.headers.origin;
    if (request.method === 'OPTIONS' || origin === undefined || !atFrontDoor(request)) return;
    // The answer depends on Origin: a cache must not hand one page's answer to another.
    reply.header('vary', 'Origin');
    if (!trusted(origin, request.headers.host)) return;
    reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', CORS_EXPOSE_HEADERS);
  });
}
