import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

// The defects the fuzzers found, pinned down one by one.

let emulator: TestEmulator;
let UserPoolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  UserPoolId = (await emulator.call('CreateUserPool', { PoolName: 'p' })).body.UserPool.Id;
  for (const Username of ['alice', 'bob']) await emulator.call('AdminCreateUser', { UserPoolId, Username, MessageAction: 'SUPPRESS' });
});
test.after(async () => {
  await emulator.close();
});

test('ListUsers: a fractional Limit is truncated as AWS reads it, never a 500', async () => {
  const half = await emulator.call('ListUsers', { UserPoolId, Limit: 0.5 });
  assert.is(half.status, 200, JSON.stringify(half.body));
  assert.is(half.body.Users.length, 2, '0.5 reads as 0, the default page');
  const oneAndAHalf = await emulator.call('ListUsers', { UserPoolId, Limit: 1.5 });
  assert.is(oneAndAHalf.status, 200, JSON.stringify(oneAndAHalf.body));
  assert.is(oneAndAHalf.body.Users.length, 1);
  assert.type(oneAndAHalf.body.PaginationToken, 'string');
});

test('SetRiskConfiguration: a member nested 100 000 levels deep is a SerializationException, never a 500', async () => {
  const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
  const answer = await emulator.call('SetRiskConfiguration', `{"UserPoolId":"${UserPoolId}","RiskExceptionConfiguration":${deep}}`);
  assert.is(answer.status, 400);
  assert.is(answer.body.__type, 'SerializationException');
  assert.is(answer.body.message, 'Request body nests deeper than 100 levels.');
  const brackets = await emulator.call('ListUsers', `{"UserPoolId":"${UserPoolId}","Filter":"${'['.repeat(1000)}"}`);
  assert.is(brackets.status, 400, 'brackets inside a string do not count as nesting');
  assert.is(brackets.body.__type, 'InvalidParameterException');
});

test('GetFunction: a 200-character function name gets the Lambda API\'s own error, never the router\'s 414', async () => {
  const answer = await emulator.app.inject({ method: 'GET', url: `/2015-03-31/functions/${'f'.repeat(200)}` });
  assert.ok(answer.statusCode >= 400 && answer.statusCode < 500, String(answer.statusCode));
  assert.is.not(answer.statusCode, 414);
  assert.type(answer.headers['x-amzn-errortype'], 'string', 'an AWS-shaped error names its type');
});

test('CreateUserPoolClient, UpdateUserPoolClient: a member sent as JSON null is absent, never a 500', async () => {
  // Found by the template fuzzer (a property mutated to `null`): the operations read `.length` of the null.
  const { ClientId } = (await emulator.call('CreateUserPoolClient', { UserPoolId, ClientName: 'nulls', CallbackURLs: null, AllowedOAuthFlows: null, SupportedIdentityProviders: null })).body.UserPoolClient;
  assert.type(ClientId, 'string');
  const updated = await emulator.call('UpdateUserPoolClient', { UserPoolId, ClientId, ClientName: null, CallbackURLs: null, AllowedOAuthFlows: null });
  assert.is(updated.status, 200, JSON.stringify(updated.body));
  assert.is(updated.body.UserPoolClient.ClientName, 'nulls', 'a null name keeps the name, as an absent one does');
  const required = await emulator.call('CreateUserPoolClient', { UserPoolId, ClientName: null });
  assert.is(required.body.__type, 'InvalidParameterException', 'a required member sent as null is still missing');
});

test.run();
