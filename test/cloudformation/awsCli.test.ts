import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsService } from '../helpers/awsCli.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// The AWS CLI's `cloudformation deploy` creates a change set, waits for it (DescribeChangeSet), executes it and waits
// for the stack (DescribeStacks waiter); a second run with no change says so and exits 0.

let emulator: TestEmulator;
let aws: ReturnType<typeof awsService>;
test.before(async () => {
  emulator = await startTestEmulator();
  aws = awsService(emulator.url, 'cloudformation');
});
test.after(async () => {
  await emulator.close();
});

/** The CLI names its change set after the current second; AWS keeps executed ones, so two runs in a second collide. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));

const template = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

test('aws cloudformation deploy: creates the stack, updates it, and reports no changes the third time', async () => {
  const first = await aws('deploy', '--template-file', template('notes.yaml'), '--stack-name', 'notes-cli');
  assert.is(first.code, 0, first.stderr);
  assert.match(first.stdout, /Successfully created\/updated stack - notes-cli/);
  await nextSecond();
  const second = await aws('deploy', '--template-file', template('notesWithGroup.yaml'), '--stack-name', 'notes-cli', '--parameter-overrides', 'Stage=dev');
  assert.is(second.code, 0, second.stderr);
  await nextSecond();
  const third = await aws('deploy', '--template-file', template('notesWithGroup.yaml'), '--stack-name', 'notes-cli', '--parameter-overrides', 'Stage=dev');
  assert.is(third.code, 0, third.stderr);
  assert.match(third.stdout + third.stderr, /No changes to deploy/);
  const described = await aws('describe-stacks', '--stack-name', 'notes-cli');
  assert.is(described.code, 0, described.stderr);
  const stack = described.json.Stacks[0];
  assert.is(stack.StackStatus, 'UPDATE_COMPLETE');
  assert.equal(stack.Parameters, [{ ParameterKey: 'Stage', ParameterValue: 'dev' }]);
  assert.match(stack.Outputs.find((o: { OutputKey: string }) => o.OutputKey === 'UserPoolId').OutputValue, /^us-east-1_/);
});

test('aws cloudformation describe-stacks: a missing stack fails with the ValidationError AWS gives', async () => {
  const missing = await aws('describe-stacks', '--stack-name', 'nope');
  assert.is(missing.code, 254);
  assert.match(missing.stderr, /An error occurred \(ValidationError\) when calling the DescribeStacks operation: Stack with id nope does not exist/);
});

test.run();
