import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Sha256 } from '../../../src/gateway/auth/iamSha256.js';
import { identityCall, startTestEmulator } from '../../helpers/emulator.js';
import { Figures, params, send } from './harness.js';

// The SigV4 check of an AWS_IAM route (src/gateway/auth/iam*.ts) fed mangled signatures: a genuine request, signed
// with credentials a real identity pool issued, with one part of its signature changed (the Authorization header's
// text or one of its parameters, X-Amz-Date, the session token, the method or path, or the same signature moved into
// presigned-URL parameters). Every answer is API Gateway's 403 (`{"message"}` with x-amzn-ErrorType), never a 5xx; the function
// runs only for a request that still carries the genuine signature, key, token, date, method and path.

const FIXTURE = 'test/gateway/fixtures/iam-rest.yaml';
const HOST = 'localhost:4566';

interface Signed {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
}

test('AWS_IAM route: mangled SigV4 signatures answer 403 with an AWS error, never a 5xx, and never reach the function', async () => {
  let calls = 0;
  const emulator = await startTestEmulator({
    functions: {
      'iam-echo': async () => {
        calls++;
        return { statusCode: 200, body: 'ok' };
      },
    },
    templates: { paths: [FIXTURE], watch: false, stage: 'local', parameters: {} },
  });
  const figures = new Figures('AWS_IAM signatures');
  try {
    const { routes } = JSON.parse((await emulator.app.inject({ method: 'GET', url: '/_cogniform/routes' })).body) as { routes: { path: string; url: string }[] };
    const path = new URL(routes.find((r) => r.path === '/whoami')!.url).pathname;
    const { IdentityPoolId } = await identityCall(emulator, 'CreateIdentityPool', { IdentityPoolName: 'iam', AllowUnauthenticatedIdentities: true });
    await identityCall(emulator, 'SetIdentityPoolRoles', { IdentityPoolId, Roles: { unauthenticated: 'arn:aws:iam::000000000000:role/Guest' } });
    const sets = await Promise.all([0, 1].map(async () => {
      const { IdentityId } = await identityCall(emulator, 'GetId', { IdentityPoolId });
      return (await identityCall(emulator, 'GetCredentialsForIdentity', { IdentityId })).Credentials;
    }));
    const [mine, other] = sets.map((c) => ({ accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken }));

    const v4 = new SignatureV4({ service: 'execute-api', region: 'us-east-1', sha256: Sha256, credentials: mine! });
    const base = { method: 'GET', protocol: 'http:', hostname: 'localhost', port: 4566, path, query: {}, headers: { host: HOST } };
    // Signed afresh before each batch, so that the property's requests all fall inside the 5-minute window.
    const genuine: Signed = { method: 'GET', path, query: '', headers: (await v4.sign(base)).headers as Record<string, string> };
    const presigned = await v4.presign(base, { expiresIn: 300 });
    const presignedQuery = new URLSearchParams(presigned.query as Record<string, string>).toString();

    const request = (s: Signed): InjectOptions => ({ method: s.method as 'GET', url: `${s.path}${s.query ? `?${s.query}` : ''}`, headers: s.headers });
    const control = await send(emulator, request(genuine));
    assert.is(control.status, 200, `the genuine request: ${control.body}`);
    const presignedControl = await send(emulator, request({ method: 'GET', path, query: presignedQuery, headers: { host: HOST } }));
    assert.is(presignedControl.status, 200, `the presigned URL: ${presignedControl.body}`);
    const genuineSignature = /Signature=([0-9a-f]+)/.exec(genuine.headers.authorization!)![1]!;

    const authorization = genuine.headers.authorization!;
    const withHeader = (name: string, value: string | undefined): Signed => {
      const headers = { ...genuine.headers };
      if (value === undefined) delete headers[name];
      else headers[name] = value;
      return { ...genuine, headers };
    };
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 0, maxLength: 80 });
    const text = fc.oneof(fc.string({ maxLength: 40 }), hex, fc.constantFrom('', ' ', ',', '=', '/', ';', 'AWS4-HMAC-SHA256', 'aws4_request', 'x'.repeat(5000)));
    const component = fc.constantFrom('Credential', 'SignedHeaders', 'Signature');
    const credentialPart = fc.nat(4);

    const mangled: fc.Arbitrary<{ label: string; signed: Signed }> = fc.oneof(
      fc.tuple(fc.nat(authorization.length - 1), fc.string({ minLength: 1, maxLength: 3 })).map(([at, c]) => ({
        label: `authorization char ${at} → ${JSON.stringify(c)}`, signed: withHeader('authorization', authorization.slice(0, at) + c + authorization.slice(at + 1)),
      })),
      fc.nat(authorization.length).map((at) => ({ label: `authorization cut at ${at}`, signed: withHeader('authorization', authorization.slice(0, at)) })),
      fc.tuple(component, text).map(([name, value]) => ({
        label: `${name}=${JSON.stringify(value).slice(0, 60)}`,
        signed: withHeader('authorization', authorization.replace(new RegExp(`${name}=[^,]*`), `${name}=${value}`)),
      })),
      fc.tuple(credentialPart, text).map(([i, value]) => ({
        label: `credential part ${i} → ${JSON.stringify(value).slice(0, 60)}`,
        signed: withHeader('authorization', authorization.replace(/Credential=([^,]*)/, (_, c: string) => `Credential=${c.split('/').map((p, j) => (j === i ? value : p)).join('/')}`)),
      })),
      component.map((name) => ({ label: `no ${name}`, signed: withHeader('authorization', authorization.replace(new RegExp(`,?\\s*${name}=[^,]*`), '')) })),
      fc.oneof(text, fc.constantFrom('20201027T123008Z', '99999999T999999Z', '20200231T000000Z', genuine.headers['x-amz-date']!.replace(/Z$/, ''))).map((value) => ({
        label: `x-amz-date ${JSON.stringify(value).slice(0, 40)}`, signed: withHeader('x-amz-date', value),
      })),
      fc.constant({ label: 'no x-amz-date', signed: withHeader('x-amz-date', undefined) }),
      fc.oneof(text, fc.constant(other!.sessionToken)).map((value) => ({ label: `session token ${JSON.stringify(value).slice(0, 40)}`, signed: withHeader('x-amz-security-token', value) })),
      fc.constant({ label: 'no session token', signed: withHeader('x-amz-security-token', undefined) }),
      fc.constantFrom('POST', 'PUT', 'DELETE').map((method) => ({ label: `method ${method}`, signed: { ...genuine, method } })),
      fc.constantFrom('/items/1', '/whoami/', '/WhoAmI', '/whoami/x').map((p) => ({ label: `path ${p}`, signed: { ...genuine, path: path.replace('/whoami', p) } })),
      fc.tuple(fc.constantFrom('X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Security-Token', 'X-Amz-Algorithm'), text).map(([name, value]) => {
        const query = new URLSearchParams(presignedQuery);
        query.set(name, value);
        return { label: `presigned ${name}=${JSON.stringify(value).slice(0, 40)}`, signed: { method: 'GET', path, query: query.toString(), headers: { host: HOST } } };
      }),
      // A parameter the client did not sign, named as anything, JavaScript's own property names included.
      fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'), fc.string({ minLength: 1, maxLength: 12 })), text, fc.boolean())
        .map(([name, value, header]) => ({
          label: `extra ${header ? 'header' : 'query parameter'} ${JSON.stringify(name)}`,
          signed: header ? withHeader(name.toLowerCase().replace(/[^a-z0-9_-]/g, '') || 'x', value.replace(/[^\x20-\x7e]/g, '')) : { ...genuine, query: `${encodeURIComponent(name)}=${encodeURIComponent(value)}` },
        })),
    );

    const before = calls;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(mangled, async ({ label, signed }) => {
        const answer = await send(emulator, request(signed), figures);
        assert.ok(answer.status < 500, `${label}: answered ${answer.status} ${answer.body.slice(0, 300)}`);
        if (answer.status === 200) {
          // Accepted only when nothing that the signature covers or names changed (a mangling the parser reads past).
          const h = signed.headers;
          const same = signed.method === genuine.method && signed.path === genuine.path
            && h['x-amz-date'] === genuine.headers['x-amz-date'] && h['x-amz-security-token'] === mine!.sessionToken
            && (h.authorization ?? '').includes(`Signature=${genuineSignature}`) && (h.authorization ?? '').includes(mine!.accessKeyId)
            || (signed.query !== '' && new URLSearchParams(signed.query).get('X-Amz-Signature') === new URLSearchParams(presignedQuery).get('X-Amz-Signature'));
          assert.ok(same, `${label}: accepted`);
          accepted++;
          return;
        }
        assert.ok(answer.status === 403 || answer.status === 404, `${label}: ${answer.status}`);
        assert.type(answer.headers['x-amzn-errortype'], 'string', `${label}: no x-amzn-ErrorType`);
        assert.type(JSON.parse(answer.body).message, 'string', `${label}: ${answer.body.slice(0, 200)}`);
      }),
      params(300),
    );
    assert.is(calls - before, accepted, 'the function ran only for the accepted ones');
    assert.ok(accepted < figures.requests / 4, `${accepted} of ${figures.requests} accepted`);
  } finally {
    figures.report();
    await emulator.close();
  }
});

test('API Gateway: query parameters named constructor, __proto__ or toString reach the function, REST and HTTP APIs alike', async () => {
  // Found by the property above (FUZZ_SEED=20240608): such a name made every gateway route a 500, signed or not,
  // because the query was grouped into a plain object whose `??=` found Object.prototype's members (fixed in
  // src/gateway/auth/iamSignature.ts, src/gateway/rest/request.ts and src/gateway/http/requestParts.ts).
  const seen: any[] = [];
  const echo = async (event: any) => {
    seen.push(event);
    return { statusCode: 200, body: 'ok' };
  };
  const emulator = await startTestEmulator({
    functions: { 'iam-echo': echo, 'shop-local-hello': echo },
    templates: { paths: [FIXTURE, 'test/gateway/fixtures/http-serverless/serverless.yml'], watch: false, stage: 'local', parameters: {} },
  });
  try {
    const { routes } = JSON.parse((await emulator.app.inject({ method: 'GET', url: '/_cogniform/routes' })).body) as { routes: { path: string; url: string }[] };
    const query = 'constructor=1&__proto__=2&toString=3&toString=4&hasOwnProperty';
    for (const route of ['/open', '/hello']) {
      const url = new URL(routes.find((r) => r.path === route)!.url);
      const answer = await emulator.app.inject({ method: 'GET', url: `${url.pathname}?${query}`, headers: { host: url.host } });
      assert.is(answer.statusCode, 200, `${route}: ${answer.body}`);
      const event = seen.at(-1);
      const parameters = event.multiValueQueryStringParameters ?? event.queryStringParameters;
      assert.ok(Object.hasOwn(parameters, '__proto__') && Object.hasOwn(parameters, 'constructor'), `${route}: ${JSON.stringify(parameters)}`);
      assert.equal(event.queryStringParameters.toString, event.version === '2.0' ? '3,4' : '4', route);
    }
    // And at an AWS_IAM route, unsigned: REST's "Missing Authentication Token", not a 500.
    const whoami = new URL(routes.find((r) => r.path === '/whoami')!.url);
    const unsigned = await emulator.app.inject({ method: 'GET', url: `${whoami.pathname}?${query}`, headers: { host: whoami.host } });
    assert.is(unsigned.statusCode, 403, unsigned.body);
  } finally {
    await emulator.close();
  }
});

test.run();
