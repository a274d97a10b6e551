import { AssociateSoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { totpPoolUser } from './mfaFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('AssociateSoftwareToken: with an access token, a new base32 secret and no session', async () => {
  const who = await totpPoolUser(emulator);
  const first = await emulator.client.send(new AssociateSoftwareTokenCommand({ AccessToken: who.tokens.AccessToken! }));
  assert.match(first.SecretCode!, /^[A-Z2-7]{52}$/);
  assert.is(first.Session, undefined);
  const second = await emulator.client.send(new AssociateSoftwareTokenCommand({ AccessToken: who.tokens.AccessToken! }));
  assert.is.not(second.SecretCode, first.SecretCode);
});

test('AssociateSoftwareToken: bad input answers AWS errors', async () => {
  assertAwsError(await emulator.call('AssociateSoftwareToken', {}), 'InvalidParameterException', 400,
    'Either AccessToken or Session must be provided.');
  assertAwsError(await emulator.call('AssociateSoftwareToken', { Session: 'short' }), 'InvalidParameterException');
  assertAwsError(await emulator.call('AssociateSoftwareToken', { Session: 'x'.repeat(40) }), 'NotAuthorizedException', 403,
    'Invalid session for the user.');
  assertAwsError(await emulator.call('AssociateSoftwareToken', { AccessToken: 'not a token!' }), 'InvalidParameterException');
  assertAwsError(await emulator.call('AssociateSoftwareToken', { AccessToken: 'abc.def.ghi' }), 'NotAuthorizedException', 403,
    'Invalid Access Token');
});

test.run();
