import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DEFAULTS } from '../../src/config.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/index.js';

export interface TestEmulator extends Emulator {
  /** The AWS SDK v3 client, pointed at this emulator. */
  client: CognitoIdentityProviderClient;
  /** An AWS JSON 1.1 call through `app.inject` (no socket): status, parsed body and headers. */
  call(operation: string, body: unknown, headers?: Record<string, string>): Promise<CallResult>;
}

export interface CallResult {
  status: number;
  body: Record<string, any>;
  headers: Record<string, unknown>;
}

const quiet = { info: () => {}, error: () => {} };

/** A real emulator on an ephemeral port over memory-level. Close it in `test.after`. */
export async function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ ...DEFAULTS, inMemory: true, port: 0, host: '127.0.0.1', log: quiet, ...options });
  const client = new CognitoIdentityProviderClient({
    endpoint: emulator.url,
    region: options.region ?? DEFAULTS.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return {
    ...emulator,
    client,
    async call(operation, body, headers = {}) {
      const response = await emulator.app.inject({
        method: 'POST',
        url: '/',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
          ...headers,
        },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : {}, headers: response.headers };
    },
    async close() {
      client.destroy();
      await emulator.close();
    },
  };
}
