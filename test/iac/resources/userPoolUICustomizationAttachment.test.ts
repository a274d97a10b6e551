import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { userPoolUICustomizationAttachment as ui } from '../../../src/iac/resources/cognito/userPoolUICustomizationAttachment.js';
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

/** The CSS Cognito holds, or a notice that SetUICustomization is not emulated yet: one of them must be there. */
async function applied(css: string): Promise<boolean> {
  try {
    const { UICustomization } = await ctx.cognito('GetUICustomization', { UserPoolId, ClientId: 'ALL' });
    return UICustomization.CSS === css;
  } catch {
    return ctx.logs.some((line) => line.startsWith('AWS::Cognito::UserPoolUICustomizationAttachment: accepted, not emulated'));
  }
}

test('AWS::Cognito::UserPoolUICustomizationAttachment: create, update and delete apply the CSS (or are accepted)', async () => {
  const before = { UserPoolId, ClientId: 'ALL', CSS: '.banner-customizable { background: red; }' };
  const after = { ...before, CSS: '.banner-customizable { background: blue; }' };
  const attached = await ui.create(ctx, 'Ui', before);
  assert.match(attached.physicalId, /^Ui-[A-Za-z0-9]{12}$/);
  assert.ok(await applied(before.CSS));
  assert.is(ui.replaces(before, after), false);
  assert.equal(await ui.update(ctx, attached, after, before), attached);
  assert.ok(await applied(after.CSS));
  await ui.delete(ctx, attached, after);
});

test('AWS::Cognito::UserPoolUICustomizationAttachment: ClientId and UserPoolId need a new attachment', () => {
  const props = { UserPoolId, ClientId: 'ALL' };
  assert.ok(ui.replaces(props, { ...props, ClientId: 'abc' }));
  assert.ok(ui.replaces(props, { ...props, UserPoolId: 'us-east-1_other' }));
});

test.run();
