import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { userPoolUICustomizationAttachment as ui } from '../../../src/iac/resources/cognito/userPoolUICustomizationAttachment.js';
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
  // Branding needs a domain to be shown on (SetUICustomization reference).
  await ctx.cognito('CreateUserPoolDomain', { UserPoolId, Domain: 'app-login' });
});
test.after(async () => {
  await emulator.close();
});

const shown = async (clientId: string) =>
  (await ctx.cognito('GetUICustomization', { UserPoolId, ClientId: clientId })).UICustomization;

test('AWS::Cognito::UserPoolUICustomizationAttachment: create, update and delete set and clear the CSS', async () => {
  const before = { UserPoolId, ClientId: 'ALL', CSS: '.banner-customizable { background: red; }' };
  const after = { ...before, CSS: '.banner-customizable { background: blue; }' };
  const attached = await ui.create(ctx, 'Ui', before);
  assert.match(attached.physicalId, /^Ui-[A-Za-z0-9]{12}$/);
  assert.is((await shown('ALL')).CSS, before.CSS);
  assert.is((await shown(ClientId)).CSS, before.CSS, 'a client without its own branding shows the default');
  assert.is(ui.replaces(before, after), false);
  assert.equal(await ui.update(ctx, attached, after, before), attached);
  assert.is((await shown('ALL')).CSS, after.CSS);
  await ui.delete(ctx, attached, after);
  assert.equal(await shown('ALL'), {});
  assert.equal(ctx.logs, [], 'nothing is merely accepted');
});

test('AWS::Cognito::UserPoolUICustomizationAttachment: a client’s own attachment overrides the default until deleted', async () => {
  const pool = { UserPoolId, ClientId: 'ALL', CSS: '.a { color: red; }' };
  const client = { UserPoolId, ClientId, CSS: '.a { color: blue; }' };
  const poolAttachment = await ui.create(ctx, 'PoolUi', pool);
  const clientAttachment = await ui.create(ctx, 'ClientUi', client);
  assert.is((await shown(ClientId)).CSS, client.CSS);
  await ui.delete(ctx, clientAttachment, client);
  assert.is((await shown(ClientId)).CSS, pool.CSS);
  await ui.delete(ctx, poolAttachment, pool);
});

test('AWS::Cognito::UserPoolUICustomizationAttachment: errors surface; a deleted pool or domain counts as deleted', async () => {
  const bare = (await ctx.cognito('CreateUserPool', { PoolName: 'bare' })).UserPool.Id;
  const props = { UserPoolId: bare, ClientId: 'ALL', CSS: '.a {}' };
  await assertCognitoError(ui.create(ctx, 'Ui', props), 'InvalidParameterException', /existing domain/);
  await ui.delete(ctx, { physicalId: 'Ui-x', attributes: {} }, props);
  await ui.delete(ctx, { physicalId: 'Ui-x', attributes: {} }, { ...props, UserPoolId: 'us-east-1_gone00000' });
});

test('AWS::Cognito::UserPoolUICustomizationAttachment: ClientId and UserPoolId need a new attachment', () => {
  const props = { UserPoolId, ClientId: 'ALL' };
  assert.ok(ui.replaces(props, { ...props, ClientId: 'abc' }));
  assert.ok(ui.replaces(props, { ...props, UserPoolId: 'us-east-1_other' }));
  assert.not.ok(ui.replaces(props, { ...props, CSS: '.b {}' }));
});

test.run();
