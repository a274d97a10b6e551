import {
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  ListIdentityPoolsCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { awsClient, identityCall, rejection } from '../helpers/emulator.js';
import { identityWorld } from './setup.js';

const test = suite('identity pools');
const world = identityWorld(test);

const settings = {
  IdentityPoolName: 'My pool',
  AllowUnauthenticatedIdentities: true,
  AllowClassicFlow: true,
  SupportedLoginProviders: { 'graph.facebook.com': '7346241598935555' },
  DeveloperProviderName: 'login.mycompany.myapp',
  OpenIdConnectProviderARNs: ['arn:aws:iam::000000000000:oidc-provider/example.com'],
  CognitoIdentityProviders: [{ ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc', ClientId: 'client1', ServerSideTokenCheck: true }],
  SamlProviderARNs: ['arn:aws:iam::000000000000:saml-provider/corp'],
  IdentityPoolTags: { team: 'blue' },
};

test('CreateIdentityPool: answers every setting given, with an id in the call region', async () => {
  const pool = await world.identity.send(new CreateIdentityPoolCommand(settings));
  assert.match(pool.IdentityPoolId!, /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  const { $metadata: _, IdentityPoolId: __, ...rest } = pool;
  assert.equal(rest, settings);
  const described = await world.identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: pool.IdentityPoolId }));
  assert.equal(described.SupportedLoginProviders, settings.SupportedLoginProviders);
  assert.equal(described.IdentityPoolTags, { team: 'blue' });
});

test('CreateIdentityPool: a Cognito provider without ServerSideTokenCheck answers false; unset members are left out', async () => {
  const pool = await world.identity.send(
    new CreateIdentityPoolCommand({ IdentityPoolName: 'plain', AllowUnauthenticatedIdentities: false, CognitoIdentityProviders: [{ ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_x', ClientId: 'c' }] }),
  );
  assert.equal(pool.CognitoIdentityProviders, [{ ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_x', ClientId: 'c', ServerSideTokenCheck: false }]);
  assert.is(pool.SupportedLoginProviders, undefined);
  assert.is(pool.AllowClassicFlow, undefined);
});

test('CreateIdentityPool: a pool belongs to the region of the call', async () => {
  const west = awsClient(CognitoIdentityClient, world.emulator, { region: 'eu-west-1' });
  try {
    const pool = await west.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'west', AllowUnauthenticatedIdentities: false }));
    assert.ok(pool.IdentityPoolId!.startsWith('eu-west-1:'));
    const miss = await rejection(world.identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: pool.IdentityPoolId })));
    assert.is(miss.name, 'ResourceNotFoundException');
  } finally {
    west.destroy();
  }
});

test('CreateIdentityPool: bad input is refused with the model constraint AWS names', async () => {
  const name = await rejection(world.identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'a/b', AllowUnauthenticatedIdentities: false })));
  assert.is(name.name, 'ValidationException');
  assert.is(name.status, 400);
  assert.is(
    name.message,
    "1 validation error detected: Value 'a/b' at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+",
  );
  const missing = await identityCall(world.emulator, 'CreateIdentityPool', { IdentityPoolName: 'x'.repeat(129) }).catch((e) => e);
  assert.is(missing.type, 'ValidationException');
  assert.is(
    missing.message,
    `2 validation errors detected: Value '${'x'.repeat(129)}' ` +
      "at 'identityPoolName' failed to satisfy constraint: Member must have length less than or equal to 128; " +
      "Value null at 'allowUnauthenticatedIdentities' failed to satisfy constraint: Member must not be null",
  );
  const provider = await identityCall(world.emulator, 'CreateIdentityPool', {
    IdentityPoolName: 'p', AllowUnauthenticatedIdentities: false, CognitoIdentityProviders: [{ ProviderName: 'bad name', ClientId: 'c' }],
  }).catch((e) => e);
  assert.match(provider.message, "at 'cognitoIdentityProviders.1.member.providerName' failed to satisfy constraint: Member must satisfy regular expression pattern");
  const type = await identityCall(world.emulator, 'CreateIdentityPool', { IdentityPoolName: 'p', AllowUnauthenticatedIdentities: 'yes' }).catch((e) => e);
  assert.is(type.type, 'SerializationException');
});

test('DescribeIdentityPool: an unknown pool is ResourceNotFoundException; a malformed id a ValidationException', async () => {
  const id = 'us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
  const miss = await rejection(world.identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: id })));
  assert.equal([miss.name, miss.message], ['ResourceNotFoundException', `IdentityPool '${id}' not found.`]);
  const bad = await rejection(world.identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: 'us-east-1_abc' })));
  assert.is(bad.name, 'ValidationException');
  assert.match(bad.message, "Value 'us-east-1_abc' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+");
});

test('UpdateIdentityPool: replaces the settings (a member left out is cleared) and keeps tags not given', async () => {
  const { IdentityPoolId } = await world.identity.send(new CreateIdentityPoolCommand(settings));
  const updated = await world.identity.send(new UpdateIdentityPoolCommand({ IdentityPoolId, IdentityPoolName: 'Renamed', AllowUnauthenticatedIdentities: false }));
  assert.equal(
    { ...updated, $metadata: undefined },
    { $metadata: undefined, IdentityPoolId, IdentityPoolName: 'Renamed', AllowUnauthenticatedIdentities: false, IdentityPoolTags: { team: 'blue' } },
  );
  const described = await world.identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId }));
  assert.is(described.IdentityPoolName, 'Renamed');
  assert.is(described.SupportedLoginProviders, undefined);
});

test('UpdateIdentityPool: an unknown pool is ResourceNotFoundException; a missing name a ValidationException', async () => {
  const id = 'us-east-1:00000000-0000-0000-0000-000000000000';
  const miss = await rejection(world.identity.send(new UpdateIdentityPoolCommand({ IdentityPoolId: id, IdentityPoolName: 'x', AllowUnauthenticatedIdentities: true })));
  assert.is(miss.name, 'ResourceNotFoundException');
  const bad = await identityCall(world.emulator, 'UpdateIdentityPool', { IdentityPoolId: id, AllowUnauthenticatedIdentities: true }).catch((e) => e);
  assert.is(bad.message, "1 validation error detected: Value null at 'identityPoolName' failed to satisfy constraint: Member must not be null");
});

test('ListIdentityPools: pages through the region pools with MaxResults and NextToken', async () => {
  const created = new Set<string>();
  for (let i = 0; i < 3; i++) created.add(await world.createPool({ IdentityPoolName: `listed ${i}` }));
  const seen: { IdentityPoolId?: string; IdentityPoolName?: string }[] = [];
  let NextToken: string | undefined;
  do {
    const page = await world.identity.send(new ListIdentityPoolsCommand({ MaxResults: 2, NextToken }));
    assert.ok(page.IdentityPools!.length <= 2);
    seen.push(...page.IdentityPools!);
    NextToken = page.NextToken;
  } while (NextToken);
  for (const id of created) assert.ok(seen.some((p) => p.IdentityPoolId === id && p.IdentityPoolName?.startsWith('listed')));
  assert.is(new Set(seen.map((p) => p.IdentityPoolId)).size, seen.length);
});

test('ListIdentityPools: MaxResults is required and 1-60', async () => {
  const missing = await identityCall(world.emulator, 'ListIdentityPools', {}).catch((e) => e);
  assert.is(missing.message, "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null");
  const big = await rejection(world.identity.send(new ListIdentityPoolsCommand({ MaxResults: 61 })));
  assert.is(big.message, "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60");
  const token = await rejection(world.identity.send(new ListIdentityPoolsCommand({ MaxResults: 1, NextToken: 'nonsense!' })));
  assert.is(token.name, 'InvalidParameterException');
});

test('DeleteIdentityPool: the pool is gone afterwards; deleting it again is ResourceNotFoundException', async () => {
  const IdentityPoolId = await world.createPool({ AllowUnauthenticatedIdentities: true });
  await identityCall(world.emulator, 'GetId', { IdentityPoolId });
  await world.identity.send(new DeleteIdentityPoolCommand({ IdentityPoolId }));
  assert.is((await rejection(world.identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId })))).name, 'ResourceNotFoundException');
  const again = await rejection(world.identity.send(new DeleteIdentityPoolCommand({ IdentityPoolId })));
  assert.is(again.name, 'ResourceNotFoundException');
  const bad = await rejection(world.identity.send(new DeleteIdentityPoolCommand({ IdentityPoolId: '' })));
  assert.is(bad.name, 'ValidationException');
});

test('cognito-identity: an unknown operation is UnknownOperationException', async () => {
  const error = await identityCall(world.emulator, 'MergeDeveloperIdentities', {}).catch((e) => e);
  assert.is(error.type, 'UnknownOperationException');
});

test.run();
