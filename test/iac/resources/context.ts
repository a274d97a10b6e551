import * as assert from 'uvu/assert';
import { CognitoError } from '../../../src/cognito/errors.js';
import type { ProviderContext } from '../../../src/iac/resources/provider.js';
import { identityCall, type TestEmulator } from '../../helpers/emulator.js';

export interface TestContext extends ProviderContext {
  /** What providers logged. */
  logs: string[];
}

/** A provider context whose `cognito` calls the emulator's real API, throwing the AWS error it answers. */
export function providerContext(emulator: TestEmulator): TestContext {
  const logs: string[] = [];
  return {
    async cognito(operation, request) {
      const { status, body } = await emulator.call(operation, request);
      if (status >= 300) throw new CognitoError(body.__type, body.message, status);
      return body;
    },
    cognitoIdentity: (operation, request) => identityCall(emulator, operation, request),
    s3: emulator.s3,
    region: 'us-east-1',
    accountId: '000000000000',
    stackName: 'test-stack',
    log: (message) => logs.push(message),
    logs,
  };
}

/** Asserts that `work` fails with the AWS error `type`. */
export async function assertCognitoError(work: Promise<unknown>, type: string, message?: RegExp): Promise<void> {
  try {
    await work;
  } catch (error) {
    assert.is((error as CognitoError).type, type, (error as Error).message);
    if (message) assert.match((error as Error).message, message);
    return;
  }
  assert.unreachable(`expected ${type}`);
}
