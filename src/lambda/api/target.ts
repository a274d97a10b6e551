import type { DeployedFunction } from '../deployedFunctions.js';
import { functionNotFound, validationError } from './errors.js';
import type { LambdaCall } from './call.js';

// Which function a call names: `FunctionName` in the path is a name, a partial ARN (`<account>:function:<name>`) or a
// full ARN, each optionally with `:<qualifier>`, and GetFunction and Invoke also take `?Qualifier=`. Functions here
// only have `$LATEST` (no published versions or aliases), so any other qualifier names nothing.

/** FunctionName's pattern in the Lambda API model (GetFunction, Invoke...). */
const FUNCTION_NAME = /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_.]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;
const LATEST = '$LATEST';

export function targetFunction(call: LambdaCall, qualifier?: string): DeployedFunction {
  const match = FUNCTION_NAME.exec(call.functionName);
  if (!match || call.functionName.length > 170) {
    throw validationError(call.functionName, 'functionName', `Member must satisfy regular expression pattern: ${FUNCTION_NAME.source.slice(1, -1)}`);
  }
  const name = match[7]!;
  const asked = qualifier ?? match[9];
  const fn = asked === undefined || asked === LATEST ? call.deployed.get(name) : undefined;
  if (!fn) throw functionNotFound(`arn:aws:lambda:${call.region}:${call.accountId}:function:${name}${asked && asked !== LATEST ? `:${asked}` : ''}`);
  return fn;
}
