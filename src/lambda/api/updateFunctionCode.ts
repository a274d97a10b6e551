import type { UpdateFunctionCodeRequest } from '@aws-sdk/client-lambda';
import { BadZipError, type UnpackedCode } from '../codeCache.js';
import { functionConfiguration } from './configuration.js';
import { jsonBody, type LambdaCall, type LambdaOperation } from './call.js';
import { badJson, invalidParameter } from './errors.js';
import { targetFunction } from './target.js';

// `PUT /2015-03-31/functions/{FunctionName}/code` with `{ZipFile: base64}` or `{S3Bucket, S3Key}` (what
// `serverless deploy function` and `aws lambda update-function-code` send). The zip is unpacked by the code cache
// and runs from the next invocation; the answer is the new configuration (CodeSha256, CodeSize, LastModified).
// DryRun checks the package without changing the function. Publish is accepted, but versions are not kept: the
// code is always `$LATEST`. Messages are Lambda's for a package it cannot read.

type Body = Pick<UpdateFunctionCodeRequest, 'S3Bucket' | 'S3Key' | 'DryRun' | 'Publish'> & { ZipFile?: unknown };

export const UpdateFunctionCode: LambdaOperation = async (call) => {
  const fn = targetFunction(call);
  const body = jsonBody(call) as Body;
  const { code, object } = await packageOf(call, body);
  if (body.DryRun === true) return { status: 200, body: functionConfiguration(fn) };
  const updated = await call.deployed.updateCode(fn.definition.name, code, object);
  // Undefined: a reconcile removed the function meanwhile, and targetFunction says it is not found.
  return { status: 200, body: functionConfiguration(updated ?? targetFunction(call)) };
};

async function packageOf(call: LambdaCall, body: Body): Promise<{ code: UnpackedCode; object?: { bucket: string; key: string } }> {
  if (body.ZipFile !== undefined) {
    if (typeof body.ZipFile !== 'string') throw badJson('ZipFile must be a base64 string');
    return { code: await unpack(call, Buffer.from(body.ZipFile, 'base64')) };
  }
  if (body.S3Bucket === undefined && body.S3Key === undefined) throw invalidParameter('Please provide a source for function code.');
  if (typeof body.S3Bucket !== 'string' || typeof body.S3Key !== 'string') {
    throw invalidParameter('Please provide both S3Bucket and S3Key for function code.');
  }
  const stored = await call.deps.s3.getObject(body.S3Bucket, body.S3Key).catch(() => undefined);
  if (!stored) {
    throw invalidParameter('Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.');
  }
  return { code: await unpack(call, stored.body), object: { bucket: body.S3Bucket, key: body.S3Key } };
}

async function unpack(call: LambdaCall, zip: Uint8Array): Promise<UnpackedCode> {
  try {
    return await call.deployments.codeCache.unpack(zip);
  } catch (error) {
    if (error instanceof BadZipError) throw invalidParameter(error.message);
    throw error;
  }
}
