import { createHash, createHmac } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createRestGateway } from '../../../src/gateway/rest/index.js';
import type { ApiGateway, GatewayRequest } from '../../../src/gateway/routes.js';
import { listStacks } from '../../../src/iac/stacks/stackRecord.js';
import { handlerFunctions } from '../../../src/lambda/functions.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import {
  issuedCredentials, lookupOf, POOL_PROVIDER, presignedRequest, signedRequest, SUB, unsignedRequest, type CallSpec,
} from '../iamSigning.js';

// REST methods with AWS_IAM authorization (test/gateway/fixtures/iam-rest.yaml, reconciled by a real emulator):
// requests signed by @smithy/signature-v4 with credentials an identity pool issued, and every way to get it wrong.

interface Context {
  emulator: TestEmulator;
  gateway: ApiGateway;
  api: string;
  events: any[];
  clock: { offsetMs: number };
}

const test = suite<Context>('REST AWS_IAM authorization');

const authed = issuedCredentials();
const guest = issuedCredentials({
  accessKeyId: 'ASIAIAMTESTKEY000002', sessionToken: 'IQoJguestTOKEN02==', authenticated: false, logins: [],
  identityId: 'us-east-1:9d8c7b6a-3333-4e2f-8a1b-000000000003', roleArn: 'arn:aws:iam::000000000000:role/Cognito_AppUnauth_Role',
});
const lapsed = issuedCredentials({ accessKeyId: 'ASIAIAMTESTKEY000003', sessionToken: 'IQoJlapsedTOKEN03==', expiration: Date.now() - 1000 });

test.before(async (c) => {
  c.emulator = await startTestEmulator({
    templates: { paths: ['test/gateway/fixtures/iam-rest.yaml'], watch: false, stage: 'local', parameters: {} },
  });
  const stacks = await listStacks(c.emulator.store);
  const api = stacks.flatMap((s) => Object.values(s.Resources)).find((r) => r.Type === 'AWS::ApiGateway::RestApi');
  if (!api) throw new Error(`no REST API: ${stacks.map((s) => s.LastReconcile?.error).join('; ')}`);
  c.api = api.PhysicalId;
  c.events = [];
  c.clock = { offsetMs: 0 };
  c.gateway = createRestGateway(stacks, {
    functions: handlerFunctions({
      'iam-echo': (event) => {
        c.events.push(event);
        return { statusCode: 200, body: JSON.stringify(event) };
      },
    }),
    pools: { jwks: async () => undefined, issuers: () => [] },
    credentials: lookupOf(authed, guest, lapsed),
    clock: { now: () => new Date(Date.now() + c.clock.offsetMs) },
    log: { info: () => {}, error: () => {} },
    region: 'us-east-1',
    accountId: '000000000000',
  });
});
test.after(async ({ emulator }) => emulator.close());
test.before.each((c) => {
  c.events.length = 0;
  c.clock.offsetMs = 0;
});

const whoami = (c: Context): CallSpec => ({ apiId: c.api, stage: 'dev', method: 'GET', path: '/whoami' });
const item = (c: Context, id = '42'): CallSpec => ({
  apiId: c.api, stage: 'dev', method: 'POST', path: `/items/${id}`, query: 'colour=blue&tag=a&tag=b',
  headers: { 'content-type': 'application/json' }, body: '{"name":"lamp"}',
});

/** Asserts a 403 refusal with AWS's error type and message, and that the function was not called. */
async function refused(c: Context, request: GatewayRequest, errorType: string, message: string | RegExp) {
  const response = await c.gateway.handle(request);
  assert.is(response.status, 403);
  assert.is(response.headers['x-amzn-errortype'], errorType);
  const body = JSON.parse(response.body.toString());
  if (typeof message === 'string') assert.is(body.message, message);
  else assert.match(body.message, message);
  assert.is(c.events.length, 0, 'the function is not called');
  return body.message as string;
}

const MISMATCH = /^The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key and signing method\. Consult the service documentation for details\.\n\nThe Canonical String for this request should have been\n'/;

test('REST AWS_IAM: a request signed with issued credentials reaches the function with the identity AWS passes', async (c) => {
  const response = await c.gateway.handle(await signedRequest(whoami(c), authed));
  assert.is(response.status, 200);
  const { identity } = c.events[0].requestContext;
  assert.match(identity.caller, /^AROA[A-Z2-7]{17}:CognitoIdentityCredentials$/);
  assert.equal(identity, {
    cognitoIdentityPoolId: authed.identityPoolId,
    accountId: '000000000000',
    cognitoIdentityId: authed.identityId,
    caller: identity.caller,
    sourceIp: '127.0.0.1',
    principalOrgId: null,
    accessKey: authed.accessKeyId,
    cognitoAuthenticationType: 'authenticated',
    cognitoAuthenticationProvider: `${POOL_PROVIDER},${POOL_PROVIDER}:CognitoSignIn:${SUB}`,
    userArn: 'arn:aws:sts::000000000000:assumed-role/Cognito_AppAuth_Role/CognitoIdentityCredentials',
    userAgent: null,
    user: identity.caller,
  });
  assert.not.ok('authorizer' in c.events[0].requestContext, 'AWS_IAM has no authorizer context');
});

test('REST AWS_IAM: an unauthenticated identity is passed as such, with the unauthenticated role', async (c) => {
  assert.is((await c.gateway.handle(await signedRequest(whoami(c), guest))).status, 200);
  const { identity } = c.events[0].requestContext;
  assert.is(identity.cognitoAuthenticationType, 'unauthenticated');
  assert.is(identity.cognitoAuthenticationProvider, null);
  assert.is(identity.cognitoIdentityId, guest.identityId);
  assert.is(identity.userArn, 'arn:aws:sts::000000000000:assumed-role/Cognito_AppUnauth_Role/CognitoIdentityCredentials');
  await c.gateway.handle(await signedRequest(whoami(c), authed));
  assert.is.not(c.events[1].requestContext.identity.caller, identity.caller, 'another role, another role id');
});

test('REST AWS_IAM: a signed POST with a body, a path parameter and a repeated query parameter goes through', async (c) => {
  const response = await c.gateway.handle(await signedRequest(item(c), authed));
  assert.is(response.status, 200);
  const [event] = c.events;
  assert.is(event.body, '{"name":"lamp"}');
  assert.equal(event.pathParameters, { id: '42' });
  assert.equal(event.multiValueQueryStringParameters, { colour: ['blue'], tag: ['a', 'b'] });
});

test('REST AWS_IAM: a path with characters to encode is signed as the client encoded it', async (c) => {
  const spec = { ...item(c, 'a%20b%2Fc'), query: 'q=x%20y' };
  assert.is((await c.gateway.handle(await signedRequest(spec, authed))).status, 200);
});

test('REST AWS_IAM: a presigned URL (query-string authentication) goes through', async (c) => {
  assert.is((await c.gateway.handle(await presignedRequest(whoami(c), authed, 300))).status, 200);
  assert.is(c.events[0].requestContext.identity.accessKey, authed.accessKeyId);
});

test('REST AWS_IAM: a request dated by its Date header rather than X-Amz-Date goes through', async (c) => {
  // Signed by hand (the SDK's signer always writes X-Amz-Date), step by step as the SigV4 reference lays it out.
  const date = new Date(Math.floor(Date.now() / 1000) * 1000);
  const amzDate = date.toISOString().replace(/[-:]|\.\d{3}/g, '');
  const scope = `${amzDate.slice(0, 8)}/us-east-1/execute-api/aws4_request`;
  const headers = { date: date.toUTCString(), host: 'localhost:4566', 'x-amz-security-token': authed.sessionToken };
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const canonical = ['GET', `/restapis/${c.api}/dev/_user_request_/whoami`, '', ...Object.entries(headers).map(([n, v]) => `${n}:${v}`), '',
    Object.keys(headers).join(';'), sha256('')].join('\n');
  let key: Buffer | string = `AWS4${authed.secretAccessKey}`;
  for (const part of scope.split('/')) key = createHmac('sha256', key).update(part).digest();
  const signature = createHmac('sha256', key).update(['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n')).digest('hex');
  const authorization = `AWS4-HMAC-SHA256 Credential=${authed.accessKeyId}/${scope}, SignedHeaders=${Object.keys(headers).join(';')}, Signature=${signature}`;
  const response = await c.gateway.handle(unsignedRequest({ ...whoami(c), headers: { ...headers, authorization } }));
  assert.is(response.status, 200, response.body.toString());
});

test('REST AWS_IAM: an unsigned request is 403 Missing Authentication Token', async (c) => {
  await refused(c, unsignedRequest(whoami(c)), 'MissingAuthenticationTokenException', 'Missing Authentication Token');
});

test('REST AWS_IAM: an Authorization header that is not SigV4 names what it lacks', async (c) => {
  await refused(c, unsignedRequest({ ...whoami(c), headers: { authorization: 'Bearer abc.def.ghi' } }), 'IncompleteSignatureException',
    "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. "
    + "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a "
    + "'X-Amz-Date' or a 'Date' header. Authorization=Bearer abc.def.ghi");
  const request = await signedRequest(whoami(c), authed);
  delete request.headers['x-amz-date'];
  await refused(c, request, 'IncompleteSignatureException',
    /^Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header\. Authorization=AWS4-HMAC-SHA256 Credential=/);
});

test('REST AWS_IAM: the wrong secret is a signature mismatch that shows the canonical request', async (c) => {
  const credentials = { accessKeyId: authed.accessKeyId, secretAccessKey: 'not-the-secret', sessionToken: authed.sessionToken };
  const message = await refused(c, await signedRequest(whoami(c), authed, { credentials }), 'InvalidSignatureException', MISMATCH);
  assert.ok(message.includes(`'GET\n/restapis/${c.api}/dev/_user_request_/whoami\n\nhost:localhost:4566\n`), message);
  assert.match(message, /\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/us-east-1\/execute-api\/aws4_request\n[0-9a-f]{64}'\n$/);
});

test('REST AWS_IAM: a tampered body, path, query or signed header is a signature mismatch', async (c) => {
  const body = await signedRequest(item(c), authed);
  body.body = Buffer.from('{"name":"sofa"}');
  await refused(c, body, 'InvalidSignatureException', MISMATCH);

  const signed = await signedRequest(item(c, '42'), authed);
  const path = { ...signed, path: '/items/43', signedPath: signed.signedPath!.replace('/42', '/43') };
  await refused(c, path, 'InvalidSignatureException', MISMATCH);

  await refused(c, { ...signed, rawQuery: 'colour=red&tag=a&tag=b' }, 'InvalidSignatureException', MISMATCH);
  await refused(c, { ...signed, headers: { ...signed.headers, 'content-type': 'text/plain' } }, 'InvalidSignatureException', MISMATCH);
});

test('REST AWS_IAM: a body hash of UNSIGNED-PAYLOAD is not accepted', async (c) => {
  const spec = { ...item(c), headers: { 'content-type': 'application/json', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } };
  await refused(c, await signedRequest(spec, authed), 'InvalidSignatureException', MISMATCH);
});

test('REST AWS_IAM: a credential scoped to another service is refused', async (c) => {
  await refused(c, await signedRequest(whoami(c), authed, { service: 'lambda' }), 'InvalidSignatureException',
    "Credential should be scoped to correct service: 'execute-api'. ");
});

test('REST AWS_IAM: a missing or different session token is an invalid security token', async (c) => {
  const message = 'The security token included in the request is invalid.';
  const withoutToken = { accessKeyId: authed.accessKeyId, secretAccessKey: authed.secretAccessKey };
  await refused(c, await signedRequest(whoami(c), authed, { credentials: withoutToken }), 'UnrecognizedClientException', message);
  const otherToken = { ...withoutToken, sessionToken: guest.sessionToken };
  await refused(c, await signedRequest(whoami(c), authed, { credentials: otherToken }), 'UnrecognizedClientException', message);
});

test('REST AWS_IAM: an access key cogniform did not issue is an invalid security token', async (c) => {
  const stranger = issuedCredentials({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
  await refused(c, await signedRequest(whoami(c), stranger), 'UnrecognizedClientException', 'The security token included in the request is invalid.');
  const test = issuedCredentials({ accessKeyId: 'test', secretAccessKey: 'test', sessionToken: '' });
  await refused(c, await signedRequest(whoami(c), test), 'UnrecognizedClientException', 'The security token included in the request is invalid.');
});

test('REST AWS_IAM: expired credentials are refused as expired', async (c) => {
  await refused(c, await signedRequest(whoami(c), lapsed), 'ExpiredTokenException', 'The security token included in the request is expired');
  c.clock.offsetMs = authed.expiration - Date.now() + 1000;
  await refused(c, await signedRequest(whoami(c), authed, { signingDate: new Date(Date.now() + c.clock.offsetMs) }),
    'ExpiredTokenException', 'The security token included in the request is expired');
});

test('REST AWS_IAM: a signature more than 5 minutes old or ahead is refused; within 5 minutes it is not', async (c) => {
  const now = Date.now();
  await refused(c, await signedRequest(whoami(c), authed, { signingDate: new Date(now - 6 * 60_000) }), 'InvalidSignatureException',
    /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/);
  await refused(c, await signedRequest(whoami(c), authed, { signingDate: new Date(now + 6 * 60_000) }), 'InvalidSignatureException',
    /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 5 min\.\)$/);
  assert.is((await c.gateway.handle(await signedRequest(whoami(c), authed, { signingDate: new Date(now - 4 * 60_000) }))).status, 200);
});

test('REST AWS_IAM: a presigned URL past its expiry, or missing parameters, is refused', async (c) => {
  const old = await presignedRequest(whoami(c), authed, 60, { signingDate: new Date(Date.now() - 2 * 60_000) });
  await refused(c, old, 'InvalidSignatureException', /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 1 min\.\)$/);
  const fresh = await presignedRequest(whoami(c), authed, 300);
  const withoutDate = fresh.rawQuery.split('&').filter((pair) => !pair.startsWith('X-Amz-Date=')).join('&');
  await refused(c, { ...fresh, rawQuery: withoutDate }, 'IncompleteSignatureException',
    "AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.");
});

test('REST AWS_IAM: methods without authorization are not affected', async (c) => {
  const response = await c.gateway.handle(unsignedRequest({ ...whoami(c), path: '/open' }));
  assert.is(response.status, 200);
  assert.is(c.events[0].requestContext.identity.accessKey, null);
});

test.run();
