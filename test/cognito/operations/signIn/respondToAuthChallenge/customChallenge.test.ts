import { AdminInitiateAuthCommand, InitiateAuthCommand, type InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Handler } from '../../../../../src/lambda/functions.js';
import { assertAwsError, assertRejects } from '../../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../../helpers/emulator.js';
import { srpClient } from '../srpClient.js';
import { addClient, claims, confirmedUser, PASSWORD, respondToChallenge, setUp, type Setup } from '../signInFixtures.js';

// CUSTOM_AUTH: the loop DefineAuthChallenge drives, with CreateAuthChallenge's parameters and
// VerifyAuthChallengeResponse's verdict (developer guide, "Custom authentication challenge Lambda triggers").
// The functions are real handlers run by the emulator; each records the events it was given.

const events: Record<string, any[]> = {};
const record = (name: string, event: any) => (events[name] ??= []).push(structuredClone(event));

/** A one-time-code challenge: right answer → tokens, three wrong answers → failure. SRP first when asked. */
const functions: Record<string, Handler> = {
  define: async (event) => {
    record('define', event);
    const session = event.request.session as { challengeName: string; challengeResult: boolean }[];
    const last = session.at(-1);
    if (last?.challengeName === 'SRP_A') event.response.challengeName = 'PASSWORD_VERIFIER';
    else if (last?.challengeName === 'PASSWORD_VERIFIER' && !last.challengeResult) event.response.failAuthentication = true;
    else if (last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult) event.response.issueTokens = true;
    else if (session.filter((s) => s.challengeName === 'CUSTOM_CHALLENGE').length >= 3) event.response.failAuthentication = true;
    else event.response.challengeName = 'CUSTOM_CHALLENGE';
    event.response.issueTokens ??= false;
    event.response.failAuthentication ??= false;
    return event;
  },
  create: async (event) => {
    record('create', event);
    event.response.publicChallengeParameters = { hint: 'the code in your inbox' };
    event.response.privateChallengeParameters = { code: '4242' };
    event.response.challengeMetadata = 'CODE-4242';
    return event;
  },
  verify: async (event) => {
    record('verify', event);
    event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters.code;
    return event;
  },
  throws: async () => {
    throw new Error('the sign-in service is down');
  },
  empty: async (event) => event,
};

const arn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
const TRIGGERS = { DefineAuthChallenge: arn('define'), CreateAuthChallenge: arn('create'), VerifyAuthChallengeResponse: arn('verify') };
const CUSTOM_FLOWS = ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;

let emulator: TestEmulator;
let setup: Setup;
test.before(async () => {
  emulator = await startTestEmulator({ functions });
  setup = await setUp(emulator, { LambdaConfig: TRIGGERS }, { ExplicitAuthFlows: [...CUSTOM_FLOWS, 'ALLOW_ADMIN_USER_PASSWORD_AUTH'] });
  await confirmedUser(emulator, setup, 'alice', [{ Name: 'email', Value: 'alice@example.com' }]);
});
test.before.each(() => {
  for (const name of Object.keys(events)) delete events[name];
});
test.after(async () => {
  await emulator.close();
});

const start = (AuthParameters: Record<string, string> = { USERNAME: 'alice' }, ClientId = setup.clientId) =>
  emulator.client.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters }));

const answer = (previous: InitiateAuthResponse, ANSWER: string, ClientMetadata?: Record<string, string>) =>
  respondToChallenge(emulator, {
    ClientId: setup.clientId,
    ChallengeName: 'CUSTOM_CHALLENGE',
    Session: previous.Session,
    ChallengeResponses: { USERNAME: 'alice', ANSWER },
    ...(ClientMetadata ? { ClientMetadata } : {}),
  });

test('InitiateAuth: CUSTOM_AUTH answers the challenge CreateAuthChallenge made, with its public parameters', async () => {
  const response = await start();
  assert.is(response.ChallengeName, 'CUSTOM_CHALLENGE');
  assert.ok(response.Session!.length >= 20);
  assert.equal(response.ChallengeParameters, { hint: 'the code in your inbox', USERNAME: 'alice' });
  assert.is(response.AuthenticationResult, undefined);
});

test('InitiateAuth: DefineAuthChallenge gets the trigger envelope, the user attributes and an empty session', async () => {
  await start();
  const [event] = events.define!;
  assert.is(event.version, '1');
  assert.is(event.triggerSource, 'DefineAuthChallenge_Authentication');
  assert.is(event.region, 'us-east-1');
  assert.is(event.userPoolId, setup.poolId);
  assert.is(event.userName, 'alice');
  assert.equal(event.callerContext, { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: setup.clientId });
  assert.equal(event.request.session, []);
  assert.is(event.request.userAttributes.email, 'alice@example.com');
  assert.is(event.request.userAttributes['cognito:user_status'], 'CONFIRMED');
  assert.match(event.request.userAttributes.sub, /^[0-9a-f-]{36}$/);
  // Only a client that hides which users exist tells the function whether the user was found.
  assert.not.ok('userNotFound' in event.request);
  assert.equal(event.response, { challengeName: null, issueTokens: null, failAuthentication: null });
  const [created] = events.create!;
  assert.is(created.triggerSource, 'CreateAuthChallenge_Authentication');
  assert.is(created.request.challengeName, 'CUSTOM_CHALLENGE');
  assert.equal(created.response, { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null });
});

test('RespondToAuthChallenge: CUSTOM_CHALLENGE with the right answer issues tokens', async () => {
  const result = await answer(await start(), '4242');
  assert.equal(result.ChallengeParameters, {});
  assert.is(claims(result.AuthenticationResult!.AccessToken).username, 'alice');
  assert.type(result.AuthenticationResult!.RefreshToken, 'string');
  const [verified] = events.verify!;
  assert.is(verified.triggerSource, 'VerifyAuthChallengeResponse_Authentication');
  assert.equal(verified.request.privateChallengeParameters, { code: '4242' });
  assert.is(verified.request.challengeAnswer, '4242');
  assert.equal(events.define!.at(-1).request.session, [
    { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'CODE-4242' },
  ]);
});

test('RespondToAuthChallenge: CUSTOM_CHALLENGE wrong answers get a new challenge until DefineAuthChallenge fails them', async () => {
  let step = await start();
  for (let i = 0; i < 2; i++) {
    const next = await answer(step, '0000');
    assert.is(next.ChallengeName, 'CUSTOM_CHALLENGE');
    assert.is.not(next.Session, step.Session);
    step = next;
  }
  await assertRejects(answer(step, '0000'), 'NotAuthorizedException', 'Incorrect username or password.');
  assert.equal(events.define!.at(-1).request.session.map((s: any) => s.challengeResult), [false, false, false]);
});

test('RespondToAuthChallenge: CUSTOM_CHALLENGE sessions answer once', async () => {
  const first = await start();
  await answer(first, '0000');
  await assertRejects(answer(first, '4242'), 'NotAuthorizedException', 'Invalid session for the user.');
});

test('RespondToAuthChallenge: CUSTOM_CHALLENGE ClientMetadata reaches the triggers; InitiateAuth\'s does not', async () => {
  const first = await emulator.client.send(new InitiateAuthCommand({
    ClientId: setup.clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'alice' }, ClientMetadata: { from: 'initiate' },
  }));
  assert.not.ok('clientMetadata' in events.define![0].request);
  await answer(first, '4242', { from: 'respond' });
  assert.equal(events.verify![0].request.clientMetadata, { from: 'respond' });
  assert.equal(events.define!.at(-1).request.clientMetadata, { from: 'respond' });
});

test('RespondToAuthChallenge: CUSTOM_CHALLENGE needs ANSWER and the session\'s user', async () => {
  const first = await start();
  const call = (responses: Record<string, string>) => emulator.call('RespondToAuthChallenge', {
    ClientId: setup.clientId, ChallengeName: 'CUSTOM_CHALLENGE', Session: first.Session, ChallengeResponses: responses,
  });
  assertAwsError(await call({ USERNAME: 'alice' }), 'InvalidParameterException', 400, 'Missing required parameter ANSWER');
  await confirmedUser(emulator, setup, 'bob');
  assertAwsError(await call({ USERNAME: 'bob', ANSWER: '4242' }), 'NotAuthorizedException', 403, 'Invalid session for the user.');
});

test('InitiateAuth: CUSTOM_AUTH with CHALLENGE_NAME SRP_A checks the password through SRP first', async () => {
  const srp = srpClient(setup.poolId);
  const first = await start({ USERNAME: 'alice', CHALLENGE_NAME: 'SRP_A', SRP_A: srp.A });
  assert.equal(events.define![0].request.session, [{ challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null }]);
  assert.is(first.ChallengeName, 'PASSWORD_VERIFIER');
  const second = await respondToChallenge(emulator, {
    ClientId: setup.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: first.Session,
    ChallengeResponses: srp.answer(first.ChallengeParameters!, PASSWORD),
  });
  assert.is(second.ChallengeName, 'CUSTOM_CHALLENGE');
  assert.equal(events.define![1].request.session[1], { challengeName: 'PASSWORD_VERIFIER', challengeResult: true, challengeMetadata: null });
  const result = await answer(second, '4242');
  assert.type(result.AuthenticationResult!.IdToken, 'string');
});

test('RespondToAuthChallenge: a wrong password inside CUSTOM_AUTH is a failed step DefineAuthChallenge judges', async () => {
  const srp = srpClient(setup.poolId);
  const first = await start({ USERNAME: 'alice', CHALLENGE_NAME: 'SRP_A', SRP_A: srp.A });
  await assertRejects(
    respondToChallenge(emulator, {
      ClientId: setup.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: first.Session,
      ChallengeResponses: srp.answer(first.ChallengeParameters!, 'Wrong-Passw0rd!'),
    }),
    'NotAuthorizedException', 'Incorrect username or password.',
  );
  assert.equal(events.define![1].request.session[1], { challengeName: 'PASSWORD_VERIFIER', challengeResult: false, challengeMetadata: null });
});

test('InitiateAuth: CUSTOM_AUTH for an unknown user is UserNotFoundException, or a challenge when the client hides users', async () => {
  await assertRejects(start({ USERNAME: 'nobody' }), 'UserNotFoundException', 'User does not exist.');
  const hiding = await addClient(emulator, setup.poolId, { ExplicitAuthFlows: [...CUSTOM_FLOWS], PreventUserExistenceErrors: 'ENABLED' });
  const first = await start({ USERNAME: 'nobody' }, hiding);
  assert.is(first.ChallengeName, 'CUSTOM_CHALLENGE');
  assert.is(events.define![0].request.userNotFound, true);
  assert.equal(events.define![0].request.userAttributes, {});
  // The right answer still gives no tokens to a name that matches nobody.
  await assertRejects(
    respondToChallenge(emulator, {
      ClientId: hiding, ChallengeName: 'CUSTOM_CHALLENGE', Session: first.Session, ChallengeResponses: { USERNAME: 'nobody', ANSWER: '4242' },
    }),
    'NotAuthorizedException', 'Incorrect username or password.',
  );
});

test('AdminInitiateAuth: CUSTOM_AUTH runs the same loop, with the client in callerContext', async () => {
  const response = await emulator.client.send(new AdminInitiateAuthCommand({
    UserPoolId: setup.poolId, ClientId: setup.clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'alice' },
  }));
  assert.is(response.ChallengeName, 'CUSTOM_CHALLENGE');
  assert.is(events.define![0].callerContext.clientId, setup.clientId);
});

test('InitiateAuth: CUSTOM_AUTH reports a failing function as UserLambdaValidationException', async () => {
  const other = await setUp(emulator, { LambdaConfig: { ...TRIGGERS, DefineAuthChallenge: arn('throws') } }, { ExplicitAuthFlows: [...CUSTOM_FLOWS] });
  await confirmedUserByAdmin(other);
  assertAwsError(
    await emulator.call('InitiateAuth', { ClientId: other.clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'carol' } }),
    'UserLambdaValidationException', 400, 'DefineAuthChallenge failed with error the sign-in service is down.',
  );
});

test('InitiateAuth: CUSTOM_AUTH rejects a DefineAuthChallenge answer that decides nothing', async () => {
  const other = await setUp(emulator, { LambdaConfig: { ...TRIGGERS, DefineAuthChallenge: arn('empty') } }, { ExplicitAuthFlows: [...CUSTOM_FLOWS] });
  await confirmedUserByAdmin(other);
  const result = await emulator.call('InitiateAuth', { ClientId: other.clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'carol' } });
  assertAwsError(result, 'InvalidLambdaResponseException', 400, /DefineAuthChallenge must set issueTokens/);
});

test('InitiateAuth: CUSTOM_AUTH names the trigger whose function does not exist', async () => {
  const other = await setUp(emulator, { LambdaConfig: { ...TRIGGERS, DefineAuthChallenge: arn('missing') } }, { ExplicitAuthFlows: [...CUSTOM_FLOWS] });
  await confirmedUserByAdmin(other);
  const result = await emulator.call('InitiateAuth', { ClientId: other.clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'carol' } });
  assertAwsError(result, 'UnexpectedLambdaException', 400, /DefineAuthChallenge trigger arn:aws:lambda:us-east-1:000000000000:function:missing names no local function/);
});

test('InitiateAuth: CUSTOM_AUTH needs USERNAME, and SRP_A when CHALLENGE_NAME is SRP_A', async () => {
  const call = (AuthParameters: Record<string, string>) =>
    emulator.call('InitiateAuth', { ClientId: setup.clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters });
  assertAwsError(await call({}), 'InvalidParameterException', 400, 'Missing required parameter USERNAME');
  assertAwsError(await call({ USERNAME: 'alice', CHALLENGE_NAME: 'SRP_A' }), 'InvalidParameterException', 400, 'Missing required parameter SRP_A');
  assertAwsError(await call({ USERNAME: 'alice', CHALLENGE_NAME: 'SRP_A', SRP_A: '00' }), 'InvalidParameterException', 400);
});

/** carol, confirmed, in another pool: her client needs the admin password flow for the set-up only. */
async function confirmedUserByAdmin(other: Setup): Promise<void> {
  const admin = await addClient(emulator, other.poolId);
  await confirmedUser(emulator, { poolId: other.poolId, clientId: admin }, 'carol');
}

test.run();
