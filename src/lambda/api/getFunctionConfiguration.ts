import { functionConfiguration } from './configuration.js';
import type { LambdaOperation } from './call.js';
import { targetFunction } from './target.js';

/** `GET /2015-03-31/functions/{FunctionName}/configuration[?Qualifier=]`. */
export const GetFunctionConfiguration: LambdaOperation = async (call) => ({
  status: 200,
  body: functionConfiguration(targetFunction(call, call.query.Qualifier)),
});
