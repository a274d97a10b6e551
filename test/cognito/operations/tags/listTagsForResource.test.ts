import { CreateUserPoolCommand, ListTagsForResourceCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

test('ListTagsForResource: lists the tags the pool was created with', async () => {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'p', UserPoolTags: { env: 'test' } }));
  const { Tags } = await emulator.client.send(new ListTagsForResourceCommand({ ResourceArn: UserPool!.Arn }));
  assert.equal(Tags, { env: 'test' });
});

test('ListTagsForResource: a pool without tags answers an empty map', async () => {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'p' }));
  const result = await emulator.call('ListTagsForResource', { ResourceArn: UserPool!.Arn });
  assert.is(result.status, 200);
  assert.equal(result.body, { Tags: {} });
});

test('ListTagsForResource: a missing, malformed or unknown ARN is refused', async () => {
  assertAwsError(await emulator.call('ListTagsForResource', {}), 'InvalidParameterException', 400, /Value null at 'resourceArn'/);
  assertAwsError(await emulator.call('ListTagsForResource', { ResourceArn: 'arn:aws:cognito-idp:us-east-1:000000000000:userpool' }),
    'InvalidParameterException', 400);
  assertAwsError(await emulator.call('ListTagsForResource', {
    ResourceArn: 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_nothere',
  }), 'ResourceNotFoundException', 404, 'User pool us-east-1_nothere does not exist.');
});

test.run();
