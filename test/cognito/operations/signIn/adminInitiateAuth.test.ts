import { AdminInitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createUser } from '../users/userFixtures.js';
import { addClient, claims, confirmedUser, PASSWORD, setUp, TEMP_PASSWORD, type Setup } from './signInFixtures.js';
import { srpClient } from './srpClient.js';

let emulator: TestEmulator;
let setup: Setup;
test.before(async () => {
  emulator = await startTestEmulator();
  setup = await setUp(emulator);
  await confirmedUser(emulator, setup, 'alice');
});
test.after(async () => {
  await emulator.close();
});

const adminAuth = (body: object) => emulator.call('AdminInitiateAuth', { UserPoolId: setup.poolId, ClientId: setup.clientId, ...body });

test('AdminInitiateAuth: ADMIN_USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH answer tokens', async () => {
  for (const AuthFlow of ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'] as const) {
    const result = await emulator.client.send(new AdminInitiateAuthCommand({
      UserPoolId: setup.poolId, ClientId: setup.clientId, AuthFlow, AuthParameters: { USERNAME: 'alice', PASSWORD },
    }));
    assert.equal(result.ChallengeParameters, {});
    assert.is(claims(result.AuthenticationResult!.IdToken)['cognito:username'], 'alice');
  }
});

test('AdminInitiateAuth: a temporary password leads to NEW_PASSWORD_REQUIRED', async () => {
  await createUser(emulator, setup.poolId, 'newbie');
  const result = await adminAuth({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'newbie', PASSWORD: TEMP_PASSWORD } });
  assert.is(result.body.ChallengeName, 'NEW_PASSWORD_REQUIRED');
  assert.type(result.body.Session, 'string');
});

test('AdminInitiateAuth: USER_SRP_AUTH works here too', async () => {
  const srp = srpClient(setup.poolId);
  const result = await adminAuth({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: srp.A } });
  assert.is(result.body.ChallengeName, 'PASSWORD_VERIFIER');
});

test('AdminInitiateAuth: a wrong password and a client without the admin flow are refused', async () => {
  assertAwsError(await adminAuth({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'Nope-Passw0rd!' } }),
    'NotAuthorizedException', 403, 'Incorrect username or password.');
  const plain = await addClient(emulator, setup.poolId, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  assertAwsError(await adminAuth({ ClientId: plain, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    'InvalidParameterException', 400, 'Auth flow not enabled for this client');
});

test('AdminInitiateAuth: bad input answers AWS errors', async () => {
  assertAwsError(await adminAuth({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    'InvalidParameterException', 400, 'Initiate Auth method not supported.');
  assertAwsError(await adminAuth({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice' } }),
    'InvalidParameterException', 400, 'Missing required parameter PASSWORD');
  assertAwsError(await adminAuth({ UserPoolId: 'us-east-1_nosuchpool', AuthFlow: 'ADMIN_NO_SRP_AUTH' }),
    'ResourceNotFoundException', 404, 'User pool us-east-1_nosuchpool does not exist.');
  // A client of another pool is not this pool's client.
  const other = await setUp(emulator);
  assertAwsError(await adminAuth({ ClientId: other.clientId, AuthFlow: 'ADMIN_NO_SRP_AUTH' }),
    'ResourceNotFoundException', 404, `User pool client ${other.clientId} does not exist.`);
  assertAwsError(await emulator.call('AdminInitiateAuth', { ClientId: setup.clientId, AuthFlow: 'ADMIN_NO_SRP_AUTH' }),
    'InvalidParameterException');
});

test('AdminInitiateAuth: wrong admin-flow passwords count towards the sign-in lockout', async () => {
  await confirmedUser(emulator, setup, 'luke');
  const attempt = (PASSWORD_: string) =>
    adminAuth({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'luke', PASSWORD: PASSWORD_ } });
  for (let i = 0; i < 5; i++) assertAwsError(await attempt('Nope-Passw0rd!'), 'NotAuthorizedException', 403, 'Incorrect username or password.');
  assertAwsError(await attempt(PASSWORD), 'NotAuthorizedException', 403, 'Password attempts exceeded');
  assertAwsError(await emulator.call('InitiateAuth', { ClientId: setup.clientId, AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'luke', PASSWORD } }), 'NotAuthorizedException', 403, 'Password attempts exceeded');
});

test.run();
