import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { invalidUtf8 } from './cognitoBodies.js';
import { Figures, params, send, type Answer } from './harness.js';

// The other surfaces on the port, fed random requests: the query protocol (CloudFormation, STS), S3, Lambda's REST
// API, the OAuth2 endpoints and hosted UI forms, the API Gateway paths. None may answer a 5xx or hang; each error
// has its surface's shape (XML for query and S3, JSON with x-amzn-ErrorType for Lambda, a page or RFC 6749 JSON for
// OAuth2).

let emulator: TestEmulator;
let clientId: string;
const figures = new Figures('other surfaces');

test.before(async () => {
  emulator = await startTestEmulator();
  const pool = await emulator.call('CreateUserPool', { PoolName: 'fuzz' });
  const UserPoolId = pool.body.UserPool.Id;
  const client = await emulator.call('CreateUserPoolClient', {
    UserPoolId, ClientName: 'web', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code', 'implicit'],
    AllowedOAuthScopes: ['openid', 'email'], CallbackURLs: ['http://localhost:3000/cb'], LogoutURLs: ['http://localhost:3000/'],
    SupportedIdentityProviders: ['COGNITO'],
  });
  clientId = client.body.UserPoolClient.ClientId;
  await emulator.call('AdminCreateUser', { UserPoolId, Username: 'alice', TemporaryPassword: 'Passw0rd!long', MessageAction: 'SUPPRESS' });
});
test.after(async () => {
  figures.report();
  await emulator.close();
});

const scope = (service: string) => `AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`;
const wellEncoded = fc.oneof(
  fc.webSegment(),
  fc.constantFrom('..', '.', '%00', '%2F', '_user_request_', 'functions', '$default', '{proxy+}', 'a'.repeat(2000)),
);
// Percent-encoding that does not decode: fastify refuses such a URL itself (FST_ERR_BAD_URL, a 400 in fastify's own
// JSON shape, before any surface's error handler), so only the surfaces whose errors are checked loosely get them.
const badlyEncoded = fc.constantFrom('%', '%ff', '%E0%A4%A');
const pathOf = (segment: fc.Arbitrary<string>) => fc.array(segment, { minLength: 0, maxLength: 5 }).map((parts) => `/${parts.join('/')}`);
const path = pathOf(wellEncoded);
const anyPath = pathOf(fc.oneof(wellEncoded, badlyEncoded));
const value = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '%', '\u0000', 'x'.repeat(10_000), 'http://localhost:3000/cb', 'javascript:alert(1)'));
const bodyBytes = fc.oneof(fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)), invalidUtf8, fc.constant(Buffer.alloc(0)));

function show(request: InjectOptions): string {
  const payload = request.payload === undefined ? '' : String(request.payload).slice(0, 200);
  return `${request.method} ${String(request.url).slice(0, 200)} ${JSON.stringify(request.headers ?? {})} ${JSON.stringify(payload)}`;
}

function printable(request: InjectOptions): InjectOptions {
  return Object.assign(request, { [fc.toStringMethod]: () => show(request) });
}

async function property(arbitrary: fc.Arbitrary<InjectOptions>, check: (answer: Answer, request: InjectOptions) => void, runs: number) {
  await fc.assert(
    fc.asyncProperty(arbitrary.map(printable), async (request) => {
      const answer = await send(emulator, request, figures);
      // S3's own 501 NotImplemented ("A header you provided implies functionality that is not implemented") is an
      // answer AWS gives, not a failure of ours.
      const notImplemented = answer.status === 501 && /<Code>NotImplemented<\/Code>/.test(answer.body);
      assert.ok(answer.status < 500 || notImplemented, `${show(request)} answered ${answer.status} ${answer.body.slice(0, 300)}`);
      if (answer.status >= 400) check(answer, request);
    }),
    params(runs),
  );
}

test('Query protocol: random actions and parameters answer an XML ErrorResponse, never a 5xx', async () => {
  const actions = ['CreateStack', 'UpdateStack', 'DeleteStack', 'DescribeStacks', 'DescribeStackEvents', 'DescribeStackResource',
    'ListStackResources', 'GetTemplate', 'GetTemplateSummary', 'ValidateTemplate', 'CreateChangeSet', 'DescribeChangeSet',
    'ExecuteChangeSet', 'DeleteChangeSet', 'ListChangeSets', 'GetCallerIdentity'];
  const names = ['StackName', 'TemplateBody', 'TemplateURL', 'ChangeSetName', 'ChangeSetType', 'NextToken', 'LogicalResourceId',
    'Parameters.member.1.ParameterKey', 'Parameters.member.1.ParameterValue', 'Capabilities.member.1', 'Tags.member.1.Key', 'Version'];
  const form = fc.tuple(
    fc.oneof(fc.constantFrom(...actions), fc.string({ maxLength: 20 })),
    fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 10 })), fc.oneof(value, fc.constantFrom('{}', '{"Resources":{}}', 'Resources: [', 'http://localhost/x/y'))),
    fc.constantFrom(undefined, 'cloudformation', 'sts', 'nope'),
  );
  await property(
    form.map(([action, fields, service]) => ({
      method: 'POST' as const,
      url: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(service ? { authorization: scope(service) } : {}) },
      payload: new URLSearchParams({ Action: action, ...fields }).toString(),
    })),
    (answer) => assert.match(answer.body, /<ErrorResponse>[\s\S]*<Code>[^<]+<\/Code>/, answer.body.slice(0, 300)),
    60,
  );
});

test('S3: random paths, methods, headers and bodies answer an XML error, never a 5xx', async () => {
  const query = fc.constantFrom('', '?uploads', '?uploadId=x&partNumber=1', '?partNumber=0&uploadId=', '?list-type=2&max-keys=-1', '?delete',
    '?location', '?versioning', '?continuation-token=%%%', '?max-keys=abc', '?uploadId=%ff');
  const headers = fc.record({
    'content-md5': fc.constantFrom('', 'xx', '1B2M2Y8AsgTpgAmY7PhCfg=='),
    'x-amz-content-sha256': fc.constantFrom('UNSIGNED-PAYLOAD', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'zz'),
    'x-amz-decoded-content-length': fc.constantFrom('-1', 'abc', '10'),
    'x-amz-copy-source': fc.constantFrom('/nope/key', '', '%%%', '/a'),
    range: fc.constantFrom('bytes=0-0', 'bytes=5-1', 'bytes=abc', 'items=0-1'),
  }, { requiredKeys: [] });
  await property(
    fc.tuple(fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD') as fc.Arbitrary<'GET'>, path, query, headers, bodyBytes).map(([method, p, q, h, body]) => ({
      method, url: `${p}${q}`, headers: { authorization: scope('s3'), ...h }, ...(method === 'GET' || method === 'HEAD' ? {} : { payload: body }),
    })),
    (answer, request) => {
      if (request.method !== 'HEAD') assert.match(answer.body, /<Error>[\s\S]*<Code>[^<]+<\/Code>/, `${show(request)}: ${answer.body.slice(0, 300)}`);
    },
    60,
  );
});

test('Lambda REST API: random paths and bodies answer a JSON error with x-amzn-ErrorType, never a 5xx', async () => {
  await property(
    fc.tuple(fc.constantFrom('GET', 'PUT', 'POST', 'DELETE') as fc.Arbitrary<'GET'>, path, bodyBytes, fc.constantFrom('application/json', 'application/zip', 'text/plain')).map(([method, p, body, type]) => ({
      method, url: `/2015-03-31/functions${p}`, headers: { 'content-type': type, authorization: scope('lambda') }, ...(method === 'GET' ? {} : { payload: body }),
    })),
    (answer, request) => {
      assert.type(answer.headers['x-amzn-errortype'], 'string', `${show(request)}: no x-amzn-ErrorType`);
      assert.ok(JSON.parse(answer.body), `${show(request)}: body ${answer.body.slice(0, 200)}`);
    },
    40,
  );
});

test('OAuth2 and hosted UI: random query and form values answer a 4xx page or a redirect, never a 5xx', async () => {
  const pages = ['/oauth2/authorize', '/oauth2/token', '/oauth2/userInfo', '/oauth2/revoke', '/logout', '/login', '/signup', '/confirm',
    '/forgotPassword', '/confirmForgotPassword', '/oauth2/idpresponse', '/mfa', '/newPassword', '/confirmUser'];
  const names = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'code', 'code_challenge', 'code_challenge_method', 'code_verifier',
    'grant_type', 'refresh_token', 'token', 'username', 'password', 'logout_uri', 'identity_provider', 'nonce', 'session',
    'user_name', 'confirmation_code'];
  const fields = fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })), fc.oneof(value, fc.constant('CLIENT')), { maxKeys: 8 })
    .map((f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v === 'CLIENT' ? clientId : v])));
  await property(
    fc.tuple(fc.constantFrom(...pages), fc.boolean(), fields, fc.constantFrom(undefined, 'Bearer x.y.z', 'Basic !!!', 'Basic ' + Buffer.from('a:b').toString('base64'))).map(([page, post, f, auth]) => {
      const form = new URLSearchParams(f).toString();
      return post
        ? { method: 'POST' as const, url: page, headers: { 'content-type': 'application/x-www-form-urlencoded', ...(auth ? { authorization: auth } : {}) }, payload: form }
        : { method: 'GET' as const, url: `${page}?${form}`, headers: auth ? { authorization: auth } : {} };
    }),
    (answer, request) => assert.ok(answer.body.length > 0, `${show(request)}: an empty ${answer.status}`),
    80,
  );
});

test('API Gateway paths: random /restapis/... requests answer a 4xx, never a 5xx', async () => {
  await property(
    fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH') as fc.Arbitrary<'GET'>, anyPath, fc.boolean()).map(([method, p, user]) => ({
      method, url: `/restapis${user ? `/abc/local/_user_request_${p}` : p}`, headers: { authorization: 'Bearer x' },
    })),
    (answer, request) => assert.ok(answer.body.length > 0, `${show(request)}: an empty ${answer.status}`),
    40,
  );
});

test.run();
