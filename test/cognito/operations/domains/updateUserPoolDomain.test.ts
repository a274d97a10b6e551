import {
  CreateUserPoolDomainCommand, DescribeUserPoolDomainCommand, UpdateUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAwsError } from '../../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator.js';
import { createPool } from '../../../helpers/fixtures.js';

let emulator: TestEmulator;
test.before(async () => {
  emulator = await startTestEmulator();
});
test.after(async () => {
  await emulator.close();
});

const certificate = (id: string) => `arn:aws:acm:us-east-1:000000000000:certificate/${id}`;

test('UpdateUserPoolDomain: changes the certificate and managed-login version of a custom domain', async () => {
  const poolId = await createPool(emulator);
  const { CloudFrontDomain } = await emulator.client.send(new CreateUserPoolDomainCommand({
    UserPoolId: poolId, Domain: 'id.example.com', CustomDomainConfig: { CertificateArn: certificate('old') },
  }));
  const updated = await emulator.client.send(new UpdateUserPoolDomainCommand({
    UserPoolId: poolId, Domain: 'id.example.com', CustomDomainConfig: { CertificateArn: certificate('new') }, ManagedLoginVersion: 2,
  }));
  assert.is(updated.ManagedLoginVersion, 2);
  assert.is(updated.CloudFrontDomain, CloudFrontDomain);
  const { DomainDescription } = await emulator.client.send(new DescribeUserPoolDomainCommand({ Domain: 'id.example.com' }));
  assert.equal(DomainDescription!.CustomDomainConfig, { CertificateArn: certificate('new') });
  assert.is(DomainDescription!.ManagedLoginVersion, 2);
});

test('UpdateUserPoolDomain: a prefix domain can change its managed-login version only', async () => {
  const poolId = await createPool(emulator);
  await emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'upd-prefix' }));
  const result = await emulator.call('UpdateUserPoolDomain', { UserPoolId: poolId, Domain: 'upd-prefix', ManagedLoginVersion: 2 });
  assert.equal(result.body, { ManagedLoginVersion: 2 });
  assertAwsError(await emulator.call('UpdateUserPoolDomain', {
    UserPoolId: poolId, Domain: 'upd-prefix', CustomDomainConfig: { CertificateArn: certificate('x') },
  }), 'InvalidParameterException', 400);
});

test("UpdateUserPoolDomain: another pool's domain or an unknown pool is 'No such domain or user pool exists.'", async () => {
  const owner = await createPool(emulator);
  const other = await createPool(emulator);
  await emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: owner, Domain: 'owned-here' }));
  const message = 'No such domain or user pool exists.';
  assertAwsError(await emulator.call('UpdateUserPoolDomain', { UserPoolId: other, Domain: 'owned-here', ManagedLoginVersion: 2 }),
    'InvalidParameterException', 400, message);
  assertAwsError(await emulator.call('UpdateUserPoolDomain', { UserPoolId: 'us-east-1_nothere00', Domain: 'owned-here' }),
    'InvalidParameterException', 400, message);
  assertAwsError(await emulator.call('UpdateUserPoolDomain', { Domain: 'owned-here' }), 'InvalidParameterException', 400,
    /Value null at 'userPoolId'/);
});

test.run();
