import { readFileSync } from 'node:fs';
import {
  CloudFormationClient,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsClient, withEmulator, type Running } from '../helpers/emulator.js';
import { eventually } from '../helpers/eventually.js';

// The CloudFormation SDK client against a test emulator, fixtures, and waits for the work that runs after a call.

export { rejection } from '../helpers/emulator.js';

export const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

export function cloudFormation(url: string, region = 'us-east-1'): CloudFormationClient {
  return awsClient(CloudFormationClient, { url }, { region });
}

/** Registers hooks on `suite` that give every test a fresh emulator and a CloudFormation client on it. */
export function withCloudFormation(suite: Test): Running<CloudFormationClient> {
  return withEmulator(suite, (emulator) => cloudFormation(emulator.url), { each: true });
}


/** Waits until the stack's status is no longer *_IN_PROGRESS (REVIEW_IN_PROGRESS is a resting state) and returns it. */
export async function settledStatus(client: CloudFormationClient, stack: string): Promise<string> {
  let status = '';
  await eventually(async () => {
    const { Stacks } = await client.send(new DescribeStacksCommand({ StackName: stack }));
    status = Stacks![0]!.StackStatus!;
    assert.ok(!status.endsWith('_IN_PROGRESS') || status === 'REVIEW_IN_PROGRESS', status);
  });
  return status;
}

/** Waits until the change set has left CREATE_PENDING / CREATE_IN_PROGRESS, as the serverless CLI polls it. */
export async function settledChangeSet(client: CloudFormationClient, stack: string, name: string) {
  let result: Awaited<ReturnType<typeof describeChangeSet>> | undefined;
  const describeChangeSet = () => client.send(new DescribeChangeSetCommand({ StackName: stack, ChangeSetName: name }));
  await eventually(async () => {
    result = await describeChangeSet();
    assert.ok(result.Status !== 'CREATE_PENDING' && result.Status !== 'CREATE_IN_PROGRESS', result.Status);
  });
  return result!;
}

/** Every event of the stack, newest first, following NextToken. */
export async function allEvents(client: CloudFormationClient, stack: string): Promise<StackEvent[]> {
  const events: StackEvent[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new DescribeStackEventsCommand({ StackName: stack, NextToken: token }));
    events.push(...page.StackEvents!);
    token = page.NextToken;
  } while (token);
  return events;
}

/** `LogicalId STATUS` lines, oldest first: the story the events tell. */
export const story = (events: StackEvent[]) => events.map((e) => `${e.LogicalResourceId} ${e.ResourceStatus}`).reverse();
