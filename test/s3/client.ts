import { S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import * as assert from 'uvu/assert';
import type { Test } from 'uvu';
import { awsClient, withEmulator, type Running } from '../helpers/emulator.js';

/** An SDK v3 S3 client on the emulator, path-style as serverless needs it against an IP or localhost endpoint. */
export function s3Client(emulator: { url: string }, region = 'us-east-1'): S3Client {
  return awsClient(S3Client, emulator, { region, forcePathStyle: true });
}

/**
 * Registers hooks on `suite` that start one emulator and an S3 client on it for the file, then `ready` (its buckets
 * and objects), and close them after.
 */
export function withS3(suite: Test, ready?: (running: Running<S3Client>) => Promise<void>): Running<S3Client> {
  return withEmulator(suite, s3Client, { ready });
}

/** Asserts that `work` fails with S3 error `code` (and HTTP `status`). */
export async function assertS3Error(work: Promise<unknown>, code: string, status?: number): Promise<S3ServiceException> {
  try {
    await work;
  } catch (error) {
    const e = error as S3ServiceException;
    assert.is(e.name, code, `${e.name}: ${e.message}`);
    if (status) assert.is(e.$metadata.httpStatusCode, status);
    return e;
  }
  assert.unreachable(`expected ${code}`);
  throw new Error('unreachable');
}

/** A SigV4 Authorization header naming s3, for raw requests through `app.inject` (signatures are not verified). */
export function signed(region = 'us-east-1'): Record<string, string> {
  return { authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/s3/aws4_request, SignedHeaders=host, Signature=abc` };
}
