import { readdir } from 'node:fs/promises';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { identityCall, withEmulator } from '../../helpers/emulator.js';

/**
 * The answers this session added, held to the hosted UI's standard (./headers.test.ts): the console at
 * /_cogniform/ui (scripts from its own origin only, no framing, no sniffing, revalidated on every load), the
 * /confirmUser page of a CONFIRM_WITH_LINK email, and the identity pools' key set (public members only).
 */
const test = suite('exposure: console, confirmUser, identity JWKS');
const running = withEmulator(test, (emulator) => emulator.client, { options: { code: '123456' } });
const get = (url: string) => running.emulator.app.inject({ method: 'GET', url });
const MARKUP = '"><script>alert(1)</script><img src=x onerror=alert(2)>';

/** The CSP's directives by name. */
function policy(header: unknown): Map<string, string> {
  return new Map(String(header).split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));
}

function assertFramingAndSniffing(answer: { headers: Record<string, unknown> }, what: string): void {
  assert.is(answer.headers['x-frame-options'], 'DENY', what);
  assert.is(answer.headers['x-content-type-options'], 'nosniff', what);
  assert.is(answer.headers['referrer-policy'], 'no-referrer', what);
  assert.is(policy(answer.headers['content-security-policy']).get('frame-ancestors'), "'none'", what);
}

test('console: the page, every file and a 404 carry a CSP without inline script or eval, no framing, nosniff and no-cache', async () => {
  const files = (await readdir('templates/console')).filter((f) => f !== 'index.html');
  const urls = ['/_cogniform/ui', '/_cogniform/ui/', ...files.map((f) => `/_cogniform/ui/${f}`), '/_cogniform/ui/missing.js', '/_cogniform/ui/..%2Fpackage.json'];
  for (const url of urls) {
    const answer = await get(url);
    assert.is(answer.statusCode, url.includes('missing') || url.includes('..') ? 404 : 200, url);
    const csp = policy(answer.headers['content-security-policy']);
    assert.is(csp.get('default-src'), "'none'", url);
    assert.is(csp.get('script-src'), "'self'", `${url}: scripts from this origin only, no 'unsafe-inline', no nonce, no hash`);
    assert.is(csp.get('base-uri'), "'none'", url);
    assert.is(csp.get('form-action'), "'none'", url);
    assert.is(csp.get('require-trusted-types-for'), "'script'", url);
    assert.not.match(String(answer.headers['content-security-policy']), /unsafe-|\*|data:|blob:/, url);
    assertFramingAndSniffing(answer, url);
    // The files change with cogniform's version: revalidated on every load, never served stale.
    assert.is(answer.headers['cache-control'], 'no-cache', url);
  }
  assert.ok(urls.length >= 14, `${urls.length} answers`);
});

test('console: the page itself holds no inline script, event handler or javascript: URL (the CSP would block them)', async () => {
  const page = (await get('/_cogniform/ui')).body;
  const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length >= 1);
  for (const [, attributes, body] of scripts) {
    assert.match(attributes!, /\bsrc="\/_cogniform\/ui\/[\w-]+\.js"/);
    assert.is(body!.trim(), '', 'no inline code');
  }
  assert.not.match(page, /\son[a-z]+\s*=/i);
  assert.not.match(page, /javascript:/i);
  assert.not.match(page, /\sstyle\s*=/i);
});

test('/confirmUser: the confirmation page and its error pages forbid framing and scripts, are not cached, and echo no markup', async () => {
  const { emulator } = running;
  const { UserPool } = (await emulator.call('CreateUserPool', {
    PoolName: 'links', AutoVerifiedAttributes: ['email'], VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' },
  })).body;
  await emulator.call('CreateUserPoolDomain', { UserPoolId: UserPool.Id, Domain: 'exposure-links' });
  const ClientId = (await emulator.call('CreateUserPoolClient', { UserPoolId: UserPool.Id, ClientName: 'web' })).body.UserPoolClient.ClientId;
  const signUp = await emulator.call('SignUp', { ClientId, Username: 'ana', Password: 'Passw0rd!long', UserAttributes: [{ Name: 'email', Value: 'ana@example.com' }] });
  assert.is(signUp.status, 200, JSON.stringify(signUp.body));
  const link = (params: Record<string, string>) => `/confirmUser?${new URLSearchParams(params)}`;
  const pages = {
    confirmed: await get(link({ client_id: ClientId, user_name: 'ana', confirmation_code: '123456' })),
    missing: await get(link({ client_id: ClientId, user_name: MARKUP })),
    wrongCode: await get(link({ client_id: ClientId, user_name: 'ana', confirmation_code: MARKUP })),
    unknownUser: await get(`${link({ client_id: ClientId, user_name: MARKUP, confirmation_code: '123456' })}`),
    unknownClient: await get(link({ client_id: MARKUP, user_name: MARKUP, confirmation_code: MARKUP })),
  };
  assert.is(pages.confirmed.statusCode, 200, pages.confirmed.body);
  for (const [name, page] of Object.entries(pages)) {
    if (name !== 'confirmed') assert.ok(page.statusCode >= 400 && page.statusCode < 500, `${name}: ${page.statusCode}`);
    assert.match(String(page.headers['content-type']), /^text\/html/, name);
    const csp = policy(page.headers['content-security-policy']);
    assert.is(csp.get('default-src'), "'none'", name);
    assert.is(csp.get('script-src'), undefined, `${name}: no script may run`);
    assertFramingAndSniffing(page, name);
    assert.is(page.headers['cache-control'], 'no-store', name);
    assert.not.ok(page.body.includes('<script>alert(1)') || page.body.includes('<img src=x'), `${name} echoes markup`);
    assert.not.match(page.body, /<script/i, name);
  }
});

test('identity JWKS: public members only, JSON with nosniff, and it verifies the tokens GetOpenIdToken signs', async () => {
  const { emulator } = running;
  const { IdentityPoolId } = await identityCall(emulator, 'CreateIdentityPool', { IdentityPoolName: 'jwks', AllowUnauthenticatedIdentities: true });
  const { IdentityId } = await identityCall(emulator, 'GetId', { IdentityPoolId });
  const { Token } = await identityCall(emulator, 'GetOpenIdToken', { IdentityId });
  const answer = await get('/_cogniform/cognito-identity/.well-known/jwks_uri');
  assert.is(answer.statusCode, 200);
  assert.match(String(answer.headers['content-type']), /^application\/json/);
  assert.is(answer.headers['x-content-type-options'], 'nosniff');
  const jwks = JSON.parse(answer.body) as { keys: Record<string, string>[] };
  assert.ok(jwks.keys.length >= 1);
  for (const key of jwks.keys) {
    assert.equal(Object.keys(key).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use'], 'an RSA public key: no d, p, q, dp, dq or qi');
  }
  const { protectedHeader } = await jwtVerify(Token, createLocalJWKSet(jwks as never), { issuer: 'https://cognito-identity.amazonaws.com', audience: IdentityPoolId });
  assert.is(protectedHeader.alg, 'RS512');
  // An unknown path under it is a plain 404, not a listing.
  const other = await get('/_cogniform/cognito-identity/.well-known/openid-configuration');
  assert.is(other.statusCode, 404);
});

test.run();
