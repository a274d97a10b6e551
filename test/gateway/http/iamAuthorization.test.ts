import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpGateway } from '../../../src/gateway/http/index.js';
import type { ApiGateway } from '../../../src/gateway/routes.js';
import { handlerFunctions } from '../../../src/lambda/functions.js';
import { issuedCredentials, lookupOf, POOL_PROVIDER, signedRequest, SUB, unsignedRequest, type CallSpec } from '../iamSigning.js';
import { httpStack, json } from './harness.js';

// HTTP API routes with AWS_IAM authorization: the signer reaches payload 2.0 as `requestContext.authorizer.iam`
// and payload 1.0 as REST's `requestContext.identity`; refusals are 403 with AWS's reason, unsigned ones `Forbidden`.

const API = 'iamhttp001';
const authed = issuedCredentials();
const guest = issuedCredentials({ accessKeyId: 'ASIAIAMTESTKEY000002', sessionToken: 'IQoJguestTOKEN02==', authenticated: false, logins: [] });
const lapsed = issuedCredentials({ accessKeyId: 'ASIAIAMTESTKEY000003', sessionToken: 'IQoJlapsedTOKEN03==', expiration: Date.now() - 1000 });

const events: any[] = [];
const gateway: ApiGateway = createHttpGateway(
  [httpStack({
    apiId: API,
    routes: [
      { key: 'GET /me', fn: 'echo', auth: 'AWS_IAM' },
      { key: 'POST /v1/me', fn: 'echo', auth: 'AWS_IAM', payload: '1.0' },
    ],
  })],
  {
    functions: handlerFunctions({
      echo: (event) => {
        events.push(event);
        return { statusCode: 200, body: 'ok' };
      },
    }),
    pools: { jwks: async () => undefined, issuers: () => [] },
    credentials: lookupOf(authed, guest, lapsed),
    clock: { now: () => new Date() },
    log: { info: () => {}, error: () => {} },
    region: 'us-east-1',
    accountId: '000000000000',
  },
);

const test = suite('HTTP API AWS_IAM authorization');
test.before.each(() => {
  events.length = 0;
});

const me: CallSpec = { apiId: API, stage: '$default', method: 'GET', path: '/me' };
const meV1: CallSpec = { apiId: API, stage: '$default', method: 'POST', path: '/v1/me', headers: { 'content-type': 'application/json' }, body: '{"a":1}' };

test('HTTP API AWS_IAM: payload 2.0 carries the signer in requestContext.authorizer.iam', async () => {
  const response = await gateway.handle(await signedRequest(me, authed));
  assert.is(response.status, 200);
  const { iam } = events[0].requestContext.authorizer;
  assert.match(iam.callerId, /^AROA[A-Z2-7]{17}:CognitoIdentityCredentials$/);
  assert.equal(iam, {
    accessKey: authed.accessKeyId,
    accountId: '000000000000',
    callerId: iam.callerId,
    cognitoIdentity: {
      amr: ['authenticated', POOL_PROVIDER, `${POOL_PROVIDER}:CognitoSignIn:${SUB}`],
      identityId: authed.identityId,
      identityPoolId: authed.identityPoolId,
    },
    principalOrgId: null,
    userArn: 'arn:aws:sts::000000000000:assumed-role/Cognito_AppAuth_Role/CognitoIdentityCredentials',
    userId: iam.callerId,
  });
});

test('HTTP API AWS_IAM: an unauthenticated identity has amr ["unauthenticated"]', async () => {
  assert.is((await gateway.handle(await signedRequest(me, guest))).status, 200);
  assert.equal(events[0].requestContext.authorizer.iam.cognitoIdentity.amr, ['unauthenticated']);
});

test('HTTP API AWS_IAM: payload 1.0 carries the signer in requestContext.identity, as REST does', async () => {
  const response = await gateway.handle(await signedRequest(meV1, authed));
  assert.is(response.status, 200);
  const { identity } = events[0].requestContext;
  assert.is(identity.accessKey, authed.accessKeyId);
  assert.is(identity.cognitoIdentityId, authed.identityId);
  assert.is(identity.cognitoIdentityPoolId, authed.identityPoolId);
  assert.is(identity.cognitoAuthenticationType, 'authenticated');
  assert.is(identity.cognitoAuthenticationProvider, `${POOL_PROVIDER},${POOL_PROVIDER}:CognitoSignIn:${SUB}`);
  assert.is(identity.userArn, 'arn:aws:sts::000000000000:assumed-role/Cognito_AppAuth_Role/CognitoIdentityCredentials');
  assert.is(identity.sourceIp, '127.0.0.1');
  assert.is(events[0].body, '{"a":1}');
});

test('HTTP API AWS_IAM: the Host-header URL form is verified against the path the client called', async () => {
  // `http://<apiId>.execute-api.localhost:4566/me`: the client signs `/me`, which src/server passes on as signedPath.
  const hostForm = await signedRequest({ ...me, host: `${API}.execute-api.localhost:4566`, urlPath: '/me' }, authed);
  assert.is((await gateway.handle(hostForm)).status, 200);
  const pathForm = { ...hostForm, signedPath: `/restapis/${API}/$default/_user_request_/me` };
  assert.is((await gateway.handle(pathForm)).status, 403, 'the same signature for another URL');
});

test('HTTP API AWS_IAM: an unsigned request is 403 Forbidden', async () => {
  const response = await gateway.handle(unsignedRequest(me));
  assert.is(response.status, 403);
  assert.equal(json(response), { message: 'Forbidden' });
  assert.is(events.length, 0);
});

test('HTTP API AWS_IAM: signed requests are refused with the SigV4 reason and error type', async () => {
  const cases: [string, Promise<Awaited<ReturnType<typeof signedRequest>>>, string, RegExp][] = [
    ['wrong secret', signedRequest(me, authed, { credentials: { ...authed, secretAccessKey: 'nope' } }), 'InvalidSignatureException', /^The request signature we calculated does not match/],
    ['other service', signedRequest(me, authed, { service: 's3' }), 'InvalidSignatureException', /^Credential should be scoped to correct service: 'execute-api'\. $/],
    ['unknown key', signedRequest(me, issuedCredentials({ accessKeyId: 'ASIAUNKNOWN000000000' })), 'UnrecognizedClientException', /^The security token included in the request is invalid\.$/],
    ['expired', signedRequest(me, lapsed), 'ExpiredTokenException', /^The security token included in the request is expired$/],
    ['skewed', signedRequest(me, authed, { signingDate: new Date(Date.now() - 10 * 60_000) }), 'InvalidSignatureException', /^Signature expired: /],
  ];
  for (const [what, pending, errorType, message] of cases) {
    const response = await gateway.handle(await pending);
    assert.is(response.status, 403, what);
    assert.is(response.headers['x-amzn-errortype'], errorType, what);
    assert.match(json(response).message, message, what);
  }
  const tampered = await signedRequest(meV1, authed);
  assert.is((await gateway.handle({ ...tampered, body: Buffer.from('{"a":2}') })).status, 403, 'tampered body');
  assert.is(events.length, 0);
});

test.run();
