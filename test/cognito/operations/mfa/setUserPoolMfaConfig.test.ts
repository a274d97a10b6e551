import {
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const SMS = { SnsCallerArn: 'arn:aws:iam::000000000000:role/sms', ExternalId: 'ext', SnsRegion: 'us-east-1' };
const SES = {
  EmailSendingAccount: 'DEVELOPER' as const,
  SourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/example.com',
  From: 'no-reply@example.com',
};

test('SetUserPoolMfaConfig: turns on TOTP, answers the new configuration, and Get agrees', async () => {
  const poolId = await createPool(emulator);
  const answer = await emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true },
  }));
  const expected = {
    MfaConfiguration: 'ON',
    SoftwareTokenMfaConfiguration: { Enabled: true },
    WebAuthnConfiguration: { FactorConfiguration: 'SINGLE_FACTOR' },
  };
  const { $metadata: _a, ...set } = answer;
  assert.equal(set, expected);
  const { $metadata: _b, ...got } = await emulator.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
  assert.equal(got, expected);
});

test('SetUserPoolMfaConfig: the mode and the SMS settings show in DescribeUserPool', async () => {
  const poolId = await createPool(emulator);
  await emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: poolId, MfaConfiguration: 'OPTIONAL',
    SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your code is {####}', SmsConfiguration: SMS },
  }));
  const { UserPool } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
  assert.is(UserPool!.MfaConfiguration, 'OPTIONAL');
  assert.is(UserPool!.SmsAuthenticationMessage, 'Your code is {####}');
  assert.equal(UserPool!.SmsConfiguration, SMS);
  assert.not.ok('MfaSettings' in (UserPool as object));
  const config = await emulator.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
  assert.equal(config.SmsMfaConfiguration, { SmsAuthenticationMessage: 'Your code is {####}', SmsConfiguration: SMS });
});

test('SetUserPoolMfaConfig: factors the request leaves out are turned off, and OFF clears them all', async () => {
  const poolId = await createPool(emulator);
  await emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true },
    SmsMfaConfiguration: { SmsConfiguration: SMS },
  }));
  const smsOnly = await emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: poolId, SmsMfaConfiguration: { SmsConfiguration: SMS },
  }));
  assert.is(smsOnly.MfaConfiguration, 'OPTIONAL');
  assert.is(smsOnly.SoftwareTokenMfaConfiguration, undefined);
  assert.ok(smsOnly.SmsMfaConfiguration);
  const off = await emulator.client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OFF' }));
  assert.is(off.MfaConfiguration, 'OFF');
  assert.is(off.SmsMfaConfiguration, undefined);
  const { UserPool } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
  assert.is(UserPool!.MfaConfiguration, 'OFF');
  assert.equal(UserPool!.SmsConfiguration, SMS, 'the SMS configuration stays for verification messages');
});

test('SetUserPoolMfaConfig: OFF with a factor, and ON or OPTIONAL without one, are refused as AWS words them', async () => {
  const poolId = await createPool(emulator);
  await assertRejects(emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: poolId, MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: true },
  })), 'InvalidParameterException', "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.");
  await assertRejects(emulator.client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL' })),
    'InvalidParameterException', "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.");
  await assertRejects(emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: false },
  })), 'InvalidParameterException', /can't disable all MFAs/);
  const off = await emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: poolId, MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: false },
    WebAuthnConfiguration: { RelyingPartyId: 'auth.example.com', UserVerification: 'required' },
  }));
  assert.equal(off.WebAuthnConfiguration, {
    FactorConfiguration: 'SINGLE_FACTOR', RelyingPartyId: 'auth.example.com', UserVerification: 'required',
  });
  assert.equal(off.SoftwareTokenMfaConfiguration, { Enabled: false });
});

test('SetUserPoolMfaConfig: email MFA needs a developer (SES) email configuration and a tier above LITE', async () => {
  const email = { Message: 'Your code: {####}', Subject: 'Sign-in code' };
  const plain = await createPool(emulator);
  await assertRejects(emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: plain, MfaConfiguration: 'OPTIONAL', EmailMfaConfiguration: email,
  })), 'InvalidParameterException',
  'Cannot set EmailMfaConfiguration when user pool EmailConfiguration contains an EmailSendingAccount of COGNITO_DEFAULT.Update the value of EmailSendingAccount');
  const lite = await createPool(emulator, { UserPoolTier: 'LITE', EmailConfiguration: SES });
  await assertRejects(emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: lite, MfaConfiguration: 'OPTIONAL', EmailMfaConfiguration: email,
  })), 'FeatureUnavailableInTierException', 'The following feature is not available for the LITE pricing tier configured: Email MFA');
  const ses = await createPool(emulator, { EmailConfiguration: SES });
  const answer = await emulator.client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: ses, MfaConfiguration: 'OPTIONAL', EmailMfaConfiguration: email,
  }));
  assert.equal(answer.EmailMfaConfiguration, email);
});

test('SetUserPoolMfaConfig: messages without the code placeholder and unknown enum values are refused', async () => {
  const poolId = await createPool(emulator);
  assertAwsError(await emulator.call('SetUserPoolMfaConfig', {
    UserPoolId: poolId, MfaConfiguration: 'ON', SmsMfaConfiguration: { SmsAuthenticationMessage: 'no placeholder', SmsConfiguration: SMS },
  }), 'InvalidParameterException', 400,
  "1 validation error detected: Value 'no placeholder' at 'smsMfaConfiguration.smsAuthenticationMessage' failed to satisfy constraint: Member must satisfy regular expression pattern: .*\\{####\\}.*");
  assertAwsError(await emulator.call('SetUserPoolMfaConfig', { UserPoolId: poolId, MfaConfiguration: 'ALWAYS' }),
    'InvalidParameterException', 400, /Value 'ALWAYS' at 'mfaConfiguration' failed to satisfy constraint: Member must satisfy enum value set: \[OFF, ON, OPTIONAL\]/);
  assertAwsError(await emulator.call('SetUserPoolMfaConfig', {
    UserPoolId: poolId, MfaConfiguration: 'OFF', WebAuthnConfiguration: { UserVerification: 'sometimes' },
  }), 'InvalidParameterException', 400, /at 'webAuthnConfiguration\.userVerification'/);
  assertAwsError(await emulator.call('SetUserPoolMfaConfig', {
    UserPoolId: poolId, MfaConfiguration: 'ON', SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'role' } },
  }), 'InvalidParameterException', 400, /^2 validation errors detected: .*'smsMfaConfiguration\.smsConfiguration\.snsCallerArn'/);
  assertAwsError(await emulator.call('SetUserPoolMfaConfig', {
    UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: 'yes' },
  }), 'SerializationException');
});

test('SetUserPoolMfaConfig: an unknown pool is a ResourceNotFoundException', async () => {
  assertAwsError(await emulator.call('SetUserPoolMfaConfig', { UserPoolId: 'us-east-1_nothere', MfaConfiguration: 'OFF' }),
    'ResourceNotFoundException', 404, 'User pool us-east-1_nothere does not exist.');
});

test.run();
