import { request as httpRequest } from 'node:http';
import {
  CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand, type Credentials,
} from '@aws-sdk/client-cognito-identity';
import { AdminCreateUserCommand, AdminSetUserPasswordCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SignatureV4 } from '@smithy/signature-v4';
import { decodeJwt } from 'jose';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Sha256 } from '../../src/gateway/auth/iamSha256.js';
import { listStacks } from '../../src/iac/stacks/stackRecord.js';
import { awsClient, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// The identity-pool flow end to end (issue 9, "Done when"): a template with a user pool, an identity pool and its
// roles, and AWS_IAM APIs (test/e2e/fixtures/identity-pool-iam.yaml); a user signs in, the SDK's cognito-identity
// client gets an identity and its credentials, and requests signed with them over real HTTP reach the local
// function with the identity in the event. A bad signature is refused.

interface Context {
  emulator: TestEmulator;
  identity: CognitoIdentityClient;
  outputs: Record<string, string>;
}

const test = suite<Context>('identity pool to AWS_IAM API');

test.before(async (c) => {
  c.emulator = await startTestEmulator({
    templates: { paths: ['test/e2e/fixtures/identity-pool-iam.yaml'], watch: false, stage: 'local', parameters: {} },
  });
  const [stack] = await listStacks(c.emulator.store);
  if (!stack || stack.LastReconcile?.error) throw new Error(`the template did not apply: ${stack?.LastReconcile?.error}`);
  c.outputs = stack.Outputs;
  c.identity = awsClient(CognitoIdentityClient, c.emulator);
});
test.after(async (c) => {
  c.identity.destroy();
  await c.emulator.close();
});

let users = 0;

/** A new user of the template's pool, signed in: the provider name and its ID token, as `Logins` wants them. */
async function signIn(c: Context): Promise<{ logins: Record<string, string>; sub: string }> {
  const { UserPoolId, ClientId, ProviderName } = c.outputs;
  const Username = `iam-user-${++users}`;
  await c.emulator.client.send(new AdminCreateUserCommand({ UserPoolId, Username, MessageAction: 'SUPPRESS' }));
  await c.emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: 'Passw0rd!x', Permanent: true }));
  const { AuthenticationResult } = await c.emulator.client.send(new InitiateAuthCommand({
    ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: Username, PASSWORD: 'Passw0rd!x' },
  }));
  const idToken = AuthenticationResult!.IdToken!;
  return { logins: { [ProviderName!]: idToken }, sub: String(decodeJwt(idToken).sub) };
}

async function credentialsFor(c: Context, logins?: Record<string, string>): Promise<{ identityId: string; credentials: Credentials }> {
  const { IdentityId } = await c.identity.send(new GetIdCommand({ IdentityPoolId: c.outputs.IdentityPoolId, ...(logins ? { Logins: logins } : {}) }));
  const { Credentials } = await c.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, ...(logins ? { Logins: logins } : {}) }));
  return { identityId: IdentityId!, credentials: Credentials! };
}

interface Sent {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * `method url` over HTTP, signed for execute-api with `credentials` (as the SDK signs: host, x-amz-date,
 * x-amz-security-token, the body's hash), to `host` (the Host header; the URL's own by default).
 */
async function signedCall(
  c: Context, method: string, url: string, credentials: Credentials, options: { body?: string; host?: string; secret?: string } = {},
): Promise<Sent> {
  const target = new URL(url);
  const host = options.host ?? target.host;
  const signer = new SignatureV4({
    service: 'execute-api',
    region: 'us-east-1',
    sha256: Sha256,
    credentials: {
      accessKeyId: credentials.AccessKeyId!, secretAccessKey: options.secret ?? credentials.SecretKey!, sessionToken: credentials.SessionToken!,
    },
  });
  const signed = await signer.sign({
    method,
    protocol: 'http:',
    hostname: host.split(':')[0]!,
    path: target.pathname,
    query: Object.fromEntries(target.searchParams),
    headers: { host, ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  return send(c, method, `${target.pathname}${target.search}`, signed.headers as Record<string, string>, options.body);
}

/** A raw request to the emulator's port, so that the Host header is the one given (Node's fetch does not let it). */
function send(c: Context, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Sent> {
  const { port } = new URL(c.emulator.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const restUrl = (c: Context) => `${c.emulator.url}/restapis/${c.outputs.RestApiId}/dev/_user_request_/whoami`;
const httpUrl = (c: Context) => `${c.emulator.url}/restapis/${c.outputs.HttpApiId}/$default/_user_request_/whoami`;

test('identity pool to AWS_IAM API: a signed-in user\'s credentials call the REST method, which sees the identity', async (c) => {
  const { logins, sub } = await signIn(c);
  const { identityId, credentials } = await credentialsFor(c, logins);
  const response = await signedCall(c, 'POST', `${restUrl(c)}?from=e2e`, credentials, { body: '{"hello":"iam"}' });
  assert.is(response.status, 200, response.body);
  const event = JSON.parse(response.body);
  assert.is(event.body, '{"hello":"iam"}');
  const { identity } = event.requestContext;
  assert.is(identity.cognitoIdentityId, identityId);
  assert.is(identity.cognitoIdentityPoolId, c.outputs.IdentityPoolId);
  assert.is(identity.cognitoAuthenticationType, 'authenticated');
  const provider = c.outputs.ProviderName;
  assert.is(identity.cognitoAuthenticationProvider, `${provider},${provider}:CognitoSignIn:${sub}`);
  assert.is(identity.accessKey, credentials.AccessKeyId);
  assert.is(identity.userArn, 'arn:aws:sts::000000000000:assumed-role/iam-e2e-auth/CognitoIdentityCredentials');
  assert.match(identity.caller, /^AROA[A-Z0-9]+:CognitoIdentityCredentials$/);
});

test('identity pool to AWS_IAM API: the same credentials call the HTTP API route, in both URL forms', async (c) => {
  const { logins } = await signIn(c);
  const { identityId, credentials } = await credentialsFor(c, logins);
  const pathForm = await signedCall(c, 'GET', httpUrl(c), credentials);
  assert.is(pathForm.status, 200, pathForm.body);
  const { iam } = JSON.parse(pathForm.body).requestContext.authorizer;
  assert.is(iam.cognitoIdentity.identityId, identityId);
  assert.is(iam.cognitoIdentity.identityPoolId, c.outputs.IdentityPoolId);
  assert.is(iam.cognitoIdentity.amr[0], 'authenticated');
  assert.is(iam.accessKey, credentials.AccessKeyId);
  // `http://<apiId>.execute-api.localhost:<port>/whoami`: the client signs the path it calls, `/whoami`.
  const { port } = new URL(c.emulator.url);
  const hostForm = await signedCall(c, 'GET', `http://localhost:${port}/whoami`, credentials, { host: `${c.outputs.HttpApiId}.execute-api.localhost:${port}` });
  assert.is(hostForm.status, 200, hostForm.body);
  assert.is(JSON.parse(hostForm.body).requestContext.authorizer.iam.cognitoIdentity.identityId, identityId);
});

test('identity pool to AWS_IAM API: an unauthenticated identity gets through as unauthenticated', async (c) => {
  const { identityId, credentials } = await credentialsFor(c);
  const response = await signedCall(c, 'POST', restUrl(c), credentials, { body: '{}' });
  assert.is(response.status, 200, response.body);
  const { identity } = JSON.parse(response.body).requestContext;
  assert.is(identity.cognitoIdentityId, identityId);
  assert.is(identity.cognitoAuthenticationType, 'unauthenticated');
  assert.is(identity.cognitoAuthenticationProvider, null);
  assert.is(identity.userArn, 'arn:aws:sts::000000000000:assumed-role/iam-e2e-unauth/CognitoIdentityCredentials');
});

test('identity pool to AWS_IAM API: a bad signature, a tampered body or no signature is refused with 403', async (c) => {
  const { logins } = await signIn(c);
  const { credentials } = await credentialsFor(c, logins);
  const badSecret = await signedCall(c, 'POST', restUrl(c), credentials, { body: '{}', secret: 'not-the-secret' });
  assert.is(badSecret.status, 403);
  assert.is(badSecret.headers['x-amzn-errortype'], 'InvalidSignatureException');
  assert.match(JSON.parse(badSecret.body).message, /^The request signature we calculated does not match the signature you provided\./);

  const httpBad = await signedCall(c, 'GET', httpUrl(c), credentials, { secret: 'not-the-secret' });
  assert.is(httpBad.status, 403);
  assert.is(httpBad.headers['x-amzn-errortype'], 'InvalidSignatureException');

  // Signed for one body, sent with another.
  const target = new URL(restUrl(c));
  const signer = new SignatureV4({
    service: 'execute-api', region: 'us-east-1', sha256: Sha256,
    credentials: { accessKeyId: credentials.AccessKeyId!, secretAccessKey: credentials.SecretKey!, sessionToken: credentials.SessionToken! },
  });
  const signed = await signer.sign({
    method: 'POST', protocol: 'http:', hostname: target.hostname, path: target.pathname, query: {},
    headers: { host: target.host, 'content-type': 'application/json' }, body: '{"amount":1}',
  });
  const tampered = await send(c, 'POST', target.pathname, signed.headers as Record<string, string>, '{"amount":1000}');
  assert.is(tampered.status, 403);

  const unsignedRest = await send(c, 'POST', target.pathname, { 'content-type': 'application/json' }, '{}');
  assert.is(unsignedRest.status, 403);
  assert.equal(JSON.parse(unsignedRest.body), { message: 'Missing Authentication Token' });
  const unsignedHttp = await send(c, 'GET', new URL(httpUrl(c)).pathname, {});
  assert.is(unsignedHttp.status, 403);
  assert.equal(JSON.parse(unsignedHttp.body), { message: 'Forbidden' });
});

test('identity pool to AWS_IAM API: access keys the identity pool did not issue are refused as unknown', async (c) => {
  const response = await signedCall(c, 'GET', httpUrl(c), { AccessKeyId: 'test', SecretKey: 'test', SessionToken: 'test' });
  assert.is(response.status, 403);
  assert.is(response.headers['x-amzn-errortype'], 'UnrecognizedClientException');
  assert.equal(JSON.parse(response.body), { message: 'The security token included in the request is invalid.' });
});

test.run();
