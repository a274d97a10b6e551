import { GetUserPoolMfaConfigCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const SMS = { SnsCallerArn: 'arn:aws:iam::000000000000:role/sms', ExternalId: 'ext' };

test('GetUserPoolMfaConfig: a new pool answers only that MFA is off', async () => {
  const poolId = await createPool(emulator);
  const result = await emulator.call('GetUserPoolMfaConfig', { UserPoolId: poolId });
  assert.is(result.status, 200);
  assert.equal(result.body, { MfaConfiguration: 'OFF' });
});

test('GetUserPoolMfaConfig: a pool created with MFA and an SMS configuration has SMS as its factor', async () => {
  const poolId = await createPool(emulator, {
    MfaConfiguration: 'OPTIONAL', SmsConfiguration: SMS, SmsAuthenticationMessage: 'Code: {####}',
  });
  const config = await emulator.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
  assert.is(config.MfaConfiguration, 'OPTIONAL');
  assert.equal(config.SmsMfaConfiguration, { SmsAuthenticationMessage: 'Code: {####}', SmsConfiguration: SMS });
  assert.is(config.SoftwareTokenMfaConfiguration, undefined);
});

test('GetUserPoolMfaConfig: an SMS configuration alone, with MFA off, is not an MFA factor', async () => {
  const poolId = await createPool(emulator, { SmsConfiguration: SMS });
  const config = await emulator.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
  assert.is(config.SmsMfaConfiguration, undefined);
});

test('GetUserPoolMfaConfig: an unknown or malformed pool id is refused', async () => {
  assertAwsError(await emulator.call('GetUserPoolMfaConfig', { UserPoolId: 'us-east-1_nothere' }), 'ResourceNotFoundException', 404,
    'User pool us-east-1_nothere does not exist.');
  assertAwsError(await emulator.call('GetUserPoolMfaConfig', { UserPoolId: 'no-underscore' }), 'InvalidParameterException', 400,
    /at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  assertAwsError(await emulator.call('GetUserPoolMfaConfig', {}), 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null");
});

test.run();
