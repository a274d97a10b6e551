import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

async function post(headers: Record<string, string>, payload = '{}') {
  const response = await emulator.app.inject({ method: 'POST', url: '/', headers, payload });
  return { status: response.statusCode, body: JSON.parse(response.body), headers: response.headers };
}

test('Edge: an unknown operation of the service is an UnknownOperationException', async () => {
  assertAwsError(await emulator.call('MakeCoffee', {}), 'UnknownOperationException', 400, /MakeCoffee/);
});

test('Edge: an unknown service target or none at all is an UnknownOperationException', async () => {
  assertAwsError(await post({ 'x-amz-target': 'DynamoDB_20120810.ListTables' }), 'UnknownOperationException');
  assertAwsError(await post({}), 'UnknownOperationException', 400, /missing X-Amz-Target/);
});

test('Edge: an operation cogniform does not implement yet says so', async () => {
  const result = await emulator.call('CreateUserImportJob', { UserPoolId: 'us-east-1_abc', JobName: 'j', CloudWatchLogsRoleArn: 'arn:aws:iam::000000000000:role/x' });
  assertAwsError(result, 'UnsupportedOperationException', 400, 'cogniform does not implement CreateUserImportJob yet.');
});

test('Edge: answers carry the AWS JSON 1.1 content type and a request id', async () => {
  const result = await emulator.call('ListUserPools', { MaxResults: 1 });
  assert.is(result.status, 200);
  assert.match(String(result.headers['content-type']), /^application\/x-amz-json-1\.1/);
  assert.match(String(result.headers['x-amzn-requestid']), /^[0-9a-f-]{36}$/);
});

test('Edge: any content type and an empty body are accepted, as the SDKs vary', async () => {
  const result = await post({ 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools', 'content-type': 'application/json' },
    '{"MaxResults":5}');
  assert.is(result.status, 200);
  const empty = await post({ 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools' }, '');
  assertAwsError(empty, 'InvalidParameterException', 400, /maxResults/);
});

test('Edge: a body that is not a JSON object is a SerializationException', async () => {
  for (const payload of ['{', 'null', '"text"', '42', '[]']) {
    assertAwsError(await emulator.call('ListUserPools', payload), 'SerializationException');
  }
});

test('Edge: the region of a signed call comes from its credential scope', async () => {
  const result = await emulator.call('CreateUserPool', { PoolName: 'signed' }, {
    authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20261122/sa-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=00',
  });
  assert.match(result.body.UserPool.Id, /^sa-east-1_/);
});

test('Edge: timestamps go out as epoch seconds', async () => {
  const before = Date.now() / 1000;
  const result = await emulator.call('CreateUserPool', { PoolName: 'dated' });
  assert.type(result.body.UserPool.CreationDate, 'number');
  assert.ok(Math.abs(result.body.UserPool.CreationDate - before) < 60);
});

test.run();
