import { GetUserAttributeVerificationCodeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { sentCodes, signedIn } from './profileFixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('GetUserAttributeVerificationCode: sends a code to the email address or phone number, masked in the answer', async () => {
  const who = await signedIn(emulator, {
    attributes: [{ Name: 'email', Value: 'alice@example.com' }, { Name: 'phone_number', Value: '+15551234567' }],
  });
  const email = await emulator.client.send(new GetUserAttributeVerificationCodeCommand({
    AccessToken: who.tokens.AccessToken, AttributeName: 'email',
  }));
  assert.equal(email.CodeDeliveryDetails, { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
  const phone = await emulator.client.send(new GetUserAttributeVerificationCodeCommand({
    AccessToken: who.tokens.AccessToken, AttributeName: 'phone_number',
  }));
  assert.equal(phone.CodeDeliveryDetails, { Destination: '+*******4567', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
  const [newest, older] = await sentCodes(emulator, who.poolId, who.username);
  assert.is(newest!.kind, 'VERIFY_ATTRIBUTE');
  assert.is(newest!.destination, '+15551234567');
  assert.is(older!.destination, 'alice@example.com');
  assert.match(newest!.code, /^\d{6}$/);
});

test('GetUserAttributeVerificationCode: only an email or phone number the user has can be verified', async () => {
  const who = await signedIn(emulator, { attributes: [{ Name: 'name', Value: 'Alice' }] });
  const ask = (AttributeName: string) =>
    emulator.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: who.tokens.AccessToken, AttributeName }));
  await assertRejects(ask('name'), 'InvalidParameterException');
  await assertRejects(ask('email'), 'InvalidParameterException');
  assert.equal(await sentCodes(emulator, who.poolId, who.username), []);
});

test('GetUserAttributeVerificationCode: bad input', async () => {
  const who = await signedIn(emulator);
  assertAwsError(
    await emulator.call('GetUserAttributeVerificationCode', { AccessToken: who.tokens.AccessToken }),
    'InvalidParameterException',
    400,
    /attributeName.*must not be null/,
  );
  assertAwsError(
    await emulator.call('GetUserAttributeVerificationCode', { AccessToken: who.tokens.AccessToken, AttributeName: 'x'.repeat(33) }),
    'InvalidParameterException',
    400,
    /Member must have length less than or equal to 32/,
  );
});

test.run();
