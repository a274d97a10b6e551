import { CreateBucketCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bucket, generatedBucketName } from '../../../src/iac/resources/s3/bucket.js';
import { providerFor } from '../../../src/iac/resources/index.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { FIXTURES, failure, reconcileHarness } from '../reconcileHarness.js';
import { providerContext, type TestContext } from './context.js';

let emulator: TestEmulator;
let ctx: TestContext;
let s3: S3Client;
let dir: string;
test.before(async () => {
  emulator = await startTestEmulator();
  ctx = providerContext(emulator);
  s3 = new S3Client({ endpoint: emulator.url, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  dir = await mkdtemp(path.join(tmpdir(), 'cogniform-s3-iac-'));
});
test.after(async () => {
  s3.destroy();
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

const exists = async (Bucket: string) => s3.send(new HeadBucketCommand({ Bucket })).then(() => true, () => false);

test('AWS::S3::Bucket: BucketName is the bucket made and the Ref; the attributes are AWS forms', async () => {
  const made = await bucket.create(ctx, 'Assets', { BucketName: 'my-assets' });
  assert.equal(made, {
    physicalId: 'my-assets',
    attributes: {
      Arn: 'arn:aws:s3:::my-assets',
      DomainName: 'my-assets.s3.amazonaws.com',
      RegionalDomainName: 'my-assets.s3.us-east-1.amazonaws.com',
      DualStackDomainName: 'my-assets.s3.dualstack.us-east-1.amazonaws.com',
      WebsiteURL: 'http://my-assets.s3-website-us-east-1.amazonaws.com',
    },
  });
  assert.ok(await exists('my-assets'));
  const inOhio = await bucket.create({ ...ctx, region: 'us-east-2' }, 'Ohio', { BucketName: 'in-ohio' });
  assert.is(inOhio.attributes.WebsiteURL, 'http://in-ohio.s3-website.us-east-2.amazonaws.com');
});

test('AWS::S3::Bucket: without BucketName the name is <stack>-<logicalid>-<random>, lower case, at most 63 characters', async () => {
  const made = await bucket.create(ctx, 'ServerlessDeploymentBucket', {});
  assert.match(made.physicalId, /^test-stack-serverlessdeploymentbucket-[a-z0-9]{12}$/);
  assert.ok(await exists(made.physicalId));
  const long = generatedBucketName('A-Very-Long-Stack-Name-That-Goes-On-And-On-Forever', 'AnEvenLongerLogicalIdForTheBucketResource');
  assert.ok(long.length <= 63, long);
  assert.match(long, /^a-very-long-stack-name-[a-z-]*-anevenlongerlogicalid[a-z]*-[a-z0-9]{12}$/);
});

test('AWS::S3::Bucket: an existing bucket of that name is taken over; an invalid name fails as S3 does', async () => {
  await s3.send(new CreateBucketCommand({ Bucket: 'made-before' }));
  assert.is((await bucket.create(ctx, 'Before', { BucketName: 'made-before' })).physicalId, 'made-before');
  const error = await failure(bucket.create(ctx, 'Bad', { BucketName: 'Not_Valid' }));
  assert.is((error as { code?: string }).code, 'InvalidBucketName');
});

test('AWS::S3::Bucket: a new BucketName replaces, other changes update in place', async () => {
  assert.ok(bucket.replaces({ BucketName: 'a' }, { BucketName: 'b' }));
  assert.ok(bucket.replaces({}, { BucketName: 'b' }));
  assert.not.ok(bucket.replaces({ BucketName: 'a' }, { BucketName: 'a', VersioningConfiguration: { Status: 'Enabled' } }));
  const current = await bucket.create(ctx, 'InPlace', { BucketName: 'in-place' });
  assert.equal(await bucket.update(ctx, current, { BucketName: 'in-place', Tags: [] }, { BucketName: 'in-place' }), current);
});

test('AWS::S3::Bucket: delete fails with BucketNotEmpty while objects remain, then removes the bucket', async () => {
  const current = await bucket.create(ctx, 'Full', { BucketName: 'full-bucket' });
  await s3.send(new PutObjectCommand({ Bucket: 'full-bucket', Key: 'left', Body: 'x' }));
  const error = await failure(bucket.delete(ctx, current, {}));
  assert.is((error as { code?: string }).code, 'BucketNotEmpty');
  await emulator.app.inject({ method: 'POST', url: '/_cogniform/reset' });
  await bucket.delete(ctx, current, {});
  await bucket.create(ctx, 'Full', { BucketName: 'full-bucket' });
  await bucket.delete(ctx, current, {});
  assert.not.ok(await exists('full-bucket'));
});

test('AWS::S3::Bucket: a template bucket with its policy reconciles; a renamed bucket replaces the old one', async () => {
  assert.is(providerFor('AWS::S3::Bucket'), bucket);
  assert.is(providerFor('AWS::S3::BucketPolicy'), undefined);
  const harness = reconcileHarness(emulator);
  const template = (name: string) => `
Resources:
  Deployment:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: ${name}
  DeploymentPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Deployment
      PolicyDocument:
        Statement: [{ Effect: Deny, Principal: '*', Action: 's3:*', Resource: !Sub '\${Deployment.Arn}/*', Condition: { Bool: { 'aws:SecureTransport': false } } }]
Outputs:
  Domain:
    Value: !GetAtt Deployment.RegionalDomainName
`;
  const file = path.join(dir, 'bucket.yaml');
  await writeFile(file, template('tmpl-first'));
  const first = await harness.run(path.relative(FIXTURES, file), { stackName: 's3stack' });
  assert.is(first.stack.Status, 'CREATE_COMPLETE');
  assert.is(first.stack.Outputs.Domain, 'tmpl-first.s3.us-east-1.amazonaws.com');
  assert.ok(await exists('tmpl-first'));
  await writeFile(file, template('tmpl-second'));
  const second = await harness.run(path.relative(FIXTURES, file), { stackName: 's3stack' });
  assert.is(second.stack.Resources.Deployment!.PhysicalId, 'tmpl-second');
  assert.ok(await exists('tmpl-second'));
  assert.not.ok(await exists('tmpl-first'));
});

test.run();
