import {
  DeleteIdentitiesCommand,
  DescribeIdentityCommand,
  GetIdCommand,
  ListIdentitiesCommand,
} from '@aws-sdk/client-cognito-identity';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { identityCall, rejection } from '../helpers/emulator.js';
import { identityWorld } from './setup.js';

const test = suite('identities');
const world = identityWorld(test);

test('DescribeIdentity: answers the linked providers and dates', async () => {
  const IdentityPoolId = await world.createPool({ AllowUnauthenticatedIdentities: true });
  const { IdentityId } = await world.identity.send(new GetIdCommand({ IdentityPoolId, Logins: { [world.provider]: (await world.signIn('quin')).id } }));
  const described = await world.identity.send(new DescribeIdentityCommand({ IdentityId }));
  assert.is(described.IdentityId, IdentityId);
  assert.equal(described.Logins, [world.provider]);
  assert.instance(described.CreationDate, Date);
  const guest = await world.identity.send(new GetIdCommand({ IdentityPoolId }));
  assert.equal((await world.identity.send(new DescribeIdentityCommand({ IdentityId: guest.IdentityId }))).Logins, []);
});

test('DescribeIdentity: bad input (malformed, unknown) is refused', async () => {
  assert.is((await rejection(world.identity.send(new DescribeIdentityCommand({ IdentityId: 'x' })))).name, 'ValidationException');
  const unknown = await rejection(world.identity.send(new DescribeIdentityCommand({ IdentityId: 'us-east-1:00000000-0000-0000-0000-000000000000' })));
  assert.is(unknown.name, 'ResourceNotFoundException');
});

test('ListIdentities: pages through a pool identities only', async () => {
  const IdentityPoolId = await world.createPool({ AllowUnauthenticatedIdentities: true });
  const other = await world.createPool({ AllowUnauthenticatedIdentities: true });
  const made = new Set<string>();
  for (let i = 0; i < 3; i++) made.add((await world.identity.send(new GetIdCommand({ IdentityPoolId }))).IdentityId!);
  await world.identity.send(new GetIdCommand({ IdentityPoolId: other }));
  const seen: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await world.identity.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 2, NextToken }));
    assert.is(page.IdentityPoolId, IdentityPoolId);
    seen.push(...page.Identities!.map((i) => i.IdentityId!));
    NextToken = page.NextToken;
  } while (NextToken);
  assert.equal(new Set(seen), made);
  assert.is(seen.length, 3);
});

test('ListIdentities: bad input (no MaxResults, unknown pool) is refused', async () => {
  const IdentityPoolId = 'us-east-1:00000000-0000-0000-0000-000000000000';
  const missing = await identityCall(world.emulator, 'ListIdentities', { IdentityPoolId }).catch((e) => e);
  assert.is(missing.message, "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null");
  assert.is((await rejection(world.identity.send(new ListIdentitiesCommand({ IdentityPoolId, MaxResults: 5 })))).name, 'ResourceNotFoundException');
});

test('DeleteIdentities: the identities are gone; a user signing in again gets a new one', async () => {
  const IdentityPoolId = await world.createPool();
  const Logins = { [world.provider]: (await world.signIn('rosa')).id };
  const { IdentityId } = await world.identity.send(new GetIdCommand({ IdentityPoolId, Logins }));
  const answer = await world.identity.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [IdentityId!] }));
  assert.equal(answer.UnprocessedIdentityIds, []);
  assert.is((await rejection(world.identity.send(new DescribeIdentityCommand({ IdentityId })))).name, 'ResourceNotFoundException');
  const again = await world.identity.send(new GetIdCommand({ IdentityPoolId, Logins }));
  assert.is.not(again.IdentityId, IdentityId);
});

test('DeleteIdentities: bad input (empty list, more than 60) is refused', async () => {
  const empty = await rejection(world.identity.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [] })));
  assert.is(empty.message, "1 validation error detected: Value '[]' at 'identityIdsToDelete' failed to satisfy constraint: Member must have length greater than or equal to 1");
  const ids = Array.from({ length: 61 }, () => 'us-east-1:00000000-0000-0000-0000-000000000000');
  assert.is((await rejection(world.identity.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: ids })))).name, 'ValidationException');
});

test.run();
