import {
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

async function pool(tags?: Record<string, string>): Promise<{ id: string; arn: string }> {
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: 'tagged', UserPoolTags: tags }));
  return { id: UserPool!.Id!, arn: UserPool!.Arn! };
}

test('TagResource: adds tags, replaces values of existing keys, and DescribeUserPool shows them', async () => {
  const { id, arn } = await pool({ team: 'auth', stage: 'dev' });
  const result = await emulator.call('TagResource', { ResourceArn: arn, Tags: { stage: 'prod', owner: 'ana' } });
  assert.is(result.status, 200);
  assert.equal(result.body, {});
  const { Tags } = await emulator.client.send(new ListTagsForResourceCommand({ ResourceArn: arn }));
  assert.equal(Tags, { team: 'auth', stage: 'prod', owner: 'ana' });
  const { UserPool } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
  assert.equal(UserPool!.UserPoolTags, { team: 'auth', stage: 'prod', owner: 'ana' });
});

test('TagResource: accepts an empty value and up to 50 tags, refuses the 51st', async () => {
  const { arn } = await pool();
  const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i === 0 ? '' : 'v']));
  await emulator.client.send(new TagResourceCommand({ ResourceArn: arn, Tags: fifty }));
  await assertRejects(emulator.client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { one: 'more' } })),
    'InvalidParameterException', 'A user pool can have as many as 50 tags.');
  await emulator.client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { k1: 'replaced' } }));
  const { Tags } = await emulator.client.send(new ListTagsForResourceCommand({ ResourceArn: arn }));
  assert.is(Object.keys(Tags!).length, 50);
  assert.is(Tags!.k0, '');
});

test('TagResource: an ARN of an unknown pool, or of a pool in another region, is a ResourceNotFoundException', async () => {
  assertAwsError(await emulator.call('TagResource', {
    ResourceArn: 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_nothere', Tags: { a: 'b' },
  }), 'ResourceNotFoundException', 404, 'User pool us-east-1_nothere does not exist.');
  const { id } = await pool();
  assertAwsError(await emulator.call('TagResource', {
    ResourceArn: `arn:aws:cognito-idp:eu-west-1:000000000000:userpool/${id}`, Tags: { a: 'b' },
  }), 'ResourceNotFoundException', 404);
});

test('TagResource: a malformed ARN, or one that names no user pool, is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('TagResource', { ResourceArn: 'not-an-arn', Tags: { a: 'b' } }), 'InvalidParameterException', 400,
    /^2 validation errors detected: Value 'not-an-arn' at 'resourceArn' failed to satisfy constraint: Member must have length greater than or equal to 20; .*regular expression pattern/);
  assertAwsError(await emulator.call('TagResource', { ResourceArn: 'arn:aws:iam::000000000000:role/admins', Tags: { a: 'b' } }),
    'InvalidParameterException', 400, 'arn:aws:iam::000000000000:role/admins is not the ARN of a user pool.');
});

test('TagResource: keys and values outside their lengths, and missing members, are refused', async () => {
  const { arn } = await pool();
  assertAwsError(await emulator.call('TagResource', { ResourceArn: arn, Tags: { ['k'.repeat(129)]: 'v' } }),
    'InvalidParameterException', 400, /at 'tags' failed to satisfy constraint: Member must have length less than or equal to 128/);
  assertAwsError(await emulator.call('TagResource', { ResourceArn: arn, Tags: { '': 'v' } }),
    'InvalidParameterException', 400, /at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1/);
  assertAwsError(await emulator.call('TagResource', { ResourceArn: arn, Tags: { k: 'v'.repeat(257) } }),
    'InvalidParameterException', 400, /Member must have length less than or equal to 256/);
  assertAwsError(await emulator.call('TagResource', { ResourceArn: arn }), 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
  assertAwsError(await emulator.call('TagResource', { ResourceArn: arn, Tags: { k: 1 } }), 'SerializationException');
});

test.run();
