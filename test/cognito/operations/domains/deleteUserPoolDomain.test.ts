import {
  CreateUserPoolDomainCommand, DeleteUserPoolDomainCommand, DescribeUserPoolCommand, DescribeUserPoolDomainCommand,
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

test('DeleteUserPoolDomain: clears the pool and frees the name for another pool', async () => {
  const poolId = await createPool(emulator);
  await emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'short-lived' }));
  await emulator.client.send(new CreateUserPoolDomainCommand({
    UserPoolId: poolId, Domain: 'sso.example.com', CustomDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/c' },
  }));
  await emulator.client.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'short-lived' }));
  const { UserPool } = await emulator.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
  assert.is(UserPool!.Domain, undefined);
  assert.is(UserPool!.CustomDomain, 'sso.example.com', 'the custom domain stays');
  const { DomainDescription } = await emulator.client.send(new DescribeUserPoolDomainCommand({ Domain: 'short-lived' }));
  assert.equal(DomainDescription, {});
  const next = await createPool(emulator);
  await emulator.client.send(new CreateUserPoolDomainCommand({ UserPoolId: next, Domain: 'short-lived' }));
});

test('DeleteUserPoolDomain: a domain the pool does not have is refused', async () => {
  const poolId = await createPool(emulator);
  assertAwsError(await emulator.call('DeleteUserPoolDomain', { UserPoolId: poolId, Domain: 'never-made' }),
    'InvalidParameterException', 400, 'No such domain or user pool exists.');
  assertAwsError(await emulator.call('DeleteUserPoolDomain', { UserPoolId: poolId }), 'InvalidParameterException', 400,
    "1 validation error detected: Value null at 'domain' failed to satisfy constraint: Member must not be null");
});

test.run();
