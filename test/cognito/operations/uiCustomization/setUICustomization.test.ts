import {
  CreateUserPoolClientCommand, CreateUserPoolDomainCommand, DeleteUserPoolClientCommand, GetUICustomizationCommand,
  SetUICustomizationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';
import { uiCustomizations } from '../../../../src/cognito/model/uiCustomization.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

let domains = 0;
/** A pool with a prefix domain, which branding needs, and one app client. */
async function brandablePool(): Promise<{ poolId: string; clientId: string }> {
  const poolId = await createPool(emulator);
  await emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: `brand-${++domains}` }));
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web' }));
  return { poolId, clientId: UserPoolClient!.ClientId! };
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

test('SetUICustomization: sets the pool default (ClientId ALL) with a version and dates', async () => {
  const { poolId } = await brandablePool();
  const css = '.banner-customizable { background-color: black; }';
  const { UICustomization } = await emulator.client.send(new SetUICustomizationCommand({ UserPoolId: poolId, CSS: css }));
  assert.is(UICustomization!.UserPoolId, poolId);
  assert.is(UICustomization!.ClientId, 'ALL');
  assert.is(UICustomization!.CSS, css);
  assert.match(UICustomization!.CSSVersion!, /^\d{14}$/);
  assert.ok(UICustomization!.CreationDate instanceof Date);
  assert.ok(UICustomization!.LastModifiedDate instanceof Date);
  assert.is(UICustomization!.ImageUrl, undefined);
});

test('SetUICustomization: a logo comes back as a URL that holds the image', async () => {
  const { poolId } = await brandablePool();
  const { UICustomization } = await emulator.client.send(new SetUICustomizationCommand({ UserPoolId: poolId, ClientId: 'ALL', ImageFile: PNG }));
  assert.is(UICustomization!.ImageUrl, `data:image/png;base64,${PNG.toString('base64')}`);
  assert.is(UICustomization!.CSS, undefined);
});

test('SetUICustomization: a client’s own branding overrides the default; setting nothing clears it', async () => {
  const { poolId, clientId } = await brandablePool();
  await emulator.client.send(new SetUICustomizationCommand({ UserPoolId: poolId, ClientId: 'ALL', CSS: '.a { color: red; }' }));
  await emulator.client.send(new SetUICustomizationCommand({ UserPoolId: poolId, ClientId: clientId, CSS: '.a { color: blue; }' }));
  const own = await emulator.client.send(new GetUICustomizationCommand({ UserPoolId: poolId, ClientId: clientId }));
  assert.is(own.UICustomization!.ClientId, clientId);
  assert.is(own.UICustomization!.CSS, '.a { color: blue; }');
  const cleared = await emulator.client.send(new SetUICustomizationCommand({ UserPoolId: poolId, ClientId: clientId }));
  assert.equal(cleared.UICustomization, { UserPoolId: poolId, ClientId: clientId });
  const inherited = await emulator.client.send(new GetUICustomizationCommand({ UserPoolId: poolId, ClientId: clientId }));
  assert.is(inherited.UICustomization!.ClientId, 'ALL');
  assert.is(inherited.UICustomization!.CSS, '.a { color: red; }');
});

test('SetUICustomization: setting again replaces CSS and logo and keeps the creation date', async () => {
  const { poolId } = await brandablePool();
  const first = await emulator.client.send(new SetUICustomizationCommand({ UserPoolId: poolId, CSS: '.a {}', ImageFile: PNG }));
  const second = await emulator.client.send(new SetUICustomizationCommand({ UserPoolId: poolId, CSS: '.b {}' }));
  assert.is(second.UICustomization!.CSS, '.b {}');
  assert.is(second.UICustomization!.ImageUrl, undefined);
  assert.equal(second.UICustomization!.CreationDate, first.UICustomization!.CreationDate);
});

test('SetUICustomization: deleting the client drops its own branding', async () => {
  const { poolId, clientId } = await brandablePool();
  await emulator.client.send(new SetUICustomizationCommand({ UserPoolId: poolId, ClientId: clientId, CSS: '.own {}' }));
  await emulator.client.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
  assert.is(await emulator.store.table(uiCustomizations).get([poolId, clientId]), undefined);
});

test('SetUICustomization: a pool without a domain has nowhere to show it', async () => {
  const poolId = await createPool(emulator);
  await assertRejects(
    emulator.client.send(new SetUICustomizationCommand({ UserPoolId: poolId, CSS: '.a {}' })),
    'InvalidParameterException', 'There has to be an existing domain associated with this user pool',
  );
});

test('SetUICustomization: an unknown pool or client is not found', async () => {
  const { poolId } = await brandablePool();
  assertAwsError(await emulator.call('SetUICustomization', { UserPoolId: 'us-east-1_nothere00', CSS: '' }), 'ResourceNotFoundException', 404);
  assertAwsError(
    await emulator.call('SetUICustomization', { UserPoolId: poolId, ClientId: 'nosuchclient', CSS: '' }),
    'ResourceNotFoundException', 404, 'User pool client nosuchclient does not exist.',
  );
});

test('SetUICustomization: bad input answers AWS errors', async () => {
  const { poolId } = await brandablePool();
  assertAwsError(
    await emulator.call('SetUICustomization', { UserPoolId: poolId, CSS: 'x'.repeat(131073) }),
    'InvalidParameterException', 400, /at 'cSS' failed to satisfy constraint: Member must have length less than or equal to 131072/,
  );
  assertAwsError(
    await emulator.call('SetUICustomization', { UserPoolId: poolId, ImageFile: Buffer.alloc(131073).toString('base64') }),
    'InvalidParameterException', 400, /at 'imageFile' failed to satisfy constraint/,
  );
  assertAwsError(await emulator.call('SetUICustomization', { UserPoolId: poolId, ImageFile: 'not base64!' }), 'SerializationException');
  assertAwsError(await emulator.call('SetUICustomization', { UserPoolId: poolId, ImageFile: 7 }), 'SerializationException');
  assertAwsError(await emulator.call('SetUICustomization', { CSS: '' }), 'InvalidParameterException', 400, /userPoolId/);
  const nulls = await emulator.call('SetUICustomization', { UserPoolId: poolId, ClientId: null, CSS: null, ImageFile: null });
  assert.equal(nulls.body, { UICustomization: { UserPoolId: poolId, ClientId: 'ALL' } }, 'a null member is an absent one');
});

test.run();
