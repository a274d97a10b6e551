import {
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';

let emulator: TestEmulator;
let poolId: string;
let arn: string;
test.before(async () => {
  emulator = await startTestEmulator();
  const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({
    PoolName: 'tagged', UserPoolTags: { team: 'auth', stage: 'dev', owner: 'ana' },
  }));
  poolId = UserPool!.Id!;
  arn = UserPool!.Arn!;
});
test.after(async () => {
  await emulator.close();
});

test('UntagResource: removes the keys named, ignoring keys the pool does not have', async () => {
  const result = await emulator.call('UntagResource', { ResourceArn: arn, TagKeys: ['stage', 'absent'] });
  assert.is(result.status, 200);
  assert.equal(result.body, {});
  const { UserPool } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
  assert.equal(UserPool!.UserPoolTags, { team: 'auth', owner: 'ana' });
  await emulator.client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['team', 'owner'] }));
  const after = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
  assert.equal(after.UserPool!.UserPoolTags, {});
});

test('UntagResource: an unknown pool, a bad ARN and bad keys are refused', async () => {
  assertAwsError(await emulator.call('UntagResource', {
    ResourceArn: 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_nothere', TagKeys: ['a'],
  }), 'ResourceNotFoundException', 404);
  assertAwsError(await emulator.call('UntagResource', { ResourceArn: 'arn:aws:sns:us-east-1:000000000000:topic', TagKeys: ['a'] }),
    'InvalidParameterException', 400, /is not the ARN of a user pool\.$/);
  assertAwsError(await emulator.call('UntagResource', { ResourceArn: arn, TagKeys: [''] }), 'InvalidParameterException', 400,
    /Value '' at 'tagKeys' failed to satisfy constraint: Member must have length greater than or equal to 1/);
  assertAwsError(await emulator.call('UntagResource', { ResourceArn: arn }), 'InvalidParameterException', 400,
    /Value null at 'tagKeys'/);
});

test.run();
