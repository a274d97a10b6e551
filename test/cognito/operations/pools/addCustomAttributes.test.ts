import { AddCustomAttributesCommand, CreateUserPoolCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'custom' }));
  poolId = UserPool!.Id!;
});
test.after(async () => {
  await emulator.close();
});

test('AddCustomAttributes: appends custom: attributes with AWS defaults', async () => {
  await emulator.client.send(
    new AddCustomAttributesCommand({
      UserPoolId: poolId,
      CustomAttributes: [{ Name: 'plan', AttributeDataType: 'String' }, { Name: 'age', AttributeDataType: 'Number' }],
    }),
  );
  const { UserPool } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
  const plan = UserPool!.SchemaAttributes!.find((a) => a.Name === 'custom:plan');
  assert.equal(plan, {
    Name: 'custom:plan',
    AttributeDataType: 'String',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
    StringAttributeConstraints: {},
  });
  assert.is(UserPool!.SchemaAttributes!.find((a) => a.Name === 'custom:age')!.AttributeDataType, 'Number');
});

test('AddCustomAttributes: an existing name is refused', async () => {
  const result = await emulator.call('AddCustomAttributes', { UserPoolId: poolId, CustomAttributes: [{ Name: 'plan' }] });
  assertAwsError(result, 'InvalidParameterException', 400, /Existing attribute already has name custom:plan/);
});

test('AddCustomAttributes: required custom attributes and empty lists are refused', async () => {
  assertAwsError(
    await emulator.call('AddCustomAttributes', { UserPoolId: poolId, CustomAttributes: [{ Name: 'x', Required: true }] }),
    'InvalidParameterException', 400, 'Required custom attributes are not supported currently.',
  );
  assertAwsError(await emulator.call('AddCustomAttributes', { UserPoolId: poolId, CustomAttributes: [] }), 'InvalidParameterException');
  assertAwsError(await emulator.call('AddCustomAttributes', { UserPoolId: poolId }), 'InvalidParameterException');
});

test.run();
