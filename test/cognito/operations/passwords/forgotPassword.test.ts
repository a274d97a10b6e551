import { ForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { codesFor, poolWithClient, secretHash } from '../signUp/signUpFixtures.js';
import { verifiedUser } from './passwordFixtures.js';

let emulator: TestEmulator;
let poolId: string;
let clientId: string;
test.before(async () => {
  emulator = await startTestEmulator({ code: '424242' });
  ({ poolId, clientId } = await poolWithClient(emulator));
});
test.after(async () => {
  await emulator.close();
});

const forgot = (Username: string, client = clientId) => emulator.call('ForgotPassword', { ClientId: client, Username });

test('ForgotPassword: sends a FORGOT_PASSWORD code to the verified email and answers where it went', async () => {
  await verifiedUser(emulator, poolId, 'alice');
  const result = await emulator.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'alice' }));
  assert.equal(result.CodeDeliveryDetails, { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
  const [sent] = await codesFor(emulator, poolId, 'alice');
  assert.equal({ kind: sent!.kind, code: sent!.code, destination: sent!.destination },
    { kind: 'FORGOT_PASSWORD', code: '424242', destination: 'alice@example.com' });
});

test('ForgotPassword: a verified phone number wins without AccountRecoverySetting; the setting orders them', async () => {
  const both = [
    { Name: 'email', Value: 'bob@example.com' }, { Name: 'email_verified', Value: 'true' },
    { Name: 'phone_number', Value: '+15555550100' }, { Name: 'phone_number_verified', Value: 'true' },
  ];
  await verifiedUser(emulator, poolId, 'bob', both);
  assert.is((await forgot('bob')).body.CodeDeliveryDetails.DeliveryMedium, 'SMS');
  const { poolId: id, clientId: client } = await poolWithClient(emulator, {
    AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_phone_number', Priority: 2 }, { Name: 'verified_email', Priority: 1 }] },
  });
  await verifiedUser(emulator, id, 'bob', both);
  assert.is((await forgot('bob', client)).body.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
});

test('ForgotPassword: no verified email or phone number is InvalidParameterException', async () => {
  await verifiedUser(emulator, poolId, 'carol', [{ Name: 'email', Value: 'carol@example.com' }]);
  assertAwsError(await forgot('carol'), 'InvalidParameterException', 400,
    'Cannot reset password for the user as there is no registered/verified email or phone_number');
  const { poolId: id, clientId: client } = await poolWithClient(emulator, {
    AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] },
  });
  await verifiedUser(emulator, id, 'carol');
  assertAwsError(await forgot('carol', client), 'InvalidParameterException');
});

test('ForgotPassword: an unknown user is UserNotFoundException, or a simulated delivery when hidden', async () => {
  assertAwsError(await forgot('nobody'), 'UserNotFoundException', 404, 'Username/client id combination not found.');
  const { clientId: hiding } = await poolWithClient(emulator, {}, { PreventUserExistenceErrors: 'ENABLED' });
  const result = await forgot('+15555550199', hiding);
  assert.equal(result.body.CodeDeliveryDetails, { Destination: '+*******0199', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
});

test('ForgotPassword: a client with a secret checks SecretHash; bad input is InvalidParameterException', async () => {
  const { poolId: id, clientId: client, clientSecret } = await poolWithClient(emulator, {}, { GenerateSecret: true });
  await verifiedUser(emulator, id, 'dave');
  assertAwsError(await emulator.call('ForgotPassword', { ClientId: client, Username: 'dave', SecretHash: 'bm9wZQ==' }),
    'NotAuthorizedException', 403, `Unable to verify secret hash for client ${client}`);
  const ok = await emulator.call('ForgotPassword', { ClientId: client, Username: 'dave', SecretHash: secretHash(clientSecret!, 'dave', client) });
  assert.is(ok.status, 200);
  assertAwsError(await emulator.call('ForgotPassword', { ClientId: 'bad id!', Username: 'dave' }), 'InvalidParameterException', 400,
    /at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern/);
});

test.run();
