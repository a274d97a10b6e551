import { SignatureV4 } from '@smithy/signature-v4';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Sha256 } from '../../../src/gateway/auth/iamSha256.js';
import { identityCall, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

// SigV4 forgeries at a real AWS_IAM route (test/gateway/fixtures/iam-rest.yaml, reconciled by the emulator) with
// credentials a real identity pool issued, over HTTP: what test/gateway/*/iamAuthorization.test.ts (a fixed
// credentials lookup, requests handed to the gateway) cannot show. Credentials of a deleted pool or identity, a
// replayed request, a session token of another set, credentials past their hour, and tokens instead of a signature.

let emulator: TestEmulator;
const clock = { offsetMs: 0 };
let whoami: URL;
let IdentityPoolId: string;
let provider: string;
let UserPoolId: string;
let ClientId: string;
const events: any[] = [];
const PASSWORD = 'Passw0rd!long';

interface Credentials {
  identityId: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

test.before(async () => {
  emulator = await startTestEmulator({
    clock: { now: () => new Date(Date.now() + clock.offsetMs) },
    functions: {
      'iam-echo': async (event: any) => {
        events.push(event);
        return { statusCode: 200, body: 'ok' };
      },
    },
    templates: { paths: ['test/gateway/fixtures/iam-rest.yaml'], watch: false, stage: 'local', parameters: {} },
  });
  const { routes } = (await (await fetch(`${emulator.url}/_cogniform/routes`)).json()) as { routes: { path: string; url: string }[] };
  const route = routes.find((r) => r.path === '/whoami');
  assert.ok(route, JSON.stringify(routes));
  whoami = new URL(route.url);
  UserPoolId = (await emulator.call('CreateUserPool', { PoolName: 'iam' })).body.UserPool.Id;
  ClientId = (await emulator.call('CreateUserPoolClient', { UserPoolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }))
    .body.UserPoolClient.ClientId;
  provider = `cognito-idp.us-east-1.amazonaws.com/${UserPoolId}`;
  IdentityPoolId = await newPool();
});
test.after(async () => {
  await emulator?.close();
});
test.after.each(() => {
  clock.offsetMs = 0;
  events.length = 0;
});

async function newPool(): Promise<string> {
  const { IdentityPoolId: id } = await identityCall(emulator, 'CreateIdentityPool', {
    IdentityPoolName: 'iam', AllowUnauthenticatedIdentities: true, CognitoIdentityProviders: [{ ProviderName: provider, ClientId }],
  });
  await identityCall(emulator, 'SetIdentityPoolRoles', {
    IdentityPoolId: id, Roles: { authenticated: 'arn:aws:iam::000000000000:role/Auth', unauthenticated: 'arn:aws:iam::000000000000:role/Guest' },
  });
  return id;
}

let users = 0;
/** Credentials of a new signed-in user's identity in `poolId`. */
async function credentials(poolId = IdentityPoolId): Promise<Credentials> {
  const Username = `user${++users}`;
  await emulator.call('AdminCreateUser', { UserPoolId, Username, MessageAction: 'SUPPRESS' });
  await emulator.call('AdminSetUserPassword', { UserPoolId, Username, Password: PASSWORD, Permanent: true });
  const auth = await emulator.call('AdminInitiateAuth', { UserPoolId, ClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: Username, PASSWORD } });
  const Logins = { [provider]: auth.body.AuthenticationResult.IdToken as string };
  const { IdentityId } = await identityCall(emulator, 'GetId', { IdentityPoolId: poolId, Logins });
  const { Credentials } = await identityCall(emulator, 'GetCredentialsForIdentity', { IdentityId, Logins });
  return { identityId: IdentityId, accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretKey, sessionToken: Credentials.SessionToken };
}

/** Headers of GET /whoami signed as the AWS SDKs sign (execute-api, us-east-1), at the emulator's clock. */
async function signed(
  signer: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  signingDate = new Date(Date.now() + clock.offsetMs),
): Promise<Record<string, string>> {
  const v4 = new SignatureV4({ service: 'execute-api', region: 'us-east-1', sha256: Sha256, credentials: signer });
  const request = await v4.sign(
    { method: 'GET', protocol: 'http:', hostname: whoami.hostname, port: Number(whoami.port), path: whoami.pathname, query: {}, headers: { host: whoami.host } },
    { signingDate },
  );
  return request.headers as Record<string, string>;
}

/** The route's answer as one string: "ok" (the function ran) or `<status> <x-amzn-ErrorType>: <message's first line>`. */
async function call(headers: Record<string, string>): Promise<string> {
  const { host: _host, ...sent } = headers;
  const response = await fetch(whoami, { headers: sent });
  const text = await response.text();
  if (response.status === 200 && text === 'ok') return 'ok';
  return `${response.status} ${response.headers.get('x-amzn-errortype')}: ${String(JSON.parse(text).message).split('\n')[0]}`;
}

const own = (c: Credentials) => ({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken });
const INVALID_TOKEN = '403 UnrecognizedClientException: The security token included in the request is invalid.';
const MISMATCH = '403 InvalidSignatureException: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

test('AWS_IAM route: issued credentials sign through, and the function sees the identity that got them', async () => {
  const c = await credentials();
  assert.is(await call(await signed(own(c))), 'ok');
  assert.is(events[0].requestContext.identity.cognitoIdentityId, c.identityId);
  assert.is(events[0].requestContext.identity.cognitoAuthenticationType, 'authenticated');
});

test('AWS_IAM route: a signature made with one set\'s secret and another set\'s session token is refused', async () => {
  const a = await credentials();
  const b = await credentials();
  // A's key id and secret, B's session token: the token is not the one issued with A's key.
  assert.is(await call(await signed({ ...own(a), sessionToken: b.sessionToken })), INVALID_TOKEN);
  // B's key id and session token, A's secret: the signature is not B's.
  assert.is(await call(await signed({ ...own(b), secretAccessKey: a.secretAccessKey })), MISMATCH);
  // Another set's key id under A's signature, or no session token at all.
  assert.is(await call(await signed({ ...own(a), accessKeyId: b.accessKeyId })), INVALID_TOKEN);
  assert.is(await call(await signed({ accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey })), INVALID_TOKEN);
  assert.is(events.length, 0, 'the function never ran');
});

test('AWS_IAM route: a signed request replayed within 5 minutes goes through (as AWS lets it); past 5 minutes it is refused', async () => {
  const c = await credentials();
  const headers = await signed(own(c));
  assert.is(await call(headers), 'ok');
  clock.offsetMs = 4 * 60_000;
  // SigV4 does not stop replays inside its window: "the signed portions of the request are valid within five minutes
  // of the timestamp" (IAM user guide, "AWS Signature Version 4 for API requests").
  assert.is(await call(headers), 'ok');
  clock.offsetMs = 5 * 60_000 + 1000;
  assert.match(await call(headers), /^403 InvalidSignatureException: Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/);
  assert.is(events.length, 2);
});

test('AWS_IAM route: credentials past their hour are refused as expired, even freshly signed', async () => {
  const c = await credentials();
  clock.offsetMs = 3600_000 + 1000;
  assert.is(await call(await signed(own(c))), '403 ExpiredTokenException: The security token included in the request is expired');
});

test('AWS_IAM route: credentials of a deleted identity or identity pool work until they expire, as STS credentials do', async () => {
  const pool = await newPool();
  const ofPool = await credentials(pool);
  const ofIdentity = await credentials();
  await identityCall(emulator, 'DeleteIdentities', { IdentityIdsToDelete: [ofIdentity.identityId] });
  await identityCall(emulator, 'DeleteIdentityPool', { IdentityPoolId: pool });
  // Identity-pool credentials are an AssumeRoleWithWebIdentity session: "After AWS STS issues temporary security
  // credentials, they are valid through the expiration period and cannot be revoked" (IAM user guide, "Controlling
  // permissions for temporary security credentials"; only a role policy change stops them, and cogniform evaluates
  // no policies). The pool and the identity themselves are gone.
  assert.is(await call(await signed(own(ofPool))), 'ok');
  assert.is(await call(await signed(own(ofIdentity))), 'ok');
  const gone = await identityCall(emulator, 'GetCredentialsForIdentity', { IdentityId: ofIdentity.identityId }).catch((e) => e.type);
  assert.is(gone, 'ResourceNotFoundException');
  clock.offsetMs = 3600_000 + 1000;
  assert.match(await call(await signed(own(ofPool))), /ExpiredTokenException/);
  assert.match(await call(await signed(own(ofIdentity))), /ExpiredTokenException/);
});

test('AWS_IAM route: an ID token, an OpenID token or the session token as Authorization is no signature', async () => {
  const c = await credentials();
  const { Token } = await identityCall(emulator, 'GetOpenIdToken', { IdentityId: (await identityCall(emulator, 'GetId', { IdentityPoolId })).IdentityId });
  for (const authorization of [Token, `Bearer ${Token}`, c.sessionToken, `AWS4-HMAC-SHA256 ${c.sessionToken}`]) {
    assert.match(await call({ authorization }), /^403 IncompleteSignatureException: /, authorization.slice(0, 30));
  }
  // And no signature at all is REST's "Missing Authentication Token".
  assert.is(await call({}), '403 MissingAuthenticationTokenException: Missing Authentication Token');
  assert.is(events.length, 0);
});

test.run();
