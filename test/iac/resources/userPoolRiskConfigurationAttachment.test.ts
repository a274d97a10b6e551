import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { userPoolRiskConfigurationAttachment as risk } from '../../../src/iac/resources/cognito/userPoolRiskConfigurationAttachment.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { providerContext, type TestContext } from './context.js';

let emulator: TestEmulator;
let ctx: TestContext;
let UserPoolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  ctx = providerContext(emulator);
  UserPoolId = (await ctx.cognito('CreateUserPool', { PoolName: 'app' })).UserPool.Id;
});
test.after(async () => {
  await emulator.close();
});

/** Cognito holds the exception list, or a notice says SetRiskConfiguration is not emulated yet. */
async function applied(ranges: string[]): Promise<boolean> {
  try {
    const { RiskConfiguration } = await ctx.cognito('DescribeRiskConfiguration', { UserPoolId, ClientId: 'ALL' });
    return JSON.stringify(RiskConfiguration.RiskExceptionConfiguration?.BlockedIPRangeList) === JSON.stringify(ranges);
  } catch {
    return ctx.logs.some((line) => line.startsWith('AWS::Cognito::UserPoolRiskConfigurationAttachment: accepted, not emulated'));
  }
}

test('AWS::Cognito::UserPoolRiskConfigurationAttachment: create, update and delete apply the configuration (or are accepted)', async () => {
  const before = { UserPoolId, ClientId: 'ALL', RiskExceptionConfiguration: { BlockedIPRangeList: ['10.0.0.0/8'] } };
  const after = { ...before, RiskExceptionConfiguration: { BlockedIPRangeList: ['192.168.0.0/16'] } };
  const attached = await risk.create(ctx, 'Risk', before);
  assert.match(attached.physicalId, /^Risk-[A-Za-z0-9]{12}$/);
  assert.ok(await applied(['10.0.0.0/8']));
  assert.is(risk.replaces(before, after), false);
  assert.equal(await risk.update(ctx, attached, after, before), attached);
  assert.ok(await applied(['192.168.0.0/16']));
  await risk.delete(ctx, attached, after);
});

test('AWS::Cognito::UserPoolRiskConfigurationAttachment: ClientId and UserPoolId need a new attachment', () => {
  const props = { UserPoolId, ClientId: 'ALL' };
  assert.ok(risk.replaces(props, { ...props, ClientId: 'abc' }));
  assert.not.ok(risk.replaces(props, { ...props, CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } } }));
});

test.run();
