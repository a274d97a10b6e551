import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Test } from 'uvu';
import { DEFAULTS } from '../../src/config.js';
import { JsonServiceError } from '../../src/server/edge.js';
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

/** Calls an identity-pools operation (cognito-identity) through `app.inject`; throws the AWS error it answers. */
export async function identityCall(emulator: Emulator, operation: string, body: object): Promise<any> {
  const response = await emulator.app.inject({
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityService.${operation}` },
    payload: JSON.stringify(body),
  });
  const answer = response.body ? JSON.parse(response.body) : {};
  if (response.statusCode >= 300) throw new JsonServiceError(answer.__type, answer.message, response.statusCode);
  return answer;
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

/**
 * Any AWS SDK v3 client (S3Client, CloudFormationClient, ...) pointed at `emulator` with the test credentials in
 * us-east-1; `extra` adds or overrides configuration (`{ forcePathStyle: true }`, another region).
 */
export function awsClient<Client, Config extends object>(
  ClientClass: new (...config: [] | [Config]) => Client,
  emulator: { url: string },
  extra: Partial<Config> = {},
): Client {
  return new ClientClass({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, ...extra } as Config);
}

/** The AWS error an SDK call fails with (name, message, HTTP status), or a failure if it succeeds. */
export async function rejection(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

/** A test emulator and an SDK client on it, as `withEmulator` keeps them. */
export interface Running<Client> {
  emulator: TestEmulator;
  client: Client;
}

export interface WithEmulatorOptions<Client> {
  /** A fresh emulator for every test (`before.each`), rather than one for the whole file. */
  each?: boolean;
  options?: Partial<EmulatorOptions>;
  /** Runs after each start, e.g. to create the bucket every test uses. */
  ready?: (running: Running<Client>) => Promise<void>;
}

/**
 * Registers hooks on `suite` that start a test emulator and `client(emulator)`, then close both. The returned object
 * is filled in at each start, so tests read `running.client` and `running.emulator` inside their bodies.
 */
export function withEmulator<Client extends { destroy(): void }>(
  suite: Test,
  client: (emulator: TestEmulator) => Client,
  { each = false, options, ready }: WithEmulatorOptions<Client> = {},
): Running<Client> {
  const running = {} as Running<Client>;
  const start = async () => {
    running.emulator = await startTestEmulator(options);
    running.client = client(running.emulator);
    await ready?.(running);
  };
  const stop = async () => {
    running.client.destroy();
    await running.emulator.close();
  };
  if (each) {
    suite.before.each(start);
    suite.after.each(stop);
  } else {
    suite.before(start);
    suite.after(stop);
  }
  return running;
}
