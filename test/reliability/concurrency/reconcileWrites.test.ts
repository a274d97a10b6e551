import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand, paginateListStackResources } from '@aws-sdk/client-cloudformation';
import {
  AdminCreateUserCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUsersCommand,
  paginateListGroups,
  SignUpCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsClient, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { eventually } from '../../helpers/eventually.js';
import { cognito, newPool, PASSWORD, race, type Tally } from './race.js';

// API writes on one pool while a big template reconciles (file templates, then a CloudFormation CreateStack): the
// reconcile runs beside the API, not in front of it. Every write is kept, none waits long, and the reconcile ends
// complete. The bound is generous (a loaded 2-core machine); each run prints the slowest call it saw.

const GROUPS = 250;
const CLIENTS = 20;
/** Writes in flight at a time; waves follow one another until the reconcile ends. */
const WAVE = 8;
const MAX_LATENCY_MS = 2000;

/** One pool with many groups and clients: a reconcile of a few hundred provider calls (pretty JSON: see sources.ts). */
function bigTemplate(description: string): string {
  const resources: Record<string, unknown> = { Pool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'big' } } };
  for (let i = 0; i < GROUPS; i++) {
    resources[`Group${i}`] = { Type: 'AWS::Cognito::UserPoolGroup', Properties: { UserPoolId: { Ref: 'Pool' }, GroupName: `group-${i}`, Description: description } };
  }
  for (let i = 0; i < CLIENTS; i++) {
    resources[`Client${i}`] = { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, ClientName: `client-${i}-${description}` } };
  }
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources, Outputs: { PoolId: { Value: { Ref: 'Pool' } } } }, null, 2);
}

let dir: string;
let emulator: TestEmulator;
let client: CognitoIdentityProviderClient;

test.before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cogniform-concurrency-'));
  await writeFile(path.join(dir, 'big.json'), bigTemplate('v1'));
  // v1 is created at start; the test's reconcile updates every group and client to v2.
  emulator = await startTestEmulator({ templates: { paths: [dir], watch: false, stage: 'local', parameters: {} } });
  client = cognito(emulator.url);
});
test.after(async () => {
  client.destroy();
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

interface Beside {
  tally: Tally;
  /** Writes started before the reconcile ended. */
  during: number;
  reconcileMs: number;
}

/** Sign-ups and admin creations on `poolId`, in waves of WAVE calls, from the start of `reconcile` until it ends. */
async function writesDuring(poolId: string, clientId: string, reconcile: () => Promise<unknown>): Promise<Beside> {
  const started = performance.now();
  let reconcileMs: number | undefined;
  const done = reconcile().then(() => (reconcileMs = performance.now() - started));
  const tally: Tally = { ok: [], errors: {}, maxMs: 0 };
  let during = 0;
  for (let wave = 0; reconcileMs === undefined; wave++) {
    const result = await race(WAVE, (i) => {
      const Username = `w${wave}-${i}`;
      return i % 2
        ? client.send(new SignUpCommand({ ClientId: clientId, Username, Password: PASSWORD }))
        : client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username, MessageAction: 'SUPPRESS' }));
    });
    during += WAVE;
    tally.ok.push(...result.ok);
    for (const [name, n] of Object.entries(result.errors)) tally.errors[name] = (tally.errors[name] ?? 0) + n;
    tally.maxMs = Math.max(tally.maxMs, result.maxMs);
  }
  await done;
  return { tally, during, reconcileMs: reconcileMs! };
}

function report(label: string, { tally, during, reconcileMs }: Beside) {
  console.log(`  ${label}: ${reconcileMs.toFixed(0)} ms; ${during} writes beside it, slowest ${tally.maxMs.toFixed(0)} ms`);
  assert.equal(tally.errors, {});
  assert.ok(tally.maxMs < MAX_LATENCY_MS, `slowest write ${tally.maxMs} ms`);
  // The reconcile did not run alone: waves overlapped it (the first wave starts with it).
  assert.ok(during >= WAVE * 2, `only ${during} writes overlapped the reconcile`);
}

async function assertAllUsersKept(poolId: string, expected: number) {
  const names: string[] = [];
  let PaginationToken: string | undefined;
  do {
    const page = await client.send(new ListUsersCommand({ UserPoolId: poolId, PaginationToken }));
    names.push(...page.Users!.map((u) => u.Username!));
    PaginationToken = page.PaginationToken;
  } while (PaginationToken);
  assert.is(names.length, expected);
  assert.is((await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.EstimatedNumberOfUsers, expected);
}

async function assertBigPool(poolId: string, description: string) {
  const Groups = [];
  for await (const page of paginateListGroups({ client }, { UserPoolId: poolId })) Groups.push(...page.Groups!);
  assert.is(Groups.length, GROUPS);
  assert.ok(Groups.every((g) => g.Description === description));
  const { UserPoolClients } = await client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 60 }));
  assert.is(UserPoolClients!.length, CLIENTS);
  assert.ok(UserPoolClients!.every((c) => c.ClientName!.endsWith(`-${description}`)));
}

test('reconcile: sign-ups and admin creations during a template reconcile are all kept and none waits long', async () => {
  const { poolId, clientId } = await newPool(client);
  await writeFile(path.join(dir, 'big.json'), bigTemplate('v2'));
  const beside = await writesDuring(poolId, clientId, async () => {
    const { errors } = await emulator.templates.reconcileAll();
    assert.equal(errors, []);
  });
  report('template reconcile', beside);
  await assertAllUsersKept(poolId, beside.during);
  const stack = (await emulator.app.inject({ url: '/_cogniform/stacks' })).json().stacks.find((s: { name: string }) => s.name === 'big');
  await assertBigPool(stack.outputs.PoolId, 'v2');
});

test('CreateStack: sign-ups and admin creations during a CloudFormation stack creation are all kept and none waits long', async () => {
  const cloudFormation = awsClient(CloudFormationClient, emulator);
  try {
    const { poolId, clientId } = await newPool(client);
    const beside = await writesDuring(poolId, clientId, async () => {
      await cloudFormation.send(new CreateStackCommand({ StackName: 'big-api', TemplateBody: bigTemplate('v3') }));
      await eventually(async () => {
        const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: 'big-api' }));
        assert.is(Stacks![0]!.StackStatus, 'CREATE_COMPLETE');
      }, 30_000);
    });
    report('CreateStack', beside);
    await assertAllUsersKept(poolId, beside.during);
    const summaries = [];
    for await (const page of paginateListStackResources({ client: cloudFormation }, { StackName: 'big-api' })) summaries.push(...page.StackResourceSummaries!);
    assert.is(summaries.length, 1 + GROUPS + CLIENTS);
    const pool = summaries.find((r) => r.LogicalResourceId === 'Pool')!.PhysicalResourceId!;
    await assertBigPool(pool, 'v3');
  } finally {
    cloudFormation.destroy();
  }
});

test.run();
