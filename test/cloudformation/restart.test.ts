import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateStackCommand, DescribeStacksCommand, GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator } from '../helpers/emulator.js';
import { allEvents, cloudFormation, fixture, settledStatus } from './helpers.js';

let dir: string;
test.before.each(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cogniform-cfn-'));
});
test.after.each(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('CreateStack: a restart on the data dir keeps the stack, its events, outputs and template', async () => {
  const dataDir = path.join(dir, 'data');
  const first = await startTestEmulator({ inMemory: false, dataDir });
  const client = cloudFormation(first.url);
  let before;
  try {
    await client.send(new CreateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notes.yaml') }));
    await settledStatus(client, 'notes-local');
    before = { stack: (await client.send(new DescribeStacksCommand({ StackName: 'notes-local' }))).Stacks![0], events: await allEvents(client, 'notes-local') };
  } finally {
    client.destroy();
    await first.close();
  }
  const second = await startTestEmulator({ inMemory: false, dataDir });
  const again = cloudFormation(second.url);
  try {
    assert.equal((await again.send(new DescribeStacksCommand({ StackName: 'notes-local' }))).Stacks![0], before.stack);
    assert.equal(await allEvents(again, 'notes-local'), before.events);
    assert.is((await again.send(new GetTemplateCommand({ StackName: 'notes-local' }))).TemplateBody, fixture('notes.yaml'));
  } finally {
    again.destroy();
    await second.close();
  }
});

test('DescribeStacks: shows the stacks of template files, and their reconcile leaves the API\'s stacks alone', async () => {
  const templates = path.join(dir, 'templates');
  await mkdir(templates);
  await writeFile(path.join(templates, 'auth.yaml'), fixture('notes.yaml'));
  const emulator = await startTestEmulator({ templates: { paths: [templates], watch: false, stage: 'local', parameters: {} } });
  const client = cloudFormation(emulator.url);
  try {
    const fileStack = (await client.send(new DescribeStacksCommand({ StackName: 'auth' }))).Stacks![0]!;
    assert.is(fileStack.StackStatus, 'CREATE_COMPLETE');
    assert.match(fileStack.Outputs!.find((o) => o.OutputKey === 'UserPoolId')!.OutputValue!, /^us-east-1_/);
    await client.send(new CreateStackCommand({ StackName: 'notes-local', TemplateBody: fixture('notes.yaml') }));
    await settledStatus(client, 'notes-local');
    await rm(path.join(templates, 'auth.yaml'));
    await emulator.templates.reconcileAll();
    const { Stacks } = await client.send(new DescribeStacksCommand({}));
    assert.equal(Stacks!.map((s) => `${s.StackName} ${s.StackStatus}`), ['notes-local CREATE_COMPLETE']);
  } finally {
    client.destroy();
    await emulator.close();
  }
});

test.run();
