import {
  CreateUserPoolClientCommand, DescribeUserPoolClientCommand, UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
let poolId: string;
test.before(async () => {
  emulator = await startTestEmulator();
  poolId = await createPool(emulator);
});
test.after(async () => {
  await emulator.close();
});

async function createClient() {
  const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId,
    ClientName: 'original',
    GenerateSecret: true,
    AccessTokenValidity: 30,
    TokenValidityUnits: { AccessToken: 'minutes' },
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    CallbackURLs: ['https://app.example.com/cb'],
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid'],
    AllowedOAuthFlowsUserPoolClient: true,
    EnableTokenRevocation: false,
  }));
  return UserPoolClient!;
}

test('UpdateUserPoolClient: resets what it is not given, keeps id, secret, name and creation date', async () => {
  const created = await createClient();
  const { UserPoolClient } = await emulator.client.send(
    new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: created.ClientId, WriteAttributes: ['nickname'] }),
  );
  const { UserPoolClient: described } = await emulator.client.send(
    new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: created.ClientId }),
  );
  assert.equal(described, UserPoolClient);
  const { LastModifiedDate, ...rest } = UserPoolClient!;
  assert.ok(LastModifiedDate!.getTime() >= created.LastModifiedDate!.getTime());
  assert.equal(rest, {
    UserPoolId: poolId,
    ClientName: 'original',
    ClientId: created.ClientId,
    ClientSecret: created.ClientSecret,
    CreationDate: created.CreationDate,
    RefreshTokenValidity: 30,
    TokenValidityUnits: {},
    WriteAttributes: ['nickname'],
    ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'],
    AllowedOAuthFlowsUserPoolClient: false,
    EnableTokenRevocation: true,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: 3,
    RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 },
    ClientType: 'REGULAR',
  });
});

test('UpdateUserPoolClient: renames and sets new settings', async () => {
  const created = await createClient();
  const { UserPoolClient } = await emulator.client.send(new UpdateUserPoolClientCommand({
    UserPoolId: poolId,
    ClientId: created.ClientId,
    ClientName: 'renamed',
    RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
  }));
  assert.is(UserPoolClient!.ClientName, 'renamed');
  assert.equal(UserPoolClient!.RefreshTokenRotation, { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 });
  assert.equal(UserPoolClient!.ExplicitAuthFlows, ['ALLOW_USER_SRP_AUTH'], 'no refresh flow needed with rotation on');
});

test('UpdateUserPoolClient: the rules of create apply, with AWS update wording', async () => {
  const created = await createClient();
  const key = { UserPoolId: poolId, ClientId: created.ClientId };
  await assertRejects(emulator.client.send(new UpdateUserPoolClientCommand({ ...key, ReadAttributes: ['custom:none'] })),
    'InvalidParameterException', 'Invalid read attributes specified while updating a client');
  await assertRejects(emulator.client.send(new UpdateUserPoolClientCommand({ ...key, IdTokenValidity: 2, TokenValidityUnits: { IdToken: 'days' } })),
    'InvalidParameterException', 'Invalid range for token validity.');
  const { UserPoolClient } = await emulator.client.send(new DescribeUserPoolClientCommand(key));
  assert.is(UserPoolClient!.ClientName, 'original', 'a refused update changes nothing');
  assert.is(UserPoolClient!.AccessTokenValidity, 30);
});

test('UpdateUserPoolClient: OAuth flow rules hold even when AllowedOAuthFlowsUserPoolClient is left out', async () => {
  const created = await createClient();
  const result = await emulator.call('UpdateUserPoolClient', {
    UserPoolId: poolId, ClientId: created.ClientId, AllowedOAuthFlows: ['client_credentials', 'implicit'], AllowedOAuthScopes: ['email'],
  });
  assertAwsError(result, 'InvalidOAuthFlowException', 400, 'client_credentials flow can not be selected along with code flow or implicit flow.');
});

test('UpdateUserPoolClient: an unknown client or pool is a ResourceNotFoundException; bad input is refused', async () => {
  assertAwsError(await emulator.call('UpdateUserPoolClient', { UserPoolId: poolId, ClientId: 'nosuchclient' }),
    'ResourceNotFoundException', 404, 'User pool client nosuchclient does not exist.');
  assertAwsError(await emulator.call('UpdateUserPoolClient', { UserPoolId: 'us-east-1_nothere00', ClientId: 'nosuchclient' }),
    'ResourceNotFoundException', 404, 'User pool us-east-1_nothere00 does not exist.');
  assertAwsError(await emulator.call('UpdateUserPoolClient', { UserPoolId: poolId, ClientId: 'x', ClientName: '' }),
    'InvalidParameterException', 400, /'clientName' failed to satisfy constraint: Member must have length greater than or equal to 1/);
  assertAwsError(await emulator.call('UpdateUserPoolClient', { UserPoolId: poolId, ClientId: 'x', CallbackURLs: 'https://a' }),
    'SerializationException');
});

test.run();
