import { CreateUserPoolDomainCommand, DescribeUserPoolDomainCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator({ clock: { now: () => new Date('2026-03-04T05:06:07.890Z') } });
});
test.after(async () => {
  await emulator.close();
});

test('DescribeUserPoolDomain: describes a prefix domain with every field AWS returns', async () => {
  const poolId = await createPool(emulator);
  await emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'described' }));
  const { DomainDescription } = await emulator.client.send(new DescribeUserPoolDomainCommand({ Domain: 'described' }));
  const { CloudFrontDistribution, ...rest } = DomainDescription!;
  assert.match(CloudFrontDistribution!, /^d[a-z0-9]{13}\.cloudfront\.net$/);
  assert.equal(rest, {
    UserPoolId: poolId,
    AWSAccountId: '000000000000',
    Domain: 'described',
    S3Bucket: 'aws-cognito-prod-us-east-1-assets',
    Version: '20260304050607',
    Status: 'ACTIVE',
    CustomDomainConfig: {},
    ManagedLoginVersion: 1,
  });
});

test('DescribeUserPoolDomain: describes a custom domain with its certificate', async () => {
  const poolId = await createPool(emulator);
  const CustomDomainConfig = { CertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/abc', SecurityPolicy: 'TLS_V1_2_2021' as const };
  const { CloudFrontDomain } = await emulator.client.send(
    new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'login.example.com', CustomDomainConfig }),
  );
  const { DomainDescription } = await emulator.client.send(new DescribeUserPoolDomainCommand({ Domain: 'login.example.com' }));
  assert.equal(DomainDescription!.CustomDomainConfig, CustomDomainConfig);
  assert.is(DomainDescription!.CloudFrontDistribution, CloudFrontDomain);
});

test('DescribeUserPoolDomain: an unknown domain is an empty description, not an error', async () => {
  const result = await emulator.call('DescribeUserPoolDomain', { Domain: 'nobody-has-this' });
  assert.is(result.status, 200);
  assert.equal(result.body, { DomainDescription: {} });
});

test('DescribeUserPoolDomain: a missing or empty domain is an InvalidParameterException', async () => {
  assertAwsError(await emulator.call('DescribeUserPoolDomain', {}), 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'domain' failed to satisfy constraint: Member must not be null");
  assertAwsError(await emulator.call('DescribeUserPoolDomain', { Domain: '' }), 'InvalidParameterException', 400,
    /Member must have length greater than or equal to 1/);
});

test.run();
