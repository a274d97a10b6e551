import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { setPoolMfa, totpCode } from '../cognito/operations/mfa/mfaFixtures.js';
import { confirmedUser, PASSWORD, setUp } from '../cognito/operations/signIn/signInFixtures.js';

// amazon-cognito-identity-js through MFA_SETUP (associateSoftwareToken and verifySoftwareToken with the challenge's
// session) and then SOFTWARE_TOKEN_MFA (totpRequired, sendMFACode), exactly as it speaks them.

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

type Step = { kind: string; session?: CognitoUserSession; error?: Error };

const callbacks = (resolve: (step: Step) => void) => ({
  onSuccess: (session: CognitoUserSession) => resolve({ kind: 'success', session }),
  onFailure: (error: Error) => resolve({ kind: 'failure', error }),
  mfaSetup: () => resolve({ kind: 'mfaSetup' }),
  totpRequired: () => resolve({ kind: 'totpRequired' }),
});

test('RespondToAuthChallenge: amazon-cognito-identity-js sets up TOTP at MFA_SETUP, then signs in with a code', async () => {
  const s = await setUp(emulator);
  await confirmedUser(emulator, s, 'olga');
  await setPoolMfa(emulator, s.poolId, { MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });
  const pool = new CognitoUserPool({ UserPoolId: s.poolId, ClientId: s.clientId, endpoint: emulator.url });
  const details = new AuthenticationDetails({ Username: 'olga', Password: PASSWORD });

  const user = new CognitoUser({ Username: 'olga', Pool: pool });
  const first = await new Promise<Step>((resolve) => user.authenticateUser(details, callbacks(resolve)));
  assert.is(first.kind, 'mfaSetup', first.error?.message);
  const secret = await new Promise<string>((resolve, reject) =>
    user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }));
  const setup = await new Promise<Step>((resolve) => user.verifySoftwareToken(totpCode(secret), 'phone', callbacks(resolve)));
  assert.is(setup.kind, 'success', setup.error?.message);
  assert.is(setup.session!.getIdToken().payload['cognito:username'], 'olga');

  const again = new CognitoUser({ Username: 'olga', Pool: pool });
  const second = await new Promise<Step>((resolve) => again.authenticateUser(details, callbacks(resolve)));
  assert.is(second.kind, 'totpRequired', second.error?.message);
  const done = await new Promise<Step>((resolve) => again.sendMFACode(totpCode(secret, 1), callbacks(resolve), 'SOFTWARE_TOKEN_MFA'));
  assert.is(done.kind, 'success', done.error?.message);
});

test.run();
