import {
  AdminCreateUserCommand,
  CreateGroupCommand,
  CreateUserPoolDomainCommand,
  DescribeUserPoolCommand,
  ListGroupsCommand,
  ListUsersCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { withEmulator } from '../../helpers/emulator.js';
import { assertOneWinner, cognito, newPool, PASSWORD, race } from './race.js';

// Names that must stay unique (usernames, verified email aliases, group names, domains) claimed by many calls at
// once over real HTTP: exactly one call wins and every other gets AWS's "already exists" error, and the store holds
// exactly one record (the pool's user count agrees). Each race prints its size and slowest call.

const N = 100;
const running = withEmulator(test, (started) => cognito(started.url));

async function usersOf(poolId: string) {
  return (await running.client.send(new ListUsersCommand({ UserPoolId: poolId }))).Users!;
}

const estimatedUsers = async (poolId: string) =>
  (await running.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.EstimatedNumberOfUsers;

test('SignUp: of many parallel sign-ups for one username exactly one succeeds, the rest UsernameExistsException', async () => {
  const { poolId, clientId } = await newPool(running.client);
  const tally = await race(N, (i) =>
    running.client.send(new SignUpCommand({ ClientId: clientId, Username: 'alice', Password: PASSWORD, UserAttributes: [{ Name: 'name', Value: `n${i}` }] })),
  );
  console.log(`  SignUp race: ${N} calls, slowest ${tally.maxMs.toFixed(0)} ms`);
  assertOneWinner(tally, N, 'UsernameExistsException');
  const stored = await usersOf(poolId);
  assert.is(stored.length, 1);
  // The stored user is the winner's, not a mix: its sub is the one SignUp answered.
  assert.is(stored[0]!.Attributes!.find((a) => a.Name === 'sub')!.Value, (tally.ok[0] as { UserSub: string }).UserSub);
  assert.is(await estimatedUsers(poolId), 1);
});

test('SignUp: a case-insensitive pool sees ALICE, alice and Alice as one username under a race', async () => {
  const { poolId, clientId } = await newPool(running.client, { UsernameConfiguration: { CaseSensitive: false } });
  const names = ['alice', 'ALICE', 'Alice', 'aLiCe'];
  const tally = await race(N, (i) => running.client.send(new SignUpCommand({ ClientId: clientId, Username: names[i % names.length], Password: PASSWORD })));
  assertOneWinner(tally, N, 'UsernameExistsException');
  assert.is((await usersOf(poolId)).length, 1);
});

test('AdminCreateUser: of many parallel creations of one username exactly one succeeds, the rest UsernameExistsException', async () => {
  const { poolId } = await newPool(running.client);
  const tally = await race(N, () => running.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'bob', MessageAction: 'SUPPRESS' })));
  console.log(`  AdminCreateUser race: ${N} calls, slowest ${tally.maxMs.toFixed(0)} ms`);
  assertOneWinner(tally, N, 'UsernameExistsException');
  assert.is((await usersOf(poolId)).length, 1);
  assert.is(await estimatedUsers(poolId), 1);
});

test('AdminCreateUser: SignUp and AdminCreateUser racing for one username leave one user', async () => {
  const { poolId, clientId } = await newPool(running.client);
  const tally = await race(N, (i) =>
    i % 2
      ? running.client.send(new SignUpCommand({ ClientId: clientId, Username: 'carol', Password: PASSWORD }))
      : running.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'carol', MessageAction: 'SUPPRESS' })),
  );
  assertOneWinner(tally, N, 'UsernameExistsException');
  assert.is((await usersOf(poolId)).length, 1);
});

test('AdminCreateUser: many users claiming one verified email alias: one holds it, the rest AliasExistsException', async () => {
  const { poolId } = await newPool(running.client, { AliasAttributes: ['email'] });
  const tally = await race(N, (i) =>
    running.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: `user${i}`,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: 'shared@example.com' }, { Name: 'email_verified', Value: 'true' }],
      }),
    ),
  );
  assertOneWinner(tally, N, 'AliasExistsException');
  const holders = await usersOf(poolId);
  assert.equal(holders.map((u) => u.Username), [(tally.ok[0] as { User: { Username: string } }).User.Username]);
  // The alias index agrees with the record: filtering on the email finds that one user.
  const found = await running.client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'email = "shared@example.com"' }));
  assert.equal(found.Users!.map((u) => u.Username), holders.map((u) => u.Username));
});

test('AdminCreateUser: with ForceAliasCreation, racing claimants leave exactly one verified holder of the email', async () => {
  const { poolId } = await newPool(running.client, { AliasAttributes: ['email'] });
  const n = 40;
  const tally = await race(n, (i) =>
    running.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: `user${i}`,
        MessageAction: 'SUPPRESS',
        ForceAliasCreation: true,
        UserAttributes: [{ Name: 'email', Value: 'shared@example.com' }, { Name: 'email_verified', Value: 'true' }],
      }),
    ),
  );
  assert.is(tally.ok.length, n, JSON.stringify(tally.errors));
  const all = await usersOf(poolId);
  assert.is(all.length, n);
  const verified = all.filter((u) => u.Attributes!.some((a) => a.Name === 'email_verified' && a.Value === 'true'));
  assert.is(verified.length, 1, `verified holders: ${verified.map((u) => u.Username).join(', ')}`);
});

test('SignUp: in an email-as-username pool, many sign-ups with one email leave one user', async () => {
  const { poolId, clientId } = await newPool(running.client, { UsernameAttributes: ['email'] });
  const tally = await race(N, () => running.client.send(new SignUpCommand({ ClientId: clientId, Username: 'dave@example.com', Password: PASSWORD })));
  assertOneWinner(tally, N, 'UsernameExistsException');
  assert.is((await usersOf(poolId)).length, 1);
});

test('CreateGroup: of many parallel creations of one group exactly one succeeds, the rest GroupExistsException', async () => {
  const { poolId } = await newPool(running.client);
  const tally = await race(N, (i) => running.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'admins', Description: `d${i}` })));
  assertOneWinner(tally, N, 'GroupExistsException');
  const { Groups } = await running.client.send(new ListGroupsCommand({ UserPoolId: poolId }));
  assert.equal(Groups!.map((g) => [g.GroupName, g.Description]), [['admins', (tally.ok[0] as { Group: { Description: string } }).Group.Description]]);
});

test('CreateUserPoolDomain: many pools racing for one prefix: one gets it, the rest InvalidParameterException', async () => {
  const pools = await Promise.all(Array.from({ length: 20 }, () => newPool(running.client)));
  const tally = await race(pools.length, (i) => running.client.send(new CreateUserPoolDomainCommand({ UserPoolId: pools[i]!.poolId, Domain: 'shared-prefix' })));
  assertOneWinner(tally, pools.length, 'InvalidParameterException');
  const domains = await Promise.all(pools.map(async ({ poolId }) => (await running.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.Domain));
  assert.is(domains.filter((d) => d === 'shared-prefix').length, 1);
});

test('CreateUserPoolDomain: one pool racing for many prefixes keeps one domain', async () => {
  const { poolId } = await newPool(running.client);
  const tally = await race(30, (i) => running.client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: `prefix-${i}` })));
  assertOneWinner(tally, 30, 'InvalidParameterException');
  const { UserPool } = await running.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
  assert.ok(UserPool!.Domain?.startsWith('prefix-'));
});

test.run();
