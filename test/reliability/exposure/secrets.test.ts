import { createHmac, createPrivateKey } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { SignatureV4 } from '@smithy/signature-v4';
import { users } from '../../../src/cognito/model/user.js';
import { poolSigningKeys, serverSecrets, type StoredKeyPair } from '../../../src/cognito/tokens/keys.js';
import { issuedCredentials } from '../../../src/cognitoIdentity/model/issuedCredentials.js';
import { OPEN_ID_KEY_NAME, openIdKeys } from '../../../src/cognitoIdentity/openIdKey.js';
import { Sha256 } from '../../../src/gateway/auth/iamSha256.js';
import { openDatabase } from '../../../src/store/database.js';
import { Store } from '../../../src/store/store.js';
import { startCli, type ChildEmulator } from '../../helpers/child.js';

/**
 * No secret leaves cogniform by accident. A `--verbose` CLI session goes through sign-up, confirmation, sign-in,
 * refresh, a password change, userInfo, AdminCreateUser with a temporary password and its first sign-in, with a
 * client that has a secret, plus some rejected calls; then the store is opened to learn the secrets it keeps, and
 * stdout, stderr and every answer are searched for them.
 */
const test = suite('exposure: secrets');
const dataDir = mkdtempSync(path.join(tmpdir(), 'cogniform-secrets-'));
const identityDataDir = mkdtempSync(path.join(tmpdir(), 'cogniform-secrets-identity-'));
let child: ChildEmulator | undefined;
test.after(async () => {
  if (child) await child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
  await rm(identityDataDir, { recursive: true, force: true });
});

const PASSWORD = 'Secret-Passw0rd-ana!';
const NEW_PASSWORD = 'Second-Passw0rd-ana!';
const TEMPORARY = 'Tempo-Passw0rd-bo!';
const BO_PASSWORD = 'Final-Passw0rd-bo!';
const WRONG_PASSWORD = 'Wrong-Passw0rd-xyz!';
/** Where a client secret may appear: AWS returns it from these two operations only (API reference). */
const SHOWS_CLIENT_SECRET = new Set(['CreateUserPoolClient', 'DescribeUserPoolClient']);

interface Answer {
  label: string;
  status: number;
  text: string;
}

test('--verbose session: no private key, sealing key, client secret, password, verifier or token is logged or returned', async () => {
  child = await startCli(dataDir, ['--verbose', '--code', '123456']);
  const answers: Answer[] = [];
  const call = async (operation: string, body: unknown, raw?: string): Promise<any> => {
    const response = await fetch(child!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
      body: raw ?? JSON.stringify(body),
    });
    const text = await response.text();
    answers.push({ label: operation, status: response.status, text });
    return JSON.parse(text);
  };
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${child!.url}${url}`, { headers });
    answers.push({ label: url, status: response.status, text: await response.text() });
  };

  const { UserPool } = await call('CreateUserPool', { PoolName: 'secrets', AutoVerifiedAttributes: ['email'] });
  const UserPoolId: string = UserPool.Id;
  const { UserPoolClient } = await call('CreateUserPoolClient', {
    UserPoolId, ClientName: 'server', GenerateSecret: true,
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  const ClientId: string = UserPoolClient.ClientId;
  const clientSecret: string = UserPoolClient.ClientSecret;
  assert.ok(clientSecret, 'the client has a secret');
  const secretHash = (username: string) => createHmac('sha256', clientSecret).update(username + ClientId).digest('base64');

  // ana: sign-up, confirmation, sign-in, refresh, user calls, a password change, userInfo.
  const email = [{ Name: 'email', Value: 'ana@example.com' }];
  await call('SignUp', { ClientId, SecretHash: secretHash('ana'), Username: 'ana', Password: PASSWORD, UserAttributes: email });
  await call('ConfirmSignUp', { ClientId, SecretHash: secretHash('ana'), Username: 'ana', ConfirmationCode: '123456' });
  const signIn = await call('InitiateAuth', {
    ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ana', PASSWORD, SECRET_HASH: secretHash('ana') },
  });
  const { AccessToken, IdToken, RefreshToken } = signIn.AuthenticationResult;
  assert.ok(AccessToken && IdToken && RefreshToken, JSON.stringify(signIn));
  const refreshed = await call('InitiateAuth', {
    ClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: RefreshToken, SECRET_HASH: secretHash('ana') },
  });
  assert.ok(refreshed.AuthenticationResult?.AccessToken, JSON.stringify(refreshed));
  await call('GetUser', { AccessToken });
  await call('UpdateUserAttributes', { AccessToken, UserAttributes: [{ Name: 'name', Value: 'Ana' }] });
  await call('ChangePassword', { AccessToken, PreviousPassword: PASSWORD, ProposedPassword: NEW_PASSWORD });
  await get('/oauth2/userInfo', { authorization: `Bearer ${AccessToken}` });

  // bo: AdminCreateUser with a temporary password (printed on purpose as the "sent" message), then its first sign-in.
  await call('AdminCreateUser', { UserPoolId, Username: 'bo', TemporaryPassword: TEMPORARY, UserAttributes: [{ Name: 'email', Value: 'bo@example.com' }] });
  const challenge = await call('AdminInitiateAuth', {
    UserPoolId, ClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bo', PASSWORD: TEMPORARY, SECRET_HASH: secretHash('bo') },
  });
  assert.is(challenge.ChallengeName, 'NEW_PASSWORD_REQUIRED', JSON.stringify(challenge));
  const answered = await call('RespondToAuthChallenge', {
    ClientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session,
    ChallengeResponses: { USERNAME: 'bo', NEW_PASSWORD: BO_PASSWORD, SECRET_HASH: secretHash('bo') },
  });
  assert.ok(answered.AuthenticationResult?.AccessToken, JSON.stringify(answered));

  // Rejected calls must not echo what they were given.
  const wrong = await call('InitiateAuth', {
    ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ana', PASSWORD: WRONG_PASSWORD, SECRET_HASH: secretHash('ana') },
  });
  assert.is(wrong.__type, 'NotAuthorizedException');
  await call('SignUp', { ClientId, SecretHash: 'forged', Username: 'cy', Password: WRONG_PASSWORD });
  await call('InitiateAuth', null, `{"ClientId":"${ClientId}","AuthParameters":{"PASSWORD":"${WRONG_PASSWORD}"`);
  await get('/oauth2/userInfo', { authorization: `Bearer ${AccessToken}x` });

  // What reads back: users, clients, the pool, the keys' public halves, the inbox.
  await call('DescribeUserPoolClient', { UserPoolId, ClientId });
  await call('ListUserPoolClients', { UserPoolId, MaxResults: 10 });
  await call('DescribeUserPool', { UserPoolId });
  await call('AdminGetUser', { UserPoolId, Username: 'ana' });
  await call('ListUsers', { UserPoolId });
  await get(`/${UserPoolId}/.well-known/jwks.json`);
  await get(`/${UserPoolId}/.well-known/openid-configuration`);
  await get('/_cogniform/codes');
  await get('/_cogniform/stacks');
  assert.ok(answers.every((a) => a.status < 500), JSON.stringify(answers.filter((a) => a.status >= 500)));

  const { stdout, stderr } = await child.kill('SIGTERM');
  child = undefined;
  const logs = `${stdout}\n${stderr}`;
  // The log is really there and verbose: request lines, and the temporary password as the "sent" message.
  assert.match(stdout, /incoming request/);
  assert.match(stdout, new RegExp(`Temporary password for bo in ${UserPoolId}: ${TEMPORARY}`));

  // The secrets the store keeps (opened after the child let go of the LevelDB lock).
  const store = new Store(await openDatabase({ dataDir }));
  const keys = (await store.table(poolSigningKeys).get([UserPoolId]))!;
  const sealingKey = (await store.table(serverSecrets).get(['refreshTokenKey']))!.Value;
  const stored = (await store.table(users).list([UserPoolId], { limit: 10 })).items;
  await store.close();
  assert.ok(keys && sealingKey && stored.length === 2);

  const secret: Record<string, string[]> = {
    'signing private key': [...privateForms(keys.id), ...privateForms(keys.access)],
    'refresh-token sealing key': encodings(Buffer.from(sealingKey, 'base64')),
    'password verifier': stored.flatMap((u) => [u.password!.verifier, u.password!.check!]),
    password: [PASSWORD, NEW_PASSWORD, BO_PASSWORD, WRONG_PASSWORD],
    'client secret': [clientSecret],
    'temporary password': [TEMPORARY],
    token: [AccessToken, IdToken, RefreshToken, refreshed.AuthenticationResult.AccessToken],
  };
  const leaks: string[] = [];
  const search = (where: string, text: string, allowed: string[] = []) => {
    for (const [kind, values] of Object.entries(secret)) {
      if (allowed.includes(kind)) continue;
      for (const value of values) if (value && text.includes(value)) leaks.push(`${kind} in ${where}`);
    }
  };
  search('the log', logs, ['temporary password']);
  for (const answer of answers) {
    if (answer.label === '/_cogniform/codes') search(answer.label, answer.text, ['temporary password']);
    // Tokens are what sign-in answers are for; a client secret is returned where AWS returns it.
    else search(answer.label, answer.text, ['token', ...(SHOWS_CLIENT_SECRET.has(answer.label) ? ['client secret'] : [])]);
  }
  console.log(`  (searched ${logs.length} bytes of log and ${answers.length} answers for ${Object.values(secret).flat().length} secret strings)`);
  assert.equal(leaks, []);
  // The secret and the sealed refresh token really were given where AWS gives them (so the search could find them).
  assert.ok(answers.find((a) => a.label === 'DescribeUserPoolClient')!.text.includes(clientSecret));
});

/** Where issued credentials may appear: GetCredentialsForIdentity's answer, which is what it is for. */
const SHOWS_CREDENTIALS = 'GetCredentialsForIdentity';

test('--verbose identity-pools session: no SecretKey, session token or OpenID signing key is logged or returned elsewhere', async () => {
  child = await startCli(identityDataDir, ['--verbose']);
  const answers: Answer[] = [];
  const post = async (label: string, headers: Record<string, string>, body: string): Promise<any> => {
    const response = await fetch(child!.url, { method: 'POST', headers, body });
    const text = await response.text();
    answers.push({ label, status: response.status, text });
    return text.startsWith('{') ? JSON.parse(text) : text;
  };
  const json = (prefix: string) => (operation: string, body: unknown) =>
    post(operation, { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${prefix}.${operation}` }, JSON.stringify(body));
  const idp = json('AWSCognitoIdentityProviderService');
  const identity = json('AWSCognitoIdentityService');

  const UserPoolId: string = (await idp('CreateUserPool', { PoolName: 'identity-secrets' })).UserPool.Id;
  const ClientId: string = (await idp('CreateUserPoolClient', { UserPoolId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }))
    .UserPoolClient.ClientId;
  await idp('AdminCreateUser', { UserPoolId, Username: 'ana', MessageAction: 'SUPPRESS' });
  await idp('AdminSetUserPassword', { UserPoolId, Username: 'ana', Password: PASSWORD, Permanent: true });
  const signIn = await idp('AdminInitiateAuth', { UserPoolId, ClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ana', PASSWORD } });
  const provider = `cognito-idp.us-east-1.amazonaws.com/${UserPoolId}`;
  const Logins = { [provider]: signIn.AuthenticationResult.IdToken as string };

  const { IdentityPoolId } = await identity('CreateIdentityPool', {
    IdentityPoolName: 'secrets', AllowUnauthenticatedIdentities: true,
    CognitoIdentityProviders: [{ ProviderName: provider, ClientId, ServerSideTokenCheck: true }],
  });
  await identity('SetIdentityPoolRoles', {
    IdentityPoolId, Roles: { authenticated: 'arn:aws:iam::000000000000:role/Auth', unauthenticated: 'arn:aws:iam::000000000000:role/Guest' },
  });
  const { IdentityId } = await identity('GetId', { IdentityPoolId, Logins });
  const guest = (await identity('GetId', { IdentityPoolId })).IdentityId;
  const issued = [
    (await identity('GetCredentialsForIdentity', { IdentityId, Logins })).Credentials,
    (await identity('GetCredentialsForIdentity', { IdentityId: guest })).Credentials,
  ];
  assert.ok(issued.every((c) => c?.SecretKey && c.SessionToken), JSON.stringify(issued));
  await identity('GetOpenIdToken', { IdentityId, Logins });
  await identity('GetOpenIdToken', { IdentityId: guest });

  // The credentials in use: a request signed with them (STS GetCallerIdentity, query protocol), then refused calls.
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const { hostname, port } = new URL(child.url);
  const sts = await new SignatureV4({
    service: 'sts', region: 'us-east-1', sha256: Sha256,
    credentials: { accessKeyId: issued[0].AccessKeyId, secretAccessKey: issued[0].SecretKey, sessionToken: issued[0].SessionToken },
  }).sign({ method: 'POST', protocol: 'http:', hostname, port: Number(port), path: '/', query: {}, headers: { host: `${hostname}:${port}`, 'content-type': 'application/x-www-form-urlencoded' }, body });
  const { host: _host, ...stsHeaders } = sts.headers as Record<string, string>;
  await post('GetCallerIdentity', stsHeaders, body);
  await identity('GetCredentialsForIdentity', { IdentityId });
  await identity('GetCredentialsForIdentity', { IdentityId, Logins: { [provider]: `${Logins[provider]}x` } });
  await identity('GetOpenIdToken', { IdentityId: guest, Logins: { [provider]: 'not.a.token' } });

  // What reads back.
  await identity('DescribeIdentityPool', { IdentityPoolId });
  await identity('ListIdentityPools', { MaxResults: 10 });
  await identity('GetIdentityPoolRoles', { IdentityPoolId });
  await identity('DescribeIdentity', { IdentityId });
  await identity('ListIdentities', { IdentityPoolId, MaxResults: 10 });
  for (const url of ['/_cogniform/cognito-identity/.well-known/jwks_uri', '/_cogniform/stacks', '/_cogniform/codes', '/_cogniform/health']) {
    const response = await fetch(`${child.url}${url}`);
    answers.push({ label: url, status: response.status, text: await response.text() });
  }
  assert.ok(answers.every((a) => a.status < 500), JSON.stringify(answers.filter((a) => a.status >= 500)));
  assert.equal(answers.filter((a) => a.status >= 400).map((a) => a.label), ['GetCredentialsForIdentity', 'GetCredentialsForIdentity', 'GetOpenIdToken']);

  const { stdout, stderr } = await child.kill('SIGTERM');
  child = undefined;
  const logs = `${stdout}\n${stderr}`;
  assert.match(stdout, /incoming request/);

  const store = new Store(await openDatabase({ dataDir: identityDataDir }));
  const openIdKey = (await store.table(openIdKeys).get([OPEN_ID_KEY_NAME]))!;
  const credentials = await Promise.all(issued.map((c) => store.table(issuedCredentials).get([c.AccessKeyId])));
  await store.close();
  assert.ok(openIdKey && credentials.every(Boolean), 'the store holds the key and both sets');

  const secret: Record<string, string[]> = {
    'OpenID signing private key': privateForms(openIdKey),
    'secret access key': credentials.map((c) => c!.secretAccessKey),
    'session token': credentials.map((c) => c!.sessionToken),
  };
  const leaks: string[] = [];
  const search = (where: string, text: string) => {
    for (const [kind, values] of Object.entries(secret)) for (const value of values) if (text.includes(value)) leaks.push(`${kind} in ${where}`);
  };
  search('the log', logs);
  for (const answer of answers) if (answer.label !== SHOWS_CREDENTIALS || answer.status !== 200) search(answer.label, answer.text);
  console.log(`  (searched ${logs.length} bytes of log and ${answers.length} answers for ${Object.values(secret).flat().length} secret strings)`);
  assert.equal(leaks, []);
  // Each set was given where AWS gives it, so the search could have found it.
  const given = answers.filter((a) => a.label === SHOWS_CREDENTIALS && a.status === 200).map((a) => a.text).join();
  for (const c of credentials) assert.ok(given.includes(c!.secretAccessKey) && given.includes(c!.sessionToken));
});

/** A private JWK's private parameters as they could be printed: base64url (JWK), base64, hex, and PEM lines. */
function privateForms(pair: StoredKeyPair): string[] {
  const jwk = pair.privateJwk as Record<string, string>;
  const parts = ['d', 'p', 'q', 'dp', 'dq', 'qi'].flatMap((name) => encodings(Buffer.from(jwk[name]!, 'base64url')));
  const key = createPrivateKey({ key: pair.privateJwk, format: 'jwk' });
  // The PEMs' last full lines hold only private numbers (the modulus, public, comes first).
  const pemLines = (['pkcs1', 'pkcs8'] as const).flatMap((type) => {
    const lines = (key.export({ type, format: 'pem' }) as string).trim().split('\n').slice(1, -1);
    return lines.slice(-3, -1);
  });
  return [...parts, ...pemLines];
}

/** The long-enough forms of some bytes a log line might show. */
function encodings(bytes: Buffer): string[] {
  return [bytes.toString('base64url'), bytes.toString('base64').replace(/=+$/, ''), bytes.toString('hex')];
}

test.run();
