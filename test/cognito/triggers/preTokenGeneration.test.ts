import {
  AdminAddUserToGroupCommand, AdminGetUserCommand, AdminSetUserPasswordCommand, CreateGroupCommand, InitiateAuthCommand,
  type LambdaConfigType,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertRejects } from '../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { claims, passwordSignIn, PASSWORD, respondToChallenge, setUp, TEMP_PASSWORD } from '../operations/signIn/signInFixtures.js';
import { attr, createUser } from '../operations/users/userFixtures.js';
import { arn, recorder } from './triggerFixtures.js';

// PreTokenGeneration V1_0, V2_0 and V3_0 (developer guide, "Pre token generation Lambda trigger"), with in-process
// functions that record their events and answer what each test needs.

const ROLE = 'arn:aws:iam::000000000000:role/editors';
const rec = recorder();
let answer: (event: any) => unknown = () => undefined;
const functions = {
  tokens: rec.recording('tokens', (event) => {
    event.response = answer(event) ?? event.response;
    return event;
  }),
  fails: rec.recording('fails', async () => {
    throw new Error('claims service down');
  }),
};

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator({ functions });
});
test.before.each(() => {
  rec.clear();
  answer = () => undefined;
});
test.after(() => emulator.close());

/** A pool with the trigger, and alice (CONFIRMED, in group `editors` with a role); no sign-in has run yet. */
async function poolWith(LambdaConfig: LambdaConfigType) {
  const setup = await setUp(emulator, { LambdaConfig });
  const { poolId } = setup;
  await createUser(emulator, poolId, 'alice', { UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }] });
  await emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'alice', Password: PASSWORD, Permanent: true }));
  await emulator.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', RoleArn: ROLE, Precedence: 1 }));
  await emulator.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'alice', GroupName: 'editors' }));
  const { UserAttributes } = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
  return { ...setup, sub: attr(UserAttributes, 'sub')! };
}

const v2 = (version: 'V2_0' | 'V3_0' = 'V2_0'): LambdaConfigType => ({
  PreTokenGenerationConfig: { LambdaVersion: version, LambdaArn: arn('tokens') },
});

test('PreTokenGeneration: a V1_0 function gets the envelope, the groups and the attributes', async () => {
  const { poolId, clientId, sub } = await poolWith({ PreTokenGeneration: arn('tokens') });
  await passwordSignIn(emulator, clientId, 'alice');
  const [event] = rec.events.tokens!;
  assert.is(rec.events.tokens!.length, 1);
  assert.is(event.version, '1');
  assert.is(event.triggerSource, 'TokenGeneration_Authentication');
  assert.is(event.region, 'us-east-1');
  assert.is(event.userPoolId, poolId);
  assert.is(event.userName, 'alice');
  assert.equal(event.callerContext, { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId });
  assert.equal(event.request, {
    userAttributes: { sub, email: 'alice@example.com', 'cognito:user_status': 'CONFIRMED' },
    groupConfiguration: { groupsToOverride: ['editors'], iamRolesToOverride: [ROLE], preferredRole: ROLE },
  });
  assert.equal(event.response, { claimsOverrideDetails: null });
});

test('PreTokenGeneration: V1_0 claims change the ID token only; reserved claims stay; suppression wins', async () => {
  const { clientId, sub } = await poolWith({ PreTokenGeneration: arn('tokens') });
  answer = () => ({
    claimsOverrideDetails: {
      claimsToAddOrOverride: { tenant: 'acme', email: 'other@example.com', sub: 'forged', aud: 'elsewhere', both: 'x' },
      claimsToSuppress: ['both', 'token_use'],
    },
  });
  const { AuthenticationResult } = await passwordSignIn(emulator, clientId, 'alice');
  const id = claims(AuthenticationResult!.IdToken);
  const access = claims(AuthenticationResult!.AccessToken);
  assert.is(id.tenant, 'acme');
  assert.is(id.email, 'other@example.com');
  assert.is(id.sub, sub);
  assert.is(id.aud, clientId);
  assert.is(id.token_use, 'id');
  assert.not.ok('both' in id);
  assert.not.ok('tenant' in access);
  assert.equal(id['cognito:groups'], ['editors']);
});

test('PreTokenGeneration: groupOverrideDetails replaces cognito:groups in both tokens and the ID token\'s roles', async () => {
  const { clientId } = await poolWith({ PreTokenGeneration: arn('tokens') });
  const other = 'arn:aws:iam::000000000000:role/readers';
  answer = () => ({
    claimsOverrideDetails: { groupOverrideDetails: { groupsToOverride: ['readers'], iamRolesToOverride: [other], preferredRole: other } },
  });
  const { AuthenticationResult } = await passwordSignIn(emulator, clientId, 'alice');
  const id = claims(AuthenticationResult!.IdToken);
  assert.equal(id['cognito:groups'], ['readers']);
  assert.equal(id['cognito:roles'], [other]);
  assert.is(id['cognito:preferred_role'], other);
  assert.equal(claims(AuthenticationResult!.AccessToken)['cognito:groups'], ['readers']);
  // An empty override removes the groups; a response without one keeps them.
  answer = () => ({ claimsOverrideDetails: { groupOverrideDetails: {} } });
  const emptied = await passwordSignIn(emulator, clientId, 'alice');
  assert.not.ok('cognito:groups' in claims(emptied.AuthenticationResult!.IdToken));
  assert.not.ok('cognito:groups' in claims(emptied.AuthenticationResult!.AccessToken));
  answer = () => ({ claimsOverrideDetails: { claimsToAddOrOverride: { a: 'b' } } });
  const kept = await passwordSignIn(emulator, clientId, 'alice');
  assert.equal(claims(kept.AuthenticationResult!.IdToken)['cognito:groups'], ['editors']);
});

test('PreTokenGeneration: V2_0 gets scopes and changes both tokens, with JSON values and scopes', async () => {
  const { clientId } = await poolWith(v2());
  answer = () => ({
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: { plan: { tier: 'gold', seats: 3 } }, claimsToSuppress: ['email'] },
      accessTokenGeneration: {
        claimsToAddOrOverride: { tenant: 'acme', admin: true, ids: [1, 2], client_id: 'forged', scope: 'everything' },
        claimsToSuppress: ['username'],
        scopesToAdd: ['notes/read', 'notes/write'],
        scopesToSuppress: ['notes/write'],
      },
    },
  });
  const { AuthenticationResult } = await passwordSignIn(emulator, clientId, 'alice');
  const [event] = rec.events.tokens!;
  assert.is(event.version, '2');
  assert.equal(event.request.scopes, ['aws.cognito.signin.user.admin']);
  assert.equal(event.response, { claimsAndScopeOverrideDetails: null });
  const id = claims(AuthenticationResult!.IdToken);
  const access = claims(AuthenticationResult!.AccessToken);
  assert.equal(id.plan, { tier: 'gold', seats: 3 });
  assert.not.ok('email' in id);
  assert.is(access.tenant, 'acme');
  assert.is(access.admin, true);
  assert.equal(access.ids, [1, 2]);
  assert.is(access.client_id, clientId);
  assert.is(access.username, 'alice');
  assert.is(access.scope, 'aws.cognito.signin.user.admin notes/read');
});

test('PreTokenGeneration: V3_0 events say version "3"', async () => {
  const { clientId } = await poolWith(v2('V3_0'));
  await passwordSignIn(emulator, clientId, 'alice');
  assert.is(rec.events.tokens![0].version, '3');
  assert.ok(Array.isArray(rec.events.tokens![0].request.scopes));
});

test('PreTokenGeneration: a refresh calls it again (TokenGeneration_RefreshTokens) with the session\'s own scopes', async () => {
  const { clientId } = await poolWith(v2());
  answer = () => ({ claimsAndScopeOverrideDetails: { accessTokenGeneration: { scopesToAdd: ['notes/read'] } } });
  const first = await passwordSignIn(emulator, clientId, 'alice');
  answer = () => ({ claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: { refreshed: 'yes' } } } });
  const refreshed = await emulator.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: first.AuthenticationResult!.RefreshToken! },
  }));
  const event = rec.events.tokens![1];
  assert.is(event.triggerSource, 'TokenGeneration_RefreshTokens');
  // What a function added is not remembered: the refresh starts from the scopes the sign-in had.
  assert.equal(event.request.scopes, ['aws.cognito.signin.user.admin']);
  const access = claims(refreshed.AuthenticationResult!.AccessToken);
  assert.is(access.refreshed, 'yes');
  assert.is(access.scope, 'aws.cognito.signin.user.admin');
});

test('PreTokenGeneration: after NEW_PASSWORD_REQUIRED the source says so and ClientMetadata arrives', async () => {
  const setup = await setUp(emulator, { LambdaConfig: { PreTokenGeneration: arn('tokens') } });
  await createUser(emulator, setup.poolId, 'bob');
  const challenge = await passwordSignIn(emulator, setup.clientId, 'bob', TEMP_PASSWORD);
  await respondToChallenge(emulator, {
    ClientId: setup.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session,
    ChallengeResponses: { USERNAME: 'bob', NEW_PASSWORD: PASSWORD }, ClientMetadata: { app: 'admin-console' },
  });
  const [event] = rec.events.tokens!;
  assert.is(event.triggerSource, 'TokenGeneration_NewPasswordChallenge');
  assert.equal(event.request.clientMetadata, { app: 'admin-console' });
  assert.equal(event.request.groupConfiguration, { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null });
});

test('PreTokenGeneration: a V1_0 claim that is not a string is InvalidLambdaResponseException', async () => {
  const { clientId } = await poolWith({ PreTokenGeneration: arn('tokens') });
  answer = () => ({ claimsOverrideDetails: { claimsToAddOrOverride: { seats: 3 } } });
  await assertRejects(passwordSignIn(emulator, clientId, 'alice'), 'InvalidLambdaResponseException');
  answer = () => ({ claimsAndScopeOverrideDetails: { accessTokenGeneration: { scopesToAdd: 'notes/read' } } });
  const v2Pool = await poolWith(v2());
  await assertRejects(passwordSignIn(emulator, v2Pool.clientId, 'alice'), 'InvalidLambdaResponseException');
});

test('PreTokenGeneration: a function that throws fails the sign-in; a missing one is UnexpectedLambdaException', async () => {
  const failing = await poolWith({ PreTokenGeneration: arn('fails') });
  await assertRejects(passwordSignIn(emulator, failing.clientId, 'alice'), 'UserLambdaValidationException',
    'PreTokenGeneration failed with error claims service down.');
  const missing = await poolWith({ PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: arn('nowhere') } });
  const result = await emulator.call('InitiateAuth', {
    ClientId: missing.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD },
  });
  assert.is(result.status, 400);
  assert.is(result.body.__type, 'UnexpectedLambdaException');
});

test.run();
