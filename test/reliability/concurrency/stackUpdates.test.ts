import { CreateStackCommand, DescribeStacksCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, fixture, settledStatus, withCloudFormation } from '../../cloudformation/helpers.js';
import { race } from './race.js';

// Two or more UpdateStacks on one stack at once: CloudFormation takes one and refuses the others while it runs
// ("Stack:<id> is in UPDATE_IN_PROGRESS state and can not be updated.", ValidationError), and the stack's events
// tell one update from start to end.

const running = withCloudFormation(test);

test('UpdateStack: of parallel updates of one stack one runs, the others get ValidationError, the events tell one update', async () => {
  const { client } = running;
  const { StackId } = await client.send(new CreateStackCommand({ StackName: 'notes', TemplateBody: fixture('notes.yaml') }));
  await settledStatus(client, 'notes');
  const n = 10;
  const tally = await race(n, () => client.send(new UpdateStackCommand({ StackName: 'notes', TemplateBody: fixture('notesWithGroup.yaml') })));
  assert.is(tally.ok.length, 1, JSON.stringify(tally.errors));
  assert.equal(tally.errors, { ValidationError: n - 1 });
  assert.is(await settledStatus(client, 'notes'), 'UPDATE_COMPLETE');
  const { Stacks } = await client.send(new DescribeStacksCommand({ StackName: 'notes' }));
  assert.is(Stacks![0]!.StackId, StackId);
  const stackEvents = (await allEvents(client, 'notes')).filter((e) => e.LogicalResourceId === 'notes').map((e) => e.ResourceStatus).reverse();
  assert.equal(stackEvents, ['CREATE_IN_PROGRESS', 'CREATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_COMPLETE']);
});

test.run();
