import {
  CreateUserPoolClientCommand, DescribeRiskConfigurationCommand, SetRiskConfigurationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
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

async function poolWithClient(): Promise<{ poolId: string; clientId: string }> {
  const poolId = await createPool(emulator);
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web' }));
  return { poolId, clientId: UserPoolClient!.ClientId! };
}

test('DescribeRiskConfiguration: nothing set answers only the key', async () => {
  const { poolId, clientId } = await poolWithClient();
  const pool = await emulator.call('DescribeRiskConfiguration', { UserPoolId: poolId });
  assert.equal(pool.body, { RiskConfiguration: { UserPoolId: poolId } });
  const client = await emulator.call('DescribeRiskConfiguration', { UserPoolId: poolId, ClientId: clientId });
  assert.equal(client.body, { RiskConfiguration: { UserPoolId: poolId, ClientId: clientId } });
});

test('DescribeRiskConfiguration: a client without its own settings inherits the pool’s; with its own, shows those', async () => {
  const { poolId, clientId } = await poolWithClient();
  await emulator.client.send(new SetRiskConfigurationCommand({
    UserPoolId: poolId, CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'NO_ACTION' } },
  }));
  const inherited = await emulator.client.send(new DescribeRiskConfigurationCommand({ UserPoolId: poolId, ClientId: clientId }));
  assert.is(inherited.RiskConfiguration!.ClientId, undefined);
  assert.equal(inherited.RiskConfiguration!.CompromisedCredentialsRiskConfiguration, { Actions: { EventAction: 'NO_ACTION' } });
  await emulator.client.send(new SetRiskConfigurationCommand({
    UserPoolId: poolId, ClientId: clientId, RiskExceptionConfiguration: { BlockedIPRangeList: ['10.1.0.0/16'] },
  }));
  const own = await emulator.client.send(new DescribeRiskConfigurationCommand({ UserPoolId: poolId, ClientId: clientId }));
  assert.is(own.RiskConfiguration!.ClientId, clientId);
  assert.is(own.RiskConfiguration!.CompromisedCredentialsRiskConfiguration, undefined);
  assert.equal(own.RiskConfiguration!.RiskExceptionConfiguration, { BlockedIPRangeList: ['10.1.0.0/16'] });
  assert.ok(own.RiskConfiguration!.LastModifiedDate instanceof Date);
});

test('DescribeRiskConfiguration: ClientId ALL names the pool’s settings', async () => {
  const { poolId } = await poolWithClient();
  await emulator.client.send(new SetRiskConfigurationCommand({
    UserPoolId: poolId, ClientId: 'ALL', RiskExceptionConfiguration: { SkippedIPRangeList: ['10.2.0.0/16'] },
  }));
  const { RiskConfiguration } = await emulator.client.send(new DescribeRiskConfigurationCommand({ UserPoolId: poolId }));
  assert.equal(RiskConfiguration!.RiskExceptionConfiguration, { SkippedIPRangeList: ['10.2.0.0/16'] });
});

test('DescribeRiskConfiguration: an unknown pool or client, and bad input, answer AWS errors', async () => {
  const { poolId } = await poolWithClient();
  assertAwsError(
    await emulator.call('DescribeRiskConfiguration', { UserPoolId: 'us-east-1_nothere00' }),
    'ResourceNotFoundException', 404, 'User pool us-east-1_nothere00 does not exist.',
  );
  assertAwsError(await emulator.call('DescribeRiskConfiguration', { UserPoolId: poolId, ClientId: 'gone' }), 'ResourceNotFoundException', 404);
  assertAwsError(
    await emulator.call('DescribeRiskConfiguration', { UserPoolId: poolId, ClientId: '' }),
    'InvalidParameterException', 400, /at 'clientId' failed to satisfy constraint: Member must have length greater than or equal to 1/,
  );
  assertAwsError(
    await emulator.call('DescribeRiskConfiguration', {}),
    'InvalidParameterException', 400, "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null",
  );
});

test.run();
