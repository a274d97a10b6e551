import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { userPoolRiskConfigurationAttachment as risk } from '../../../src/iac/resources/cognito/userPoolRiskConfigurationAttachment.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { assertCognitoError, providerContext, type TestContext } from './context.js';

let emulator: TestEmulator;
let ctx: TestContext;
let UserPoolId: string;
let ClientId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  ctx = providerContext(emulator);
  UserPoolId = (await ctx.cognito('CreateUserPool', { PoolName: 'app' })).UserPool.Id;
  ClientId = (await ctx.cognito('CreateUserPoolClient', { UserPoolId, ClientName: 'web' })).UserPoolClient.ClientId;
});
test.after(async () => {
  await emulator.close();
});

const described = async (clientId?: string) =>
  (await ctx.cognito('DescribeRiskConfiguration', { UserPoolId, ...(clientId ? { ClientId: clientId } : {}) })).RiskConfiguration;

test('AWS::Cognito::UserPoolRiskConfigurationAttachment: create, update and delete set and clear the configuration', async () => {
  const before = { UserPoolId, ClientId: 'ALL', RiskExceptionConfiguration: { BlockedIPRangeList: ['10.0.0.0/8'] } };
  const after = {
    ...before,
    RiskExceptionConfiguration: { BlockedIPRangeList: ['192.168.0.0/16'] },
    CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN'], Actions: { EventAction: 'BLOCK' } },
  };
  const attached = await risk.create(ctx, 'Risk', before);
  assert.match(attached.physicalId, /^Risk-[A-Za-z0-9]{12}$/);
  assert.equal((await described()).RiskExceptionConfiguration, before.RiskExceptionConfiguration);
  assert.equal((await described(ClientId)).RiskExceptionConfiguration, before.RiskExceptionConfiguration, 'clients inherit it');
  assert.is(risk.replaces(before, after), false);
  assert.equal(await risk.update(ctx, attached, after, before), attached);
  const updated = await described();
  assert.equal(updated.RiskExceptionConfiguration, after.RiskExceptionConfiguration);
  assert.equal(updated.CompromisedCredentialsRiskConfiguration, after.CompromisedCredentialsRiskConfiguration);
  await risk.delete(ctx, attached, after);
  assert.equal(await described(), { UserPoolId });
  assert.equal(ctx.logs, [], 'nothing is merely accepted');
});

test('AWS::Cognito::UserPoolRiskConfigurationAttachment: a client’s own attachment, removed on delete', async () => {
  const props = { UserPoolId, ClientId, AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: 'BLOCK', Notify: false } } } };
  const attached = await risk.create(ctx, 'ClientRisk', props);
  const own = await described(ClientId);
  assert.is(own.ClientId, ClientId);
  assert.equal(own.AccountTakeoverRiskConfiguration, props.AccountTakeoverRiskConfiguration);
  await risk.delete(ctx, attached, props);
  assert.equal(await described(ClientId), { UserPoolId, ClientId });
});

test('AWS::Cognito::UserPoolRiskConfigurationAttachment: errors surface; a deleted pool counts as deleted', async () => {
  const props = { UserPoolId, ClientId: 'ALL', RiskExceptionConfiguration: { BlockedIPRangeList: ['not-a-range'] } };
  await assertCognitoError(risk.create(ctx, 'Risk', props), 'InvalidParameterException');
  await risk.delete(ctx, { physicalId: 'Risk-x', attributes: {} }, { ...props, UserPoolId: 'us-east-1_gone00000' });
});

test('AWS::Cognito::UserPoolRiskConfigurationAttachment: ClientId and UserPoolId need a new attachment', () => {
  const props = { UserPoolId, ClientId: 'ALL' };
  assert.ok(risk.replaces(props, { ...props, ClientId: 'abc' }));
  assert.ok(risk.replaces(props, { ...props, UserPoolId: 'us-east-1_other' }));
  assert.not.ok(risk.replaces(props, { ...props, CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } } }));
});

test.run();
