import type { UpdateFunctionConfigurationRequest } from '@aws-sdk/client-lambda';
import type { ConfigurationChanges } from '../functionState.js';
import { functionConfiguration } from './configuration.js';
import { jsonBody, type LambdaOperation } from './call.js';
import { badJson, validationError } from './errors.js';
import { targetFunction } from './target.js';

// `PUT /2015-03-31/functions/{FunctionName}/configuration`: Description, Handler, Runtime, Timeout, MemorySize and
// Environment are applied to the running function (the next invocation starts with them); the other fields
// (Role, VpcConfig, Layers...) are accepted and have no local effect. Limits are the API reference's: Timeout
// 1-900 s, MemorySize 128-10240 MB, Description up to 256 characters, Handler up to 128.

type Body = Pick<UpdateFunctionConfigurationRequest, 'Description' | 'Handler' | 'Runtime' | 'Timeout' | 'MemorySize' | 'Environment'>;

export const UpdateFunctionConfiguration: LambdaOperation = async (call) => {
  const fn = targetFunction(call);
  const changes = configurationChanges(jsonBody(call) as Body);
  const updated = await call.deployed.updateConfiguration(fn.definition.name, changes);
  return { status: 200, body: functionConfiguration(updated ?? targetFunction(call)) };
};

function configurationChanges(body: Body): ConfigurationChanges {
  const changes: ConfigurationChanges = {};
  if (body.Description !== undefined) changes.Description = text(body.Description, 'description', 256);
  if (body.Handler !== undefined) changes.Handler = text(body.Handler, 'handler', 128);
  if (body.Runtime !== undefined) changes.Runtime = text(body.Runtime, 'runtime', 64);
  if (body.Timeout !== undefined) changes.Timeout = integer(body.Timeout, 'timeout', 1, 900);
  if (body.MemorySize !== undefined) changes.MemorySize = integer(body.MemorySize, 'memorySize', 128, 10_240);
  if (body.Environment !== undefined) {
    const variables = (body.Environment as { Variables?: unknown } | null)?.Variables ?? {};
    if (typeof variables !== 'object' || variables === null || Object.values(variables).some((v) => typeof v !== 'string')) {
      throw badJson('Environment.Variables must map names to strings');
    }
    changes.Variables = variables as Record<string, string>;
  }
  return changes;
}

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') throw badJson(`${field} must be a string`);
  if (value.length > max) throw validationError(value, field, `Member must have length less than or equal to ${max}`);
  return value;
}

function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw badJson(`${field} must be an integer`);
  if (value < min) throw validationError(value, field, `Member must have value greater than or equal to ${min}`);
  if (value > max) throw validationError(value, field, `Member must have value less than or equal to ${max}`);
  return value;
}
