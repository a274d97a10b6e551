import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  SetIdentityPoolRolesCommand,
  type RoleMapping,
} from '@aws-sdk/client-cognito-identity';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { identityCall, rejection } from '../helpers/emulator.js';
import { AUTH_ROLE, identityWorld, UNAUTH_ROLE } from './setup.js';

const test = suite('GetCredentialsForIdentity');
const world = identityWorld(test);

const ADMIN_ROLE = 'arn:aws:iam::000000000000:role/Admins';
const EDITOR_ROLE = 'arn:aws:iam::000000000000:role/Editors';

async function poolWithRoles(RoleMappings?: Record<string, RoleMapping>, allowUnauth = true): Promise<string> {
  const IdentityPoolId = await world.createPool({ AllowUnauthenticatedIdentities: allowUnauth });
  await world.identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE }, RoleMappings }));
  return IdentityPoolId;
}

async function credentialsFor(IdentityPoolId: string, idToken?: string, CustomRoleArn?: string) {
  const Logins = idToken ? { [world.provider]: idToken } : undefined;
  const { IdentityId } = await world.identity.send(new GetIdCommand({ IdentityPoolId, Logins }));
  const answer = await world.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins, CustomRoleArn }));
  const issued = await world.emulator.identityCredentials.find(answer.Credentials!.AccessKeyId!);
  return { answer, issued: issued! };
}

test('GetCredentialsForIdentity: an unauthenticated identity gets STS-shaped credentials for the unauthenticated role, for 1 hour', async () => {
  const IdentityPoolId = await poolWithRoles();
  const before = Date.now();
  const { answer, issued } = await credentialsFor(IdentityPoolId);
  const { AccessKeyId, SecretKey, SessionToken, Expiration } = answer.Credentials!;
  assert.match(AccessKeyId!, /^ASIA[A-Z0-9]{16}$/);
  assert.is(SecretKey!.length, 40);
  assert.ok(SessionToken!.length > 100);
  const lifetime = Expiration!.getTime() - before;
  assert.ok(lifetime > 3590_000 && lifetime <= 3601_000, String(lifetime));
  assert.equal(
    { ...issued, expiration: 0 },
    {
      accessKeyId: AccessKeyId!, secretAccessKey: SecretKey!, sessionToken: SessionToken!, expiration: 0, region: 'us-east-1',
      accountId: '000000000000', identityPoolId: IdentityPoolId, identityId: answer.IdentityId!, authenticated: false,
      roleArn: UNAUTH_ROLE, logins: [],
    },
  );
});

test("GetCredentialsForIdentity: a signed-in user gets the authenticated role; the credentials carry the user's sub", async () => {
  const IdentityPoolId = await poolWithRoles();
  const { id } = await world.signIn('hana');
  const { issued } = await credentialsFor(IdentityPoolId, id);
  assert.is(issued.authenticated, true);
  assert.is(issued.roleArn, AUTH_ROLE);
  const sub = JSON.parse(Buffer.from(id.split('.')[1]!, 'base64url').toString()).sub;
  assert.equal(issued.logins, [{ provider: world.provider, sub }]);
  assert.is(await world.emulator.identityCredentials.find('ASIAUNKNOWN000000000'), undefined);
});

test('GetCredentialsForIdentity: an authenticated identity without its login is forbidden; with another user\'s, the logins do not match', async () => {
  const IdentityPoolId = await poolWithRoles();
  const { IdentityId } = await world.identity.send(new GetIdCommand({ IdentityPoolId, Logins: { [world.provider]: (await world.signIn('ivan')).id } }));
  const bare = await rejection(world.identity.send(new GetCredentialsForIdentityCommand({ IdentityId })));
  assert.equal([bare.name, bare.message], ['NotAuthorizedException', `Access to Identity '${IdentityId}' is forbidden.`]);
  const other = await rejection(
    world.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [world.provider]: (await world.signIn('jude')).id } })),
  );
  assert.equal([other.name, other.message], ['NotAuthorizedException', "Logins don't match. Please include at least one valid login for this identity or identity pool."]);
});

test('GetCredentialsForIdentity: a guest who signs in keeps the identity, which is then authenticated', async () => {
  const IdentityPoolId = await poolWithRoles();
  const { IdentityId } = await world.identity.send(new GetIdCommand({ IdentityPoolId }));
  const Logins = { [world.provider]: (await world.signIn('gwen')).id };
  const answer = await world.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
  assert.is(answer.IdentityId, IdentityId);
  const issued = await world.emulator.identityCredentials.find(answer.Credentials!.AccessKeyId!);
  assert.equal([issued!.authenticated, issued!.roleArn], [true, AUTH_ROLE]);
  assert.is((await world.identity.send(new GetIdCommand({ IdentityPoolId, Logins }))).IdentityId, IdentityId);
  const bare = await rejection(world.identity.send(new GetCredentialsForIdentityCommand({ IdentityId })));
  assert.is(bare.name, 'NotAuthorizedException');
});

test('GetCredentialsForIdentity: a Token role mapping takes cognito:preferred_role, or CustomRoleArn among cognito:roles', async () => {
  const IdentityPoolId = await poolWithRoles({
    [`${world.provider}:${world.clientId}`]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' },
  });
  const groups = [{ name: 'admins', roleArn: ADMIN_ROLE, precedence: 1 }, { name: 'editors', roleArn: EDITOR_ROLE, precedence: 2 }];
  const { id } = await world.signIn('kate', groups);
  assert.is((await credentialsFor(IdentityPoolId, id)).issued.roleArn, ADMIN_ROLE);
  assert.is((await credentialsFor(IdentityPoolId, id, EDITOR_ROLE)).issued.roleArn, EDITOR_ROLE);
  // A user in no group: nothing in the token decides, so AmbiguousRoleResolution gives the authenticated role.
  assert.is((await credentialsFor(IdentityPoolId, (await world.signIn('liam')).id)).issued.roleArn, AUTH_ROLE);
});

test('GetCredentialsForIdentity: a Rules mapping takes the first matching rule; Deny refuses when none matches', async () => {
  const rules: RoleMapping = {
    Type: 'Rules',
    AmbiguousRoleResolution: 'Deny',
    RulesConfiguration: {
      Rules: [
        { Claim: 'cognito:groups', MatchType: 'Contains', Value: 'edit', RoleARN: EDITOR_ROLE },
        { Claim: 'cognito:username', MatchType: 'StartsWith', Value: 'mi', RoleARN: ADMIN_ROLE },
      ],
    },
  };
  const IdentityPoolId = await poolWithRoles({ [world.provider]: rules });
  assert.is((await credentialsFor(IdentityPoolId, (await world.signIn('mia')).id)).issued.roleArn, ADMIN_ROLE);
  const editor = await world.signIn('milo', [{ name: 'editors' }]);
  assert.is((await credentialsFor(IdentityPoolId, editor.id)).issued.roleArn, EDITOR_ROLE);
  const error = await rejection(credentialsFor(IdentityPoolId, (await world.signIn('nina')).id));
  assert.equal([error.name, error.message], ['NotAuthorizedException', 'The ambiguous role mapping rules denied this request.']);
});

test('GetCredentialsForIdentity: a pool without the role needed is InvalidIdentityPoolConfigurationException', async () => {
  const IdentityPoolId = await world.createPool({ AllowUnauthenticatedIdentities: true });
  const error = await rejection(credentialsFor(IdentityPoolId));
  assert.equal(
    [error.name, error.message],
    ['InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.'],
  );
});

test('GetCredentialsForIdentity: bad input (malformed or unknown identity, short CustomRoleArn) is refused', async () => {
  const malformed = await rejection(world.identity.send(new GetCredentialsForIdentityCommand({ IdentityId: 'nope' })));
  assert.is(malformed.name, 'ValidationException');
  const id = 'us-east-1:00000000-0000-0000-0000-000000000000';
  const unknown = await rejection(world.identity.send(new GetCredentialsForIdentityCommand({ IdentityId: id })));
  assert.equal([unknown.name, unknown.message], ['ResourceNotFoundException', `Identity '${id}' not found.`]);
  const arn = await identityCall(world.emulator, 'GetCredentialsForIdentity', { IdentityId: id, CustomRoleArn: 'arn' }).catch((e) => e);
  assert.is(arn.message, "1 validation error detected: Value 'arn' at 'customRoleArn' failed to satisfy constraint: Member must have length greater than or equal to 20");
});

test('SetIdentityPoolRoles: GetIdentityPoolRoles answers what was set; RoleMappings only when there are some', async () => {
  const IdentityPoolId = await world.createPool();
  await world.identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { authenticated: AUTH_ROLE } }));
  const plain = await world.identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId }));
  assert.equal([plain.IdentityPoolId, plain.Roles, plain.RoleMappings], [IdentityPoolId, { authenticated: AUTH_ROLE }, undefined]);
  const RoleMappings: Record<string, RoleMapping> = { [world.provider]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } };
  await world.identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE }, RoleMappings }));
  const mapped = await world.identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId }));
  assert.equal([mapped.Roles, mapped.RoleMappings], [{ authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE }, RoleMappings]);
});

test('SetIdentityPoolRoles: bad input (role key, unconfigured provider, Rules without rules, unknown pool) is refused', async () => {
  const IdentityPoolId = await world.createPool();
  const key = await rejection(world.identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { admin: AUTH_ROLE } })));
  assert.is(key.message, `1 validation error detected: Value '{admin=${AUTH_ROLE}}' at 'roles' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: (un)?authenticated]`);
  const provider = await rejection(
    world.identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: {}, RoleMappings: { 'graph.facebook.com': { Type: 'Token', AmbiguousRoleResolution: 'Deny' } } })),
  );
  assert.equal([provider.name, provider.message], ['InvalidParameterException', 'graph.facebook.com is not a valid RoleMapping ProviderName or is not a configured provider.']);
  const rules = await rejection(
    world.identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: {}, RoleMappings: { [world.provider]: { Type: 'Rules', AmbiguousRoleResolution: 'Deny' } } })),
  );
  assert.is(rules.name, 'InvalidParameterException');
  const type = await identityCall(world.emulator, 'SetIdentityPoolRoles', { IdentityPoolId, Roles: {}, RoleMappings: { [world.provider]: { Type: 'Groups' } } }).catch((e) => e);
  assert.match(type.message, `at 'roleMappings.${world.provider}.member.type' failed to satisfy constraint: Member must satisfy enum value set: [Token, Rules]`);
});

test('GetIdentityPoolRoles: bad input (unknown pool, malformed id) is refused', async () => {
  const unknown = await rejection(world.identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000' })));
  assert.is(unknown.name, 'ResourceNotFoundException');
  const malformed = await rejection(world.identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: 'pool' })));
  assert.is(malformed.name, 'ValidationException');
});

test.run();
