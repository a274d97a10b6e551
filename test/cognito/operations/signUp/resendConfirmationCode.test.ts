import { ResendConfirmationCodeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { randomIds } from '../../../../src/cognito/ids.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { codesFor, lastCode, poolWithClient, signUp } from './signUpFixtures.js';

let emulator: TestEmulator;
let poolId: string;
let clientId: string;
test.before(async () => {
  // Codes count up (000001, 000002...), so a resent code always differs from the first.
  let sequence = 0;
  const random = (alphabet: string, length: number) =>
    alphabet === '0123456789' ? String(++sequence).padStart(length, '0') : randomIds.random(alphabet, length);
  emulator = await startTestEmulator({ ids: { ...randomIds, random } });
  ({ poolId, clientId } = await poolWithClient(emulator));
});
test.after(async () => {
  await emulator.close();
});

const resend = (Username: string, client = clientId) => emulator.call('ResendConfirmationCode', { ClientId: client, Username });
const confirm = (Username: string, ConfirmationCode: string) =>
  emulator.call('ConfirmSignUp', { ClientId: clientId, Username, ConfirmationCode });

test('ResendConfirmationCode: sends a new code (kind RESEND) that replaces the first', async () => {
  await signUp(emulator, clientId, 'alice');
  const first = await lastCode(emulator, poolId, 'alice');
  const result = await emulator.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: 'alice' }));
  assert.equal(result.CodeDeliveryDetails, { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
  const [latest] = await codesFor(emulator, poolId, 'alice');
  assert.is(latest!.kind, 'RESEND');
  assert.is.not(latest!.code, first);
  assertAwsError(await confirm('alice', first), 'CodeMismatchException');
  assert.is((await confirm('alice', latest!.code)).status, 200);
});

test('ResendConfirmationCode: a confirmed user is InvalidParameterException', async () => {
  assertAwsError(await resend('alice'), 'InvalidParameterException', 400, 'User is already confirmed.');
});

test('ResendConfirmationCode: an unknown user is UserNotFoundException, or a simulated delivery when hidden', async () => {
  assertAwsError(await resend('nobody'), 'UserNotFoundException', 404, 'Username/client id combination not found.');
  const { poolId: id, clientId: hiding } = await poolWithClient(emulator, {}, { PreventUserExistenceErrors: 'ENABLED' });
  const result = await resend('ghost@example.com', hiding);
  assert.is(result.status, 200);
  assert.equal(result.body.CodeDeliveryDetails, { Destination: 'g***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
  assert.equal(await codesFor(emulator, id, 'ghost@example.com'), []);
});

test('ResendConfirmationCode: bad input is InvalidParameterException', async () => {
  assertAwsError(await emulator.call('ResendConfirmationCode', { ClientId: clientId }), 'InvalidParameterException', 400,
    /Value null at 'username'/);
});

test.run();
