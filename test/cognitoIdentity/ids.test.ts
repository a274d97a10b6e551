import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomIds } from '../../src/cognito/ids.js';
import type { IdentityPoolsSurface } from '../../src/cognitoIdentity/index.js';
import { awsClient, identityCall, rejection, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { internalSurface, UNAUTH_ROLE } from './setup.js';

// The project rule "clock and ids injected": the identity pools take their ids from the emulator's `ids` (the
// user pools' source, src/cognito/ids.ts), and CreateIdentityPool takes a pinned id from cogniform itself (the
// reconciler, src/iac/resources/cognito/identityPool.ts), never from a request.

const injected = suite('identity pool ids');
let emulator: TestEmulator;
let identity: CognitoIdentityClient;
let uuids = 0;

injected.before(async () => {
  const ids = {
    ...randomIds,
    uuid: () => `00000000-0000-4000-8000-${String(++uuids).padStart(12, '0')}`,
    // The first character of the alphabet, `length` times: credentials become predictable.
    random: (alphabet: string, length: number) => alphabet[0]!.repeat(length),
  };
  emulator = await startTestEmulator({ ids });
  identity = awsClient(CognitoIdentityClient, emulator);
});

injected.after(async () => {
  identity.destroy();
  await emulator.close();
});

injected('CreateIdentityPool, GetId, GetCredentialsForIdentity: ids and keys come from the injected ids', async () => {
  const { IdentityPoolId } = await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'guests', AllowUnauthenticatedIdentities: true }));
  assert.is(IdentityPoolId, 'us-east-1:00000000-0000-4000-8000-000000000001');
  await identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { unauthenticated: UNAUTH_ROLE } }));
  const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId }));
  assert.is(IdentityId, 'us-east-1:00000000-0000-4000-8000-000000000002');
  const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId }));
  assert.is(Credentials!.AccessKeyId, `ASIA${'A'.repeat(16)}`);
  assert.is(Credentials!.SecretKey, 'A'.repeat(40));
  assert.is(Credentials!.SessionToken, 'A'.repeat(384));
});

injected('CreateIdentityPool: a pinnedId member in the request is no option, the pool gets an id of its own', async () => {
  const pinnedId = 'us-east-1:11111111-1111-4111-8111-111111111111';
  const pool = await identityCall(emulator, 'CreateIdentityPool', { IdentityPoolName: 'sneaky', AllowUnauthenticatedIdentities: false, pinnedId });
  assert.is.not(pool.IdentityPoolId, pinnedId);
  assert.is((await rejection(identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: pinnedId })))).name, 'ResourceNotFoundException');
});

injected.run();

const pinned = suite('pinned identity pool ids');
let surface: IdentityPoolsSurface;
let target: TestEmulator;

pinned.before(async () => {
  target = await startTestEmulator();
  surface = internalSurface(target);
});

pinned.after(() => target.close());

const create = (pinnedId: string, region = 'us-east-1') =>
  surface.handle('CreateIdentityPool', { body: { IdentityPoolName: 'pinned', AllowUnauthenticatedIdentities: false }, region, requestId: 'test' }, { pinnedId });

const failure = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return { type: (error as { type: string }).type, message: (error as Error).message };
  }
  throw new Error('expected the create to fail');
};

pinned('CreateIdentityPool: a pinned create gives the pool the pinned id, which the API then finds', async () => {
  const pinnedId = 'us-east-1:22222222-2222-4222-8222-222222222222';
  const made = (await create(pinnedId)) as { IdentityPoolId: string };
  assert.is(made.IdentityPoolId, pinnedId);
  const described = await identityCall(target, 'DescribeIdentityPool', { IdentityPoolId: pinnedId });
  assert.is(described.IdentityPoolName, 'pinned');
});

pinned('CreateIdentityPool: a pinned id already taken is refused, and the pool keeps its settings', async () => {
  const pinnedId = 'us-east-1:33333333-3333-4333-8333-333333333333';
  await create(pinnedId);
  await identityCall(target, 'UpdateIdentityPool', { IdentityPoolId: pinnedId, IdentityPoolName: 'kept', AllowUnauthenticatedIdentities: true });
  const taken = await failure(create(pinnedId));
  assert.equal(taken, { type: 'InvalidParameterException', message: `An identity pool with the pinned id ${pinnedId} already exists.` });
  assert.is((await identityCall(target, 'DescribeIdentityPool', { IdentityPoolId: pinnedId })).IdentityPoolName, 'kept');
});

pinned('CreateIdentityPool: a pinned id of another region or shape is refused', async () => {
  for (const pinnedId of ['eu-west-1:44444444-4444-4444-8444-444444444444', 'us-east-1_NotAnIdentityPool', `us-east-1:${'a'.repeat(60)}`]) {
    const refused = await failure(create(pinnedId));
    assert.is(refused.type, 'InvalidParameterException', pinnedId);
    assert.match(refused.message, `The pinned identity pool id ${pinnedId} must be us-east-1:`);
  }
  const { IdentityPools } = await identityCall(target, 'ListIdentityPools', { MaxResults: 60 });
  assert.not.ok(IdentityPools.some((p: { IdentityPoolId: string }) => p.IdentityPoolId.includes('4444')));
});

pinned.run();
