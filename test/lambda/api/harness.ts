import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { zipSync } from 'fflate';
import type { Test } from 'uvu';
import type { EmulatorOptions } from '../../../src/index.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

// An emulator with a CloudFormation template of two functions: `lambda-api-zip`, whose Code names a zip in the local
// S3 (bucket `deploy-bucket`, key chosen by the test), and `lambda-api-inline`, whose Code is inline ZipFile source.
// The template is a file the test rewrites and reconciles again.

export const BUCKET = 'deploy-bucket';
export const ZIP_FUNCTION = 'lambda-api-zip';
export const INLINE_FUNCTION = 'lambda-api-inline';

export interface LambdaHarness {
  emulator: TestEmulator;
  lambda: LambdaClient;
  s3: S3Client;
  /** Every line the emulator logged. */
  logged: string[];
  templateFile: string;
  /** Writes the template with the zip function's code at `key` and reconciles it. */
  deploy(key: string, extra?: Record<string, unknown>): Promise<void>;
  /** Puts a zip of `files` at `key` in the deployment bucket; returns its bytes. */
  putZip(key: string, files: Record<string, string>): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A handler module: `handler` answers its version, the event and GREETING; `fail` throws; `logs` prints. */
export function handlerSource(version: string): Record<string, string> {
  return {
    'index.js': `exports.handler = async (event) => ({ version: ${JSON.stringify(version)}, greeting: process.env.GREETING, event });
exports.fail = async () => { throw new TypeError('broken ' + ${JSON.stringify(version)}); };
exports.logs = async () => { console.log('hello from the log'); return 'logged'; };
`,
  };
}

export function zipOf(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, new TextEncoder().encode(text)])));
}

export function templateText(key: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      ZipFunction: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          FunctionName: ZIP_FUNCTION,
          Handler: 'index.handler',
          Runtime: 'nodejs20.x',
          Role: 'arn:aws:iam::000000000000:role/lambda-api',
          Description: 'zip from S3',
          MemorySize: 256,
          Timeout: 5,
          Code: { S3Bucket: BUCKET, S3Key: key },
          Environment: { Variables: { GREETING: 'hi' } },
          ...extra,
        },
      },
      InlineFunction: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          FunctionName: INLINE_FUNCTION,
          Handler: 'index.handler',
          Runtime: 'nodejs20.x',
          Role: 'arn:aws:iam::000000000000:role/lambda-api',
          Code: { ZipFile: 'exports.handler = async (event) => ({ inline: true, event });' },
        },
      },
    },
  });
}

export async function startLambdaHarness(options: Partial<EmulatorOptions> = {}, dir = mkdtempSync(path.join(tmpdir(), 'cogniform-lambda-api-'))): Promise<LambdaHarness> {
  const templateFile = path.join(dir, 'functions.json');
  const logged: string[] = [];
  const log = { info: (line: string) => void logged.push(line), error: (line: string) => void logged.push(line) };
  const emulator = await startTestEmulator({ log, templates: { paths: [templateFile], watch: false, stage: 'local', parameters: {} }, ...options });
  const config = { endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  const lambda = new LambdaClient(config);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  // A restarted emulator (inMemory: false) still has it.
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET })).catch((error: Error) => {
    if (error.name !== 'BucketAlreadyOwnedByYou') throw error;
  });
  return {
    emulator,
    lambda,
    s3,
    logged,
    templateFile,
    async deploy(key, extra) {
      writeFileSync(templateFile, templateText(key, extra));
      await emulator.templates.reconcileAll();
    },
    async putZip(key, files) {
      const body = zipOf(files);
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
      return body;
    },
    async close() {
      lambda.destroy();
      s3.destroy();
      await emulator.close();
    },
  };
}

/**
 * Registers hooks on `suite` that start one harness for the file, with the zip function deployed from `deployed.key`
 * (the handler module of `deployed.version`) when given, and close it after. The returned harness is filled in at start.
 */
export function withLambdaHarness(suite: Test, deployed?: { key: string; version: string }): LambdaHarness {
  const harness = {} as LambdaHarness;
  suite.before(async () => {
    Object.assign(harness, await startLambdaHarness());
    if (!deployed) return;
    await harness.putZip(deployed.key, handlerSource(deployed.version));
    await harness.deploy(deployed.key);
  });
  suite.after(() => harness.close());
  return harness;
}

export function decode(payload: Uint8Array | undefined): unknown {
  return JSON.parse(new TextDecoder().decode(payload));
}
