import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { acceptedProvider, providerFor } from '../../../src/iac/resources/index.js';
import type { ProviderContext } from '../../../src/iac/resources/provider.js';

// The accepted provider never calls Cognito: a context whose cognito() fails proves it.
const ctx: ProviderContext = {
  cognito: () => Promise.reject(new Error('an accepted type must not call Cognito')),
  cognitoIdentity: () => Promise.reject(new Error('an accepted type must not call Cognito')),
  s3: new Proxy({} as ProviderContext['s3'], { get: () => () => Promise.reject(new Error('an accepted type must not call S3')) }),
  region: 'eu-west-1',
  accountId: '123456789012',
  stackName: 'shop',
  log: () => {},
};

test('accepted: a generated CloudFormation-style physical ID and no attributes for types without a name', async () => {
  const policy = await acceptedProvider('AWS::S3::BucketPolicy').create(ctx, 'BucketPolicy', { Bucket: 'b' });
  assert.match(policy.physicalId, /^shop-BucketPolicy-[A-Z0-9]{13}$/);
  assert.equal(policy.attributes, {});
});

test('accepted: a named type takes its name as physical ID and gets the Arn its service would build', async () => {
  const table = await acceptedProvider('AWS::DynamoDB::Table').create(ctx, 'Orders', { TableName: 'shop-local-orders' });
  assert.equal(table, { physicalId: 'shop-local-orders', attributes: { Arn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/shop-local-orders' } });
  const role = await acceptedProvider('AWS::IAM::Role').create(ctx, 'Role', {});
  assert.match(role.physicalId, /^shop-Role-[A-Z0-9]{13}$/);
  assert.is(role.attributes.Arn, `arn:aws:iam::123456789012:role/${role.physicalId}`);
  const bucket = await acceptedProvider('AWS::S3::Bucket').create(ctx, 'Assets', {});
  assert.match(bucket.physicalId, /^shop-assets-[a-z0-9]{13}$/);
});

test('accepted: a new name replaces, other changes update in place with nothing to do', async () => {
  const provider = acceptedProvider('AWS::DynamoDB::Table');
  assert.ok(provider.replaces({ TableName: 'a' }, { TableName: 'b' }));
  assert.not.ok(provider.replaces({ TableName: 'a', BillingMode: 'PROVISIONED' }, { TableName: 'a', BillingMode: 'PAY_PER_REQUEST' }));
  assert.not.ok(acceptedProvider('AWS::IAM::Policy').replaces({ PolicyName: 'a' }, { PolicyName: 'b' }));
  const current = { physicalId: 'a', attributes: {} };
  assert.equal(await provider.update(ctx, current, {}, {}), current);
  await provider.delete(ctx, current, {});
});

test('providerFor: every emulated Cognito type has its provider, other types none', () => {
  const types = [
    'UserPool', 'UserPoolClient', 'UserPoolGroup', 'UserPoolDomain', 'UserPoolUser', 'UserPoolUserToGroupAttachment',
    'UserPoolResourceServer', 'UserPoolIdentityProvider', 'UserPoolUICustomizationAttachment',
    'UserPoolRiskConfigurationAttachment', 'IdentityPool', 'IdentityPoolRoleAttachment',
  ].map((name) => `AWS::Cognito::${name}`);
  for (const type of types) assert.is(providerFor(type)?.type, type);
  assert.is(providerFor('AWS::Cognito::IdentityPoolPrincipalTag'), undefined);
  assert.is(providerFor('AWS::IAM::Role'), undefined);
});

test.run();
