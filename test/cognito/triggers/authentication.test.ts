import { AdminGetUserCommand, AdminInitiateAuthCommand, AdminSetUserPasswordCommand, InitiateAuthCommand, type LambdaConfigType } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertRejects } from '../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import {
  passwordSignIn, PASSWORD, respondToChallenge, setUp, srpStart, TEMP_PASSWORD, type Setup,
} from '../operations/signIn/signInFixtures.js';
import { attr, createUser } from '../operations/users/userFixtures.js';
import { arn, recorder } from './triggerFixtures.js';

// PreAuthentication and PostAuthentication around every sign-in flow, with in-process functions that record their
// events (developer guide, "Pre authentication Lambda trigger", "Post authentication Lambda trigger").

const rec = recorder();
const functions = {
  pre: rec.recording('pre', (event) => event),
  post: rec.recording('post', (event) => event),
  denies: rec.recording('denies', async () => {
    throw new Error('Sign-in is closed for maintenance');
  }),
  postFails: rec.recording('postFails', async () => {
    throw new Error('audit log unavailable');
  }),
};

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator({ functions });
});
test.before.each(() => rec.clear());
test.after(() => emulator.close());

/** A pool with the given triggers and alice, CONFIRMED, whose sub is returned; the recorder starts empty. */
async function poolWith(LambdaConfig: LambdaConfigType, client = {}): Promise<Setup & { sub: string }> {
  const setup = await setUp(emulator, { LambdaConfig }, client);
  // Confirmed without signing in, so that no trigger runs before the test's own call.
  await createUser(emulator, setup.poolId, 'alice', { UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }] });
  await emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId: setup.poolId, Username: 'alice', Password: PASSWORD, Permanent: true }));
  const { UserAttributes } = await emulator.client.send(new AdminGetUserCommand({ UserPoolId: setup.poolId, Username: 'alice' }));
  rec.clear();
  const sub = attr(UserAttributes, 'sub')!;
  return { ...setup, sub };
}

test('PreAuthentication: USER_PASSWORD_AUTH sends the envelope with ClientMetadata as validationData', async () => {
  const { poolId, clientId, sub } = await poolWith({ PreAuthentication: arn('pre') });
  const signedIn = await emulator.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD },
    ClientMetadata: { origin: 'web' },
  }));
  assert.ok(signedIn.AuthenticationResult?.IdToken);
  const [event] = rec.events.pre!;
  assert.is(rec.events.pre!.length, 1);
  assert.is(event.version, '1');
  assert.is(event.triggerSource, 'PreAuthentication_Authentication');
  assert.is(event.region, 'us-east-1');
  assert.is(event.userPoolId, poolId);
  assert.is(event.userName, 'alice');
  assert.equal(event.callerContext, { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId });
  assert.equal(event.request, {
    userAttributes: { sub, email: 'alice@example.com', 'cognito:user_status': 'CONFIRMED' },
    validationData: { origin: 'web' },
  });
  assert.equal(event.response, {});
});

test('PreAuthentication: a function that throws refuses the sign-in before the password is checked', async () => {
  const { poolId, clientId } = await poolWith({ PreAuthentication: arn('denies') });
  await assertRejects(passwordSignIn(emulator, clientId, 'alice'), 'UserLambdaValidationException',
    'PreAuthentication failed with error Sign-in is closed for maintenance.');
  // A wrong password meets the function first too: the password is never looked at.
  await assertRejects(passwordSignIn(emulator, clientId, 'alice', 'Wrong-passw0rd!'), 'UserLambdaValidationException');
  await assertRejects(emulator.client.send(new AdminInitiateAuthCommand({
    UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD },
  })), 'UserLambdaValidationException');
  assert.is(rec.events.denies!.length, 3);
});

test('PreAuthentication: USER_SRP_AUTH calls it at InitiateAuth, with null validationData when none is given', async () => {
  const setup = await poolWith({ PreAuthentication: arn('pre') });
  const { response } = await srpStart(emulator, setup, 'alice');
  assert.is(response.ChallengeName, 'PASSWORD_VERIFIER');
  assert.is(rec.events.pre!.length, 1);
  assert.is(rec.events.pre![0].request.validationData, null);
  assert.not.ok('userNotFound' in rec.events.pre![0].request);
});

test('PreAuthentication: an unknown user reaches it only behind PreventUserExistenceErrors, with userNotFound', async () => {
  const open = await poolWith({ PreAuthentication: arn('pre') });
  await assertRejects(srpStart(emulator, open, 'nobody'), 'UserNotFoundException');
  assert.is(rec.events.pre, undefined);

  const hiding = await poolWith({ PreAuthentication: arn('pre') }, { PreventUserExistenceErrors: 'ENABLED' });
  const { response } = await srpStart(emulator, hiding, 'nobody');
  assert.is(response.ChallengeName, 'PASSWORD_VERIFIER');
  const [event] = rec.events.pre!;
  assert.is(event.userName, 'nobody');
  assert.equal(event.request, { userAttributes: {}, validationData: null, userNotFound: true });
  // A known user behind the same client is told userNotFound: false.
  await passwordSignIn(emulator, hiding.clientId, 'alice');
  assert.is(rec.events.pre![1].request.userNotFound, false);
});

test('PostAuthentication: called once the password is right, with newDeviceUsed and no InitiateAuth ClientMetadata', async () => {
  const { poolId, clientId, sub } = await poolWith({ PostAuthentication: arn('post') });
  await assertRejects(passwordSignIn(emulator, clientId, 'alice', 'Wrong-passw0rd!'), 'NotAuthorizedException');
  assert.is(rec.events.post, undefined);
  await emulator.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD },
    ClientMetadata: { origin: 'web' },
  }));
  const [event] = rec.events.post!;
  assert.is(event.triggerSource, 'PostAuthentication_Authentication');
  assert.is(event.userPoolId, poolId);
  assert.is(event.userName, 'alice');
  assert.is(event.callerContext.clientId, clientId);
  assert.equal(event.request, {
    userAttributes: { sub, email: 'alice@example.com', 'cognito:user_status': 'CONFIRMED' },
    newDeviceUsed: false,
  });
  assert.equal(event.response, {});
});

test('PostAuthentication: RespondToAuthChallenge\'s ClientMetadata reaches it after NEW_PASSWORD_REQUIRED', async () => {
  const setup = await setUp(emulator, { LambdaConfig: { PostAuthentication: arn('post') } });
  await createUser(emulator, setup.poolId, 'bob');
  const challenge = await passwordSignIn(emulator, setup.clientId, 'bob', TEMP_PASSWORD);
  assert.is(challenge.ChallengeName, 'NEW_PASSWORD_REQUIRED');
  assert.is(rec.events.post, undefined);
  const done = await respondToChallenge(emulator, {
    ClientId: setup.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session,
    ChallengeResponses: { USERNAME: 'bob', NEW_PASSWORD: PASSWORD }, ClientMetadata: { step: 'first-sign-in' },
  });
  assert.ok(done.AuthenticationResult?.AccessToken);
  assert.equal(rec.events.post![0].request.clientMetadata, { step: 'first-sign-in' });
  assert.is(rec.events.post![0].request.userAttributes['cognito:user_status'], 'CONFIRMED');
});

test('PostAuthentication: a function that throws fails the sign-in, and no tokens are issued', async () => {
  const { clientId } = await poolWith({ PostAuthentication: arn('postFails') });
  await assertRejects(passwordSignIn(emulator, clientId, 'alice'), 'UserLambdaValidationException',
    'PostAuthentication failed with error audit log unavailable.');
});

test('PreAuthentication: an ARN that names no local function is UnexpectedLambdaException, never a 500', async () => {
  const setup = await setUp(emulator, { LambdaConfig: { PreAuthentication: arn('missing') } });
  const result = await emulator.call('InitiateAuth', {
    ClientId: setup.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'nobody', PASSWORD },
  });
  // An unknown user (no PreventUserExistenceErrors) never reaches the trigger.
  assert.is(result.body.__type, 'UserNotFoundException');
  await createUser(emulator, setup.poolId, 'carol');
  const known = await emulator.call('InitiateAuth', {
    ClientId: setup.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'carol', PASSWORD: TEMP_PASSWORD },
  });
  assert.is(known.status, 400);
  assert.is(known.body.__type, 'UnexpectedLambdaException');
});

test.run();
