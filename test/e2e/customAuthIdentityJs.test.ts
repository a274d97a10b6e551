import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { AdminSetUserPasswordCommand, AdminCreateUserCommand, CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Handler } from '../../src/lambda/functions.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { createPool } from '../helpers/fixtures.js';

// amazon-cognito-identity-js's custom authentication (`authenticationFlowType = 'CUSTOM_AUTH'`): passwordless, and
// with SRP first (its CHALLENGE_NAME=SRP_A form), answered through `sendCustomChallengeAnswer`.

const PASSWORD = 'Chosen-Passw0rd!';
const arn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

const functions: Record<string, Handler> = {
  define: async (event) => {
    const last = event.request.session.at(-1);
    event.response.issueTokens = last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult;
    event.response.failAuthentication = last?.challengeResult === false;
    if (!event.response.issueTokens && !event.response.failAuthentication) {
      event.response.challengeName = last?.challengeName === 'SRP_A' ? 'PASSWORD_VERIFIER' : 'CUSTOM_CHALLENGE';
    }
    return event;
  },
  create: async (event) => {
    event.response.publicChallengeParameters = { question: 'six times seven?' };
    event.response.privateChallengeParameters = { answer: '42' };
    return event;
  },
  verify: async (event) => {
    event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters.answer;
    return event;
  },
};

let emulator: TestEmulator;
let userPool: CognitoUserPool;

test.before(async () => {
  emulator = await startTestEmulator({ functions });
  const poolId = await createPool(emulator, {
    LambdaConfig: { DefineAuthChallenge: arn('define'), CreateAuthChallenge: arn('create'), VerifyAuthChallengeResponse: arn('verify') },
  });
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId, ClientName: 'spa', ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  userPool = new CognitoUserPool({ UserPoolId: poolId, ClientId: UserPoolClient!.ClientId!, endpoint: emulator.url });
  await emulator.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'kim', MessageAction: 'SUPPRESS' }));
  await emulator.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'kim', Password: PASSWORD, Permanent: true }));
});
test.after(async () => {
  await emulator.close();
});

type Step =
  | { kind: 'success'; session: CognitoUserSession }
  | { kind: 'custom'; parameters: Record<string, string> }
  | { kind: 'failure'; error: Error & { code?: string } };

const callbacks = (resolve: (step: Step) => void) => ({
  onSuccess: (session: CognitoUserSession) => resolve({ kind: 'success', session }),
  onFailure: (error: Error & { code?: string }) => resolve({ kind: 'failure', error }),
  customChallenge: (parameters: Record<string, string>) => resolve({ kind: 'custom', parameters }),
});

function customSignIn(password?: string): { user: CognitoUser; first: Promise<Step> } {
  const user = new CognitoUser({ Username: 'kim', Pool: userPool });
  user.setAuthenticationFlowType('CUSTOM_AUTH');
  const details = new AuthenticationDetails({ Username: 'kim', ...(password ? { Password: password } : {}) });
  const first = new Promise<Step>((resolve) => {
    if (password) user.authenticateUser(details, callbacks(resolve));
    else user.initiateAuth(details, callbacks(resolve));
  });
  return { user, first };
}

const sendAnswer = (user: CognitoUser, answer: string) =>
  new Promise<Step>((resolve) => user.sendCustomChallengeAnswer(answer, callbacks(resolve)));

test('amazon-cognito-identity-js: passwordless CUSTOM_AUTH, the question asked and the right answer signed in', async () => {
  const { user, first } = customSignIn();
  const step = await first;
  assert.equal(step, { kind: 'custom', parameters: { question: 'six times seven?', USERNAME: 'kim' } });
  const done = await sendAnswer(user, '42');
  assert.is(done.kind, 'success');
  if (done.kind === 'success') assert.is(done.session.getAccessToken().payload.username, 'kim');
});

test('amazon-cognito-identity-js: CUSTOM_AUTH with SRP first, then the custom challenge', async () => {
  const { user, first } = customSignIn(PASSWORD);
  const step = await first;
  assert.is(step.kind, 'custom');
  const done = await sendAnswer(user, '42');
  assert.is(done.kind, 'success');
});

test('amazon-cognito-identity-js: CUSTOM_AUTH with SRP first fails on a wrong password', async () => {
  const step = await customSignIn('Wrong-Passw0rd!').first;
  assert.is(step.kind, 'failure');
  if (step.kind === 'failure') assert.is(step.error.code, 'NotAuthorizedException');
});

test('amazon-cognito-identity-js: CUSTOM_AUTH wrong answer fails the sign-in', async () => {
  const { user, first } = customSignIn();
  await first;
  const done = await sendAnswer(user, '41');
  assert.is(done.kind, 'failure');
  if (done.kind === 'failure') assert.is(done.error.message, 'Incorrect username or password.');
});

test.run();
