import { CreateUserPoolCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('CreateUserPool: fills in the defaults AWS does', async () => {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'defaults' }));
  assert.match(UserPool!.Id!, /^us-east-1_[A-Za-z0-9]{9}$/);
  assert.is(UserPool!.Name, 'defaults');
  assert.is(UserPool!.Arn, `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${UserPool!.Id}`);
  assert.equal(UserPool!.Policies!.PasswordPolicy, {
    MinimumLength: 8,
    RequireUppercase: true,
    RequireLowercase: true,
    RequireNumbers: true,
    RequireSymbols: true,
    TemporaryPasswordValidityDays: 7,
  });
  assert.is(UserPool!.MfaConfiguration, 'OFF');
  assert.is(UserPool!.EstimatedNumberOfUsers, 0);
  assert.equal(UserPool!.AdminCreateUserConfig, { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 });
  assert.is(UserPool!.SchemaAttributes!.length, 20);
  assert.equal(UserPool!.SchemaAttributes![0]!.Name, 'sub');
  assert.ok(UserPool!.CreationDate instanceof Date);
});

test('CreateUserPool: takes the region from the SigV4 credential scope', async () => {
  const { CognitoIdentityProviderClient } = await import('@aws-sdk/client-cognito-identity-provider');
  const client = new CognitoIdentityProviderClient({
    endpoint: emulator.url,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'london' }));
  client.destroy();
  assert.match(UserPool!.Id!, /^eu-west-2_/);
  assert.match(UserPool!.Arn!, /^arn:aws:cognito-idp:eu-west-2:/);
});

test('CreateUserPool: prefixes custom attributes and keeps standard overrides', async () => {
  const { UserPool } = await emulator.client.send(
    new CreateUserPoolCommand({
      PoolName: 'schema',
      Schema: [
        { Name: 'email', Required: true, AttributeDataType: 'String' },
        { Name: 'tenant', AttributeDataType: 'String', Mutable: true },
      ],
    }),
  );
  const described = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id }));
  const names = described.UserPool!.SchemaAttributes!.map((a) => a.Name);
  assert.ok(names.includes('custom:tenant'));
  assert.is(described.UserPool!.SchemaAttributes!.find((a) => a.Name === 'email')!.Required, true);
});

test('CreateUserPool: a missing PoolName is an InvalidParameterException', async () => {
  const result = await emulator.call('CreateUserPool', {});
  assertAwsError(result, 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'poolName' failed to satisfy constraint: Member must not be null");
});

test('CreateUserPool: a name outside the pattern is refused', async () => {
  await assertRejects(emulator.client.send(new CreateUserPoolCommand({ PoolName: 'bad/name' })), 'InvalidParameterException',
    /Member must satisfy regular expression pattern/);
});

test('CreateUserPool: aliases and username attributes together are refused', async () => {
  await assertRejects(
    emulator.client.send(new CreateUserPoolCommand({ PoolName: 'x', AliasAttributes: ['email'], UsernameAttributes: ['email'] })),
    'InvalidParameterException',
    'Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.',
  );
});

test('CreateUserPool: a wrong member type is a SerializationException, not a 500', async () => {
  assertAwsError(await emulator.call('CreateUserPool', { PoolName: 5 }), 'SerializationException');
  assertAwsError(await emulator.call('CreateUserPool', '{not json'), 'SerializationException');
  assertAwsError(await emulator.call('CreateUserPool', '[1,2]'), 'SerializationException');
});

test.run();
