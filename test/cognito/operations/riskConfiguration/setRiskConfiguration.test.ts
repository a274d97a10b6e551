import {
  CreateUserPoolClientCommand, DeleteUserPoolClientCommand, DescribeRiskConfigurationCommand, SetRiskConfigurationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { riskConfigurations } from '../../../../src/cognito/model/riskConfiguration.js';
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

const TAKEOVER = {
  NotifyConfiguration: {
    SourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/security@example.com',
    BlockEmail: { Subject: 'Blocked', TextBody: 'We blocked a sign-in.', HtmlBody: '<p>We blocked a sign-in.</p>' },
  },
  Actions: { HighAction: { EventAction: 'BLOCK' as const, Notify: true }, MediumAction: { EventAction: 'MFA_REQUIRED' as const, Notify: false } },
};

test('SetRiskConfiguration: stores the pool’s settings on a pool without add-ons, as AWS does', async () => {
  const { poolId } = await poolWithClient();
  const { RiskConfiguration } = await emulator.client.send(new SetRiskConfigurationCommand({
    UserPoolId: poolId,
    CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN'], Actions: { EventAction: 'BLOCK' } },
    AccountTakeoverRiskConfiguration: TAKEOVER,
    RiskExceptionConfiguration: { BlockedIPRangeList: ['10.10.10.10/32'], SkippedIPRangeList: ['2001:db8::/32'] },
  }));
  assert.is(RiskConfiguration!.UserPoolId, poolId);
  assert.is(RiskConfiguration!.ClientId, undefined);
  assert.equal(RiskConfiguration!.CompromisedCredentialsRiskConfiguration, { EventFilter: ['SIGN_IN'], Actions: { EventAction: 'BLOCK' } });
  assert.equal(RiskConfiguration!.AccountTakeoverRiskConfiguration, TAKEOVER);
  assert.equal(RiskConfiguration!.RiskExceptionConfiguration!.SkippedIPRangeList, ['2001:db8::/32']);
  assert.ok(RiskConfiguration!.LastModifiedDate instanceof Date);
});

test('SetRiskConfiguration: a client’s own settings; ClientId alone resets it to inherit the pool’s', async () => {
  const { poolId, clientId } = await poolWithClient();
  await emulator.client.send(new SetRiskConfigurationCommand({ UserPoolId: poolId, RiskExceptionConfiguration: { BlockedIPRangeList: ['10.0.0.0/8'] } }));
  const own = await emulator.client.send(new SetRiskConfigurationCommand({
    UserPoolId: poolId, ClientId: clientId, RiskExceptionConfiguration: { BlockedIPRangeList: ['192.168.0.0/16'] },
  }));
  assert.is(own.RiskConfiguration!.ClientId, clientId);
  const reset = await emulator.client.send(new SetRiskConfigurationCommand({ UserPoolId: poolId, ClientId: clientId }));
  assert.equal(reset.RiskConfiguration, { UserPoolId: poolId, ClientId: clientId });
  const { RiskConfiguration } = await emulator.client.send(new DescribeRiskConfigurationCommand({ UserPoolId: poolId, ClientId: clientId }));
  assert.equal(RiskConfiguration!.RiskExceptionConfiguration, { BlockedIPRangeList: ['10.0.0.0/8'] });
});

test('SetRiskConfiguration: UserPoolId alone returns the pool to defaults', async () => {
  const { poolId } = await poolWithClient();
  await emulator.client.send(new SetRiskConfigurationCommand({ UserPoolId: poolId, RiskExceptionConfiguration: { BlockedIPRangeList: ['10.0.0.0/8'] } }));
  await emulator.client.send(new SetRiskConfigurationCommand({ UserPoolId: poolId }));
  const { RiskConfiguration } = await emulator.client.send(new DescribeRiskConfigurationCommand({ UserPoolId: poolId }));
  assert.equal(RiskConfiguration, { UserPoolId: poolId });
});

test('SetRiskConfiguration: deleting the client drops its own settings', async () => {
  const { poolId, clientId } = await poolWithClient();
  await emulator.client.send(new SetRiskConfigurationCommand({
    UserPoolId: poolId, ClientId: clientId, RiskExceptionConfiguration: { SkippedIPRangeList: ['10.0.0.0/8'] },
  }));
  await emulator.client.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
  assert.is(await emulator.store.table(riskConfigurations).get([poolId, clientId]), undefined);
});

test('SetRiskConfiguration: an unknown pool or client is not found', async () => {
  const { poolId } = await poolWithClient();
  assertAwsError(await emulator.call('SetRiskConfiguration', { UserPoolId: 'us-east-1_nothere00' }), 'ResourceNotFoundException', 404);
  assertAwsError(
    await emulator.call('SetRiskConfiguration', { UserPoolId: poolId, ClientId: 'nosuchclient' }),
    'ResourceNotFoundException', 404, 'User pool client nosuchclient does not exist.',
  );
});

test('SetRiskConfiguration: bad input answers AWS errors', async () => {
  const { poolId } = await poolWithClient();
  assertAwsError(
    await emulator.call('SetRiskConfiguration', {
      UserPoolId: poolId, CompromisedCredentialsRiskConfiguration: { EventFilter: ['LOGIN'], Actions: { EventAction: 'ALLOW' } },
    }),
    'InvalidParameterException', 400,
    "2 validation errors detected: Value '[LOGIN]' at 'compromisedCredentialsRiskConfiguration.eventFilter' failed to satisfy constraint: " +
      'Member must satisfy constraint: [Member must satisfy enum value set: [SIGN_IN, PASSWORD_CHANGE, SIGN_UP]]; ' +
      "Value 'ALLOW' at 'compromisedCredentialsRiskConfiguration.actions.eventAction' failed to satisfy constraint: " +
      'Member must satisfy enum value set: [BLOCK, NO_ACTION]',
  );
  assertAwsError(
    await emulator.call('SetRiskConfiguration', { UserPoolId: poolId, CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN'] } }),
    'InvalidParameterException', 400, /compromisedCredentialsRiskConfiguration\.actions' failed to satisfy constraint: Member must not be null/,
  );
  assertAwsError(
    await emulator.call('SetRiskConfiguration', { UserPoolId: poolId, RiskExceptionConfiguration: { BlockedIPRangeList: ['10.0.0.300/8'] } }),
    'InvalidParameterException', 400, '10.0.0.300/8 is not a valid CIDR block.',
  );
  assertAwsError(
    await emulator.call('SetRiskConfiguration', { UserPoolId: poolId, AccountTakeoverRiskConfiguration: { ...TAKEOVER, NotifyConfiguration: { SourceArn: 'arn' } } }),
    'InvalidParameterException', 400, /sourceArn' failed to satisfy constraint: Member must have length greater than or equal to 20/,
  );
  const nulls = await emulator.call('SetRiskConfiguration', {
    UserPoolId: poolId, ClientId: null, RiskExceptionConfiguration: { BlockedIPRangeList: [null, '10.0.0.0/8'], SkippedIPRangeList: null },
  });
  assert.equal(nulls.body.RiskConfiguration.RiskExceptionConfiguration, { BlockedIPRangeList: ['10.0.0.0/8'] }, 'nulls are absent');
});

test.run();
