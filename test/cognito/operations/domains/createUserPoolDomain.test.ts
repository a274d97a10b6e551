import { CreateUserPoolDomainCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError, assertRejects } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const CERTIFICATE = 'arn:aws:acm:us-east-1:000000000000:certificate/11111111-2222-3333-4444-555555555555';

test('CreateUserPoolDomain: a prefix domain shows on the pool; its response has no CloudFront domain', async () => {
  const poolId = await createPool(emulator);
  const response = await emulator.call('CreateUserPoolDomain', { UserPoolId: poolId, Domain: 'my-app-login' });
  assert.equal(response.body, { ManagedLoginVersion: 1 });
  const { UserPool } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
  assert.is(UserPool!.Domain, 'my-app-login');
  assert.is(UserPool!.CustomDomain, undefined);
});

test('CreateUserPoolDomain: a custom domain returns its CloudFront domain and shows as CustomDomain', async () => {
  const poolId = await createPool(emulator);
  await emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'prefix-too' }));
  const { CloudFrontDomain, ManagedLoginVersion } = await emulator.client.send(new CreateUserPoolDomainCommand({
    UserPoolId: poolId, Domain: 'auth.example.com', CustomDomainConfig: { CertificateArn: CERTIFICATE }, ManagedLoginVersion: 2,
  }));
  assert.match(CloudFrontDomain!, /^d[a-z0-9]{13}\.cloudfront\.net$/);
  assert.is(ManagedLoginVersion, 2);
  const { UserPool } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
  assert.is(UserPool!.CustomDomain, 'auth.example.com');
  assert.is(UserPool!.Domain, 'prefix-too', 'a pool has one prefix and one custom domain');
});

test('CreateUserPoolDomain: one domain of each kind per pool, and each name once across pools', async () => {
  const first = await createPool(emulator);
  const second = await createPool(emulator);
  await emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: first, Domain: 'taken-name' }));
  await assertRejects(emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: first, Domain: 'another-name' })),
    'InvalidParameterException', 'User pool already has a domain configured.');
  await assertRejects(emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: second, Domain: 'taken-name' })),
    'InvalidParameterException', 'Domain already associated with another user pool.');
});

test('CreateUserPoolDomain: prefixes with bad characters or reserved words are refused', async () => {
  const poolId = await createPool(emulator);
  const attempt = (Domain: string) => emulator.call('CreateUserPoolDomain', { UserPoolId: poolId, Domain });
  assertAwsError(await attempt('My_App'), 'InvalidParameterException', 400, /^The domain name contains an invalid character\./);
  assertAwsError(await attempt('-leading'), 'InvalidParameterException', 400, /invalid character/);
  assertAwsError(await attempt('my-aws-app'), 'InvalidParameterException', 400, 'Domain cannot contain reserved word: aws');
  assertAwsError(await attempt('newcognito'), 'InvalidParameterException', 400, 'Domain cannot contain reserved word: cognito');
  assertAwsError(await attempt('amazonfan'), 'InvalidParameterException', 400, 'Domain cannot contain reserved word: amazon');
  assertAwsError(await attempt('x'.repeat(64)), 'InvalidParameterException', 400,
    /Value 'x{64}' at 'domain' failed to satisfy constraint: Member must have length less than or equal to 63/);
  assert.is((await attempt('awesome-laws')).status, 200, "'aws' inside a longer word is allowed");
});

test('CreateUserPoolDomain: bad custom-domain input and unknown pools are refused', async () => {
  const poolId = await createPool(emulator);
  assertAwsError(await emulator.call('CreateUserPoolDomain', { UserPoolId: poolId, Domain: 'auth.example.org', CustomDomainConfig: {} }),
    'InvalidParameterException', 400, /Value null at 'customDomainConfig.certificateArn'/);
  assertAwsError(await emulator.call('CreateUserPoolDomain', {
    UserPoolId: poolId, Domain: 'auth.example.org', CustomDomainConfig: { CertificateArn: 'not-an-arn-at-all-really' },
  }), 'InvalidParameterException', 400, /'customDomainConfig.certificateArn' failed to satisfy constraint: Member must satisfy regular expression/);
  assertAwsError(await emulator.call('CreateUserPoolDomain', { UserPoolId: poolId, Domain: 'fine-name', ManagedLoginVersion: 3 }),
    'InvalidParameterException', 400);
  assertAwsError(await emulator.call('CreateUserPoolDomain', { UserPoolId: 'us-east-1_nothere00', Domain: 'fine-name' }),
    'ResourceNotFoundException', 404, 'User pool us-east-1_nothere00 does not exist.');
  assertAwsError(await emulator.call('CreateUserPoolDomain', { UserPoolId: poolId }), 'InvalidParameterException', 400,
    /Value null at 'domain'/);
});

test.run();
