import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memberships } from '../../../src/cognito/model/group.js';
import { withEmulator } from '../../helpers/emulator.js';
import { cognito, newPool, PASSWORD, race, seeded, withSeed } from './race.js';

// Writes to the same records from many calls at once must end in a state that agrees with itself: memberships seen
// the same from the group's side and the user's, every attribute of a user from one call (no mix of two), the
// ListUsers indexes matching the record, and no revoked or signed-out refresh token working afterwards.

const running = withEmulator(test, (started) => cognito(started.url));

const createUser = (poolId: string, Username: string, UserAttributes: { Name: string; Value: string }[] = []) =>
  running.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username, MessageAction: 'SUPPRESS', UserAttributes }));

test('AdminAddUserToGroup: interleaved adds, removes, group and user deletions agree from both sides afterwards', async () => {
  const { poolId } = await newPool(running.client);
  const groups = Array.from({ length: 8 }, (_, i) => `g${i}`);
  const people = Array.from({ length: 6 }, (_, i) => `u${i}`);
  await Promise.all(groups.map((GroupName) => running.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName }))));
  await Promise.all(people.map((name) => createUser(poolId, name)));
  const rng = seeded('group mix');
  const doomedGroup = 'g7';
  const doomedUser = 'u5';
  const calls = 200;
  await withSeed(rng.describe, async () => {
    const tally = await race(calls, (i) => {
      const UserPoolId = poolId;
      const GroupName = rng.pick(groups);
      const Username = rng.pick(people);
      if (i === calls / 2) return running.client.send(new DeleteGroupCommand({ UserPoolId, GroupName: doomedGroup }));
      if (i === calls / 2 + 1) return running.client.send(new AdminDeleteUserCommand({ UserPoolId, Username: doomedUser }));
      return rng.next() < 0.6
        ? running.client.send(new AdminAddUserToGroupCommand({ UserPoolId, GroupName, Username }))
        : running.client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, GroupName, Username }));
    });
    console.log(`  group mix: ${calls} calls, slowest ${tally.maxMs.toFixed(0)} ms, errors ${JSON.stringify(tally.errors)}`);
    // Calls that came after the deletions find the group or user gone; nothing else may fail.
    for (const name of Object.keys(tally.errors)) assert.ok(['ResourceNotFoundException', 'UserNotFoundException'].includes(name), name);

    const byGroup = new Set<string>();
    for (const GroupName of groups.filter((g) => g !== doomedGroup)) {
      const { Users } = await running.client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName }));
      for (const user of Users!) byGroup.add(`${user.Username} ${GroupName}`);
    }
    const byUser = new Set<string>();
    for (const Username of people.filter((p) => p !== doomedUser)) {
      const { Groups } = await running.client.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username }));
      for (const group of Groups!) byUser.add(`${Username} ${group.GroupName}`);
    }
    assert.equal([...byUser].sort(), [...byGroup].sort());
    // Nothing stored refers to the deleted group or user: no membership outlived either.
    const stored = (await running.emulator.store.table(memberships).list([poolId], { limit: 1000 })).items;
    assert.equal(stored.map((m) => `${m.UserKey} ${m.GroupName}`).sort(), [...byGroup].sort());
  });
});

test('AdminUpdateUserAttributes: many parallel updates of one user leave one call\'s values, and the indexes agree', async () => {
  const { poolId } = await newPool(running.client, { AliasAttributes: ['email'] });
  await createUser(poolId, 'erin', [{ Name: 'email', Value: 'erin-0@example.com' }, { Name: 'email_verified', Value: 'true' }]);
  const calls = 100;
  const tally = await race(calls, (i) =>
    running.client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: 'erin',
        UserAttributes: [
          { Name: 'name', Value: `name-${i}` },
          { Name: 'given_name', Value: `given-${i}` },
          { Name: 'email', Value: `erin-${i}@example.com` },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    ),
  );
  console.log(`  attribute updates: ${calls} calls, slowest ${tally.maxMs.toFixed(0)} ms`);
  assert.is(tally.ok.length, calls, JSON.stringify(tally.errors));
  const { UserAttributes } = await running.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'erin' }));
  const value = (name: string) => UserAttributes!.find((a) => a.Name === name)?.Value;
  const winner = /^name-(\d+)$/.exec(value('name')!)![1];
  // One call's values throughout, not a mix of two.
  assert.is(value('given_name'), `given-${winner}`);
  assert.is(value('email'), `erin-${winner}@example.com`);
  // Each filter index holds the winning value only: no entry was left behind by an overwritten version.
  for (const [attribute, prefix] of [['name', 'name-'], ['given_name', 'given-']] as const) {
    const { Users } = await running.client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: `${attribute} ^= "${prefix}"` }));
    assert.equal(Users!.map((u) => u.Attributes!.find((a) => a.Name === attribute)!.Value), [`${prefix}${winner}`]);
  }
  // The alias index too: the winning email signs the user in, and a losing one names nobody.
  const loser = winner === '1' ? '2' : '1';
  assert.is((await running.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: `erin-${winner}@example.com` }))).Username, 'erin');
  const { Users: byOldEmail } = await running.client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: `email = "erin-${loser}@example.com"` }));
  assert.is(byOldEmail!.length, 0);
  await running.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: `erin-${loser}@example.com` })).then(
    () => assert.unreachable('a stale alias still finds the user'),
    (error: Error) => assert.is(error.name, 'UserNotFoundException'),
  );
});

/** A confirmed user with a password, signed in `n` times: n independent sessions. */
async function signedIn(n: number) {
  const { poolId, clientId } = await newPool(running.client);
  await createUser(poolId, 'frank');
  await running.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'frank', Password: PASSWORD, Permanent: true }));
  const sessions = await Promise.all(
    Array.from({ length: n }, async () => {
      const { AuthenticationResult } = await running.client.send(
        new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'frank', PASSWORD } }),
      );
      return { refresh: AuthenticationResult!.RefreshToken!, access: AuthenticationResult!.AccessToken! };
    }),
  );
  return { poolId, clientId, sessions };
}

/** A refresh with REFRESH_TOKEN_AUTH; answers the new access token, tagged with the session it came from. */
const refresh = (clientId: string, token: string, session = -1) =>
  running.client
    .send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: token } }))
    .then((r) => ({ session, access: r.AuthenticationResult!.AccessToken! }));

type Refreshed = { session: number; access: string };
const refreshedIn = (results: unknown[]) => results.filter((r): r is Refreshed => typeof r === 'object' && r !== null && 'access' in r);

/** Uses every token at once; each must fail with NotAuthorizedException. */
async function assertAllRejected(label: string, tokens: string[], use: (token: string) => Promise<unknown>) {
  const tally = await race(tokens.length, (i) => use(tokens[i]!));
  assert.equal(tally.errors, { NotAuthorizedException: tokens.length }, `${label}: ${tally.ok.length} of ${tokens.length} still work`);
}

const getUser = (AccessToken: string) => running.client.send(new GetUserCommand({ AccessToken }));

test('GlobalSignOut: refreshes racing a global sign-out leave no refresh or access token working afterwards', async () => {
  const { clientId, sessions } = await signedIn(10);
  const calls = sessions.length * 5 + 1;
  const tally = await race(calls, (i) =>
    i === Math.floor(calls / 2)
      ? running.client.send(new GlobalSignOutCommand({ AccessToken: sessions[0]!.access }))
      : refresh(clientId, sessions[i % sessions.length]!.refresh),
  );
  const refreshed = refreshedIn(tally.ok);
  console.log(`  refreshes during GlobalSignOut: ${refreshed.length} succeeded, errors ${JSON.stringify(tally.errors)}`);
  for (const name of Object.keys(tally.errors)) assert.is(name, 'NotAuthorizedException');
  assert.is(tally.ok.length - refreshed.length, 1, 'GlobalSignOut succeeded');
  await assertAllRejected('refresh tokens', sessions.map((s) => s.refresh), (token) => refresh(clientId, token));
  await assertAllRejected('access tokens', [...sessions.map((s) => s.access), ...refreshed.map((r) => r.access)], getUser);
});

test('RevokeToken: refreshes racing revocations: the revoked sessions are dead afterwards, the others still work', async () => {
  const { clientId, sessions } = await signedIn(12);
  const isRevoked = (session: number) => session % 2 === 0;
  const revoked = sessions.filter((_, i) => isRevoked(i));
  const tally = await race(sessions.length * 4 + revoked.length, (i) =>
    i < revoked.length
      ? running.client.send(new RevokeTokenCommand({ ClientId: clientId, Token: revoked[i]!.refresh }))
      : refresh(clientId, sessions[i % sessions.length]!.refresh, i % sessions.length),
  );
  for (const name of Object.keys(tally.errors)) assert.is(name, 'NotAuthorizedException');
  const refreshed = refreshedIn(tally.ok);
  await assertAllRejected('revoked refresh tokens', revoked.map((s) => s.refresh), (token) => refresh(clientId, token));
  // An access token minted by a refresh that won the race belongs to its (now revoked) session, and dies with it.
  const deadAccess = [...revoked.map((s) => s.access), ...refreshed.filter((r) => isRevoked(r.session)).map((r) => r.access)];
  await assertAllRejected('revoked sessions\' access tokens', deadAccess, getUser);
  const kept = sessions.filter((_, i) => !isRevoked(i));
  const stillWorking = await race(kept.length, (i) => refresh(clientId, kept[i]!.refresh));
  assert.is(stillWorking.ok.length, kept.length, JSON.stringify(stillWorking.errors));
  const keptAccess = await race(kept.length, (i) => getUser(kept[i]!.access));
  assert.is(keptAccess.ok.length, kept.length, JSON.stringify(keptAccess.errors));
});

test('AdminUserGlobalSignOut: a sign-out racing refreshes leaves every session begun before it dead', async () => {
  const { poolId, clientId, sessions } = await signedIn(8);
  const tally = await race(41, (i) =>
    i === 20
      ? running.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'frank' }))
      : refresh(clientId, sessions[i % sessions.length]!.refresh),
  );
  const refreshed = refreshedIn(tally.ok);
  await assertAllRejected('refresh tokens', sessions.map((s) => s.refresh), (token) => refresh(clientId, token));
  await assertAllRejected('access tokens', [...sessions.map((s) => s.access), ...refreshed.map((r) => r.access)], getUser);
});

test.run();
