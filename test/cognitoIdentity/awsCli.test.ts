import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { awsService } from '../helpers/awsCli.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

const test = suite('aws cognito-identity');
let emulator: TestEmulator;

test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(() => emulator.close());

test('aws cognito-identity: create-identity-pool, then get-id for a guest and describe-identity-pool', async () => {
  const aws = awsService(emulator.url, 'cognito-identity');
  const created = await aws('create-identity-pool', '--identity-pool-name', 'cli pool', '--allow-unauthenticated-identities');
  assert.is(created.code, 0, created.stderr);
  const id = created.json.IdentityPoolId as string;
  assert.match(id, /^us-east-1:/);
  const identity = await aws('get-id', '--identity-pool-id', id);
  assert.is(identity.code, 0, identity.stderr);
  assert.match(identity.json.IdentityId, /^us-east-1:[0-9a-f-]{36}$/);
  const missing = await aws('describe-identity-pool', '--identity-pool-id', 'us-east-1:00000000-0000-0000-0000-000000000000');
  assert.is.not(missing.code, 0);
  assert.match(missing.stderr, 'ResourceNotFoundException');
});

test.run();
