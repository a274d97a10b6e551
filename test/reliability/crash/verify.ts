import {
  AdminListGroupsForUserCommand,
  DescribeUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { ChildEmulator } from '../../helpers/child.js';
import { MEMBERS, type Templates } from './load.js';
import type { LoadModel } from './model.js';
import { WATCHED_POOL, type TemplateVersion } from './templates.js';

// What a restarted emulator must show after the kill, through the API a user has: every acknowledged write (or the
// write in flight at the kill, never anything else), indexes that agree with their records (ListUsers filters vs the
// listing, ListUsersInGroup vs AdminListGroupsForUser, EstimatedNumberOfUsers vs the count), and stacks whose
// resources agree with the pools, groups and clients that exist. Problems are returned, not thrown, so that the soak
// can count them and go on.

interface StackView {
  name: string;
  status: string;
  source: string;
  resources: { logicalId: string; type: string; physicalId: string }[];
  lastReconcile: { error: string | null } | null;
}

const same = (a: Iterable<string>, b: Iterable<string>) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const show = (items: Iterable<string>) => JSON.stringify([...items].sort());
const notFound = (error: unknown) => (error as { name?: string }).name === 'ResourceNotFoundException';

async function allUsers(client: CognitoIdentityProviderClient, Filter?: string): Promise<Map<string, string>> {
  const users = new Map<string, string>();
  let PaginationToken: string | undefined;
  do {
    const page = await client.send(new ListUsersCommand({ UserPoolId: WATCHED_POOL, Limit: 60, PaginationToken, Filter }));
    for (const user of page.Users!) users.set(user.Username!, user.Attributes!.find((a) => a.Name === 'email')?.Value ?? '');
    PaginationToken = page.PaginationToken;
  } while (PaginationToken);
  return users;
}

async function groupNames(client: CognitoIdentityProviderClient, UserPoolId: string): Promise<string[]> {
  const names: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListGroupsCommand({ UserPoolId, Limit: 60, NextToken }));
    names.push(...page.Groups!.map((g) => g.GroupName!));
    NextToken = page.NextToken;
  } while (NextToken);
  return names;
}

async function clientIds(client: CognitoIdentityProviderClient, UserPoolId: string): Promise<string[]> {
  const { UserPoolClients } = await client.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 60 }));
  return UserPoolClients!.map((c) => c.ClientId!);
}

async function checkUsers(client: CognitoIdentityProviderClient, model: LoadModel, problems: string[]): Promise<void> {
  const listed = await allUsers(client);
  for (const [name, facts] of model.users) {
    const exists = listed.has(name);
    if (!facts.exists.allows(exists)) problems.push(`user ${name}: exists=${exists}, acknowledged exists=${facts.exists.value}`);
    facts.exists.settle(exists);
    if (!exists) continue;
    const email = listed.get(name)!;
    if (!facts.email.allows(email)) problems.push(`user ${name}: email ${email}, acknowledged ${facts.email.value} (in flight ${facts.email.pending?.value})`);
    facts.email.settle(email);
  }
  for (const name of listed.keys()) if (!model.users.has(name)) problems.push(`user ${name} listed but never signed up`);
  // The attribute index: a user whose record changed is found by its current email, and only it.
  for (const name of model.touched) {
    if (!listed.has(name)) continue;
    const found = await allUsers(client, `email = "${listed.get(name)}"`);
    if (!same(found.keys(), [name])) problems.push(`ListUsers email = "${listed.get(name)}" found ${show(found.keys())}, not ${name}`);
  }
  const { UserPool } = await client.send(new DescribeUserPoolCommand({ UserPoolId: WATCHED_POOL }));
  if (UserPool!.EstimatedNumberOfUsers !== listed.size) {
    problems.push(`EstimatedNumberOfUsers ${UserPool!.EstimatedNumberOfUsers}, ListUsers lists ${listed.size}`);
  }
  model.touched.clear();
}

async function checkGroups(client: CognitoIdentityProviderClient, model: LoadModel, watched: TemplateVersion, problems: string[]) {
  const names = await groupNames(client, WATCHED_POOL);
  const api = new Set(names.filter((n) => n.startsWith('api-')));
  for (const [name, fact] of model.groups) {
    if (!fact.allows(api.has(name))) problems.push(`group ${name}: exists=${api.has(name)}, acknowledged ${fact.value}`);
    fact.settle(api.has(name));
    if (!api.has(name)) for (const user of MEMBERS) model.member(name, user).settle(false);
  }
  for (const name of api) if (!model.groups.has(name)) problems.push(`group ${name} exists but was never created`);
  const fromTemplate = names.filter((n) => n.startsWith('t-'));
  if (!same(fromTemplate, watched.groups)) problems.push(`the watched template's groups are ${show(watched.groups)}, the pool has ${show(fromTemplate)}`);

  // Memberships both ways: the group's member list and each user's group list come from different index entries.
  const byUser = new Map<string, Set<string>>(MEMBERS.map((user) => [user, new Set()]));
  for (const group of names) {
    const { Users } = await client.send(new ListUsersInGroupCommand({ UserPoolId: WATCHED_POOL, GroupName: group, Limit: 60 }));
    for (const user of Users!) byUser.get(user.Username!)?.add(group);
  }
  for (const user of MEMBERS) {
    const { Groups } = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: WATCHED_POOL, Username: user, Limit: 60 }));
    const listed = Groups!.map((g) => g.GroupName!);
    if (!same(listed, byUser.get(user)!)) problems.push(`AdminListGroupsForUser ${user}: ${show(listed)}, ListUsersInGroup: ${show(byUser.get(user)!)}`);
    for (const group of api) {
      const fact = model.member(group, user);
      const member = byUser.get(user)!.has(group);
      if (!fact.allows(member)) problems.push(`${user} in ${group}: ${member}, acknowledged ${fact.value}`);
      fact.settle(member);
    }
  }
}

/** The stack's resources and the pool's groups and clients agree, and the stack holds `expected`. */
async function checkStack(client: CognitoIdentityProviderClient, stack: StackView | undefined, expected: TemplateVersion, problems: string[]) {
  if (!stack) return void problems.push('a stack is missing');
  const of = (type: string) => stack.resources.filter((r) => r.type === `AWS::Cognito::${type}`);
  const pool = of('UserPool')[0]?.physicalId;
  if (!pool) return void problems.push(`stack ${stack.name} has no pool: ${JSON.stringify(stack)}`);
  const groups = await groupNames(client, pool).catch((error) => (notFound(error) ? undefined : Promise.reject(error)));
  if (!groups) return void problems.push(`stack ${stack.name}'s pool ${pool} does not exist`);
  const stackGroups = of('UserPoolGroup').map((r) => r.physicalId);
  const poolGroups = groups.filter((n) => /^[td]-/.test(n));
  if (!same(stackGroups, poolGroups)) problems.push(`stack ${stack.name} lists groups ${show(stackGroups)}, pool ${pool} has ${show(poolGroups)}`);
  const stackClients = of('UserPoolClient').map((r) => r.physicalId);
  const poolClients = await clientIds(client, pool);
  if (!same(stackClients, poolClients)) problems.push(`stack ${stack.name} lists clients ${show(stackClients)}, pool ${pool} has ${show(poolClients)}`);
  if (pool !== expected.poolId) problems.push(`stack ${stack.name} has pool ${pool}, its template ${expected.poolId}`);
  if (!same(stackGroups, expected.groups)) problems.push(`stack ${stack.name} lists groups ${show(stackGroups)}, its template ${show(expected.groups)}`);
  const logicalClients = stack.resources.filter((r) => r.type === 'AWS::Cognito::UserPoolClient' && r.logicalId !== 'LoadClient').map((r) => r.logicalId);
  if (!same(logicalClients, expected.clients)) problems.push(`stack ${stack.name} lists clients ${show(logicalClients)}, its template ${show(expected.clients)}`);
  if (!stack.status.endsWith('_COMPLETE')) problems.push(`stack ${stack.name} is ${stack.status}`);
  if (stack.lastReconcile?.error) problems.push(`stack ${stack.name}'s last reconcile failed: ${stack.lastReconcile.error}`);
}

export async function verify(emulator: ChildEmulator, model: LoadModel, templates: Templates): Promise<string[]> {
  const problems: string[] = [];
  const { client } = emulator;
  await checkUsers(client, model, problems);
  await checkGroups(client, model, templates.watched, problems);

  const { stacks } = (await (await fetch(`${emulator.url}/_cogniform/stacks`)).json()) as { stacks: StackView[] };
  const bySource = (file: string) => stacks.find((s) => s.source === file);
  // The watched template is reconciled at start: its stack must hold exactly the file's last version.
  const watched = bySource(templates.watchedFile);
  await checkStack(client, watched, templates.watched, problems);
  // A deploy cut off is run again at start: the stack holds the acknowledged version or the one in flight.
  const { deployed } = templates;
  const deployedStack = bySource(templates.deployedFile);
  const candidates = [deployed.value, ...(deployed.pending ? [deployed.pending] : [])];
  const outcomes: string[][] = [];
  for (const candidate of candidates) {
    outcomes.push([]);
    await checkStack(client, deployedStack, candidate, outcomes.at(-1)!);
    if (!outcomes.at(-1)!.length) {
      templates.deployed = { value: candidate };
      break;
    }
  }
  if (outcomes.every((found) => found.length)) problems.push(...outcomes.flat());
  // A pool replacement cut in half leaves no pool behind that no stack lists.
  for (const pool of ['us-east-1_CrashDeployed1', 'us-east-1_CrashDeployed2']) {
    if (deployedStack?.resources.some((r) => r.physicalId === pool)) continue;
    const there = await client.send(new DescribeUserPoolCommand({ UserPoolId: pool })).then(() => true, (e) => (notFound(e) ? false : Promise.reject(e)));
    if (there) problems.push(`pool ${pool} exists but no stack lists it`);
  }
  return problems;
}
