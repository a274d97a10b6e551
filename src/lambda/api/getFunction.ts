import type { GetFunctionResponse } from '@aws-sdk/client-lambda';
import { codeLocation, functionConfiguration } from './configuration.js';
import type { LambdaOperation } from './call.js';
import { targetFunction } from './target.js';

/** `GET /2015-03-31/functions/{FunctionName}[?Qualifier=]`: the configuration and where the code is. */
export const GetFunction: LambdaOperation = async (call) => {
  const fn = targetFunction(call, call.query.Qualifier);
  const body: GetFunctionResponse = { Configuration: functionConfiguration(fn), Code: codeLocation(fn, call.baseUrl) };
  return { status: 200, body };
};
