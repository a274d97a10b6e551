import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { userPoolResourceServer as server } from '../../../src/iac/resources/cognito/userPoolResourceServer.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { assertCognitoError, providerContext, type TestContext } from './context.js';

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

const describe = async (Identifier: string) => (await ctx.cognito('DescribeResourceServer', { UserPoolId, Identifier })).ResourceServer;
const read = { ScopeName: 'read', ScopeDescription: 'Read' };
const write = { ScopeName: 'write', ScopeDescription: 'Write' };

test('AWS::Cognito::UserPoolResourceServer: create, update scopes in place, delete', async () => {
  const before = { UserPoolId, Identifier: 'https://api.example.com', Name: 'api', Scopes: [read] };
  const after = { ...before, Name: 'api v2', Scopes: [write] };
  const created = await server.create(ctx, 'Api', before);
  assert.equal(created, { physicalId: 'https://api.example.com', attributes: {} });
  assert.is(server.replaces(before, after), false);
  assert.equal(await server.update(ctx, created, after, before), created);
  const described = await describe('https://api.example.com');
  assert.equal([described.Name, described.Scopes], ['api v2', [write]]);
  await server.delete(ctx, created, after);
  await assertCognitoError(describe('https://api.example.com'), 'ResourceNotFoundException');
});

test('AWS::Cognito::UserPoolResourceServer: Identifier and UserPoolId need a new server', () => {
  const props = { UserPoolId, Identifier: 'a', Name: 'n' };
  assert.ok(server.replaces(props, { ...props, Identifier: 'b' }));
  assert.ok(server.replaces(props, { ...props, UserPoolId: 'us-east-1_other' }));
});

test('AWS::Cognito::UserPoolResourceServer: an invalid scope name surfaces the Cognito error', async () => {
  await assertCognitoError(
    server.create(ctx, 'Bad', { UserPoolId, Identifier: 'bad', Name: 'bad', Scopes: [{ ScopeName: 'has space', ScopeDescription: 'x' }] }),
    'InvalidParameterException',
  );
});

test.run();
