import { CognitoIdentityProviderClient, CreateUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
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

test('ListUserPools: pages through every pool of the region exactly once', async () => {
  const created = new Set<string>();
  for (let i = 0; i < 7; i++) {
    const { UserPool } = await emulator.client.send(new CreateUserPoolCommand({ PoolName: `pool${i}` }));
    created.add(UserPool!.Id!);
  }
  const seen: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await emulator.client.send(new ListUserPoolsCommand({ MaxResults: 3, NextToken }));
    assert.ok(page.UserPools!.length <= 3);
    for (const pool of page.UserPools!) {
      seen.push(pool.Id!);
      assert.ok(pool.Name && pool.CreationDate instanceof Date && pool.LambdaConfig);
    }
    NextToken = page.NextToken;
  } while (NextToken);
  assert.equal(new Set(seen), created);
  assert.is(seen.length, created.size);
});

test('ListUserPools: lists only the pools of the caller region', async () => {
  const other = new CognitoIdentityProviderClient({
    endpoint: emulator.url,
    region: 'ap-south-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  await other.send(new CreateUserPoolCommand({ PoolName: 'mumbai' }));
  const mumbai = await other.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  other.destroy();
  assert.equal(mumbai.UserPools!.map((p) => p.Name), ['mumbai']);
  const virginia = await emulator.client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  assert.not.ok(virginia.UserPools!.some((p) => p.Name === 'mumbai'));
});

test('ListUserPools: MaxResults is required and at most 60', async () => {
  assertAwsError(await emulator.call('ListUserPools', {}), 'InvalidParameterException', 400, /maxResults/);
  assertAwsError(await emulator.call('ListUserPools', { MaxResults: 61 }), 'InvalidParameterException', 400,
    /Member must have value less than or equal to 60/);
  assertAwsError(await emulator.call('ListUserPools', { MaxResults: 0 }), 'InvalidParameterException');
});

test.run();
