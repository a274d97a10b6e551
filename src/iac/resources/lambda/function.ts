import { randomInt } from 'node:crypto';
import { recordedProvider } from '../recorded.js';

// AWS::Lambda::Function: recorded in the stack, run by the local runtime (src/lambda), which src/iac syncs from the
// stacks after every reconcile. Ref is the function name; Fn::GetAtt Arn its ARN (CloudFormation "Return values").

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** CloudFormation names an unnamed function `<stack>-<logicalId>-<12 random alphanumerics>`. */
function generatedName(stackName: string, logicalId: string): string {
  let suffix = '';
  for (let i = 0; i < 12; i++) suffix += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return `${stackName}-${logicalId}-${suffix}`.slice(0, 64);
}

export const lambdaFunction = recordedProvider({
  type: 'AWS::Lambda::Function',
  id: (ctx, logicalId, props) => (typeof props.FunctionName === 'string' ? props.FunctionName : generatedName(ctx.stackName, logicalId)),
  attributes: (ctx, name) => ({ Arn: `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${name}` }),
  replaceOn: ['FunctionName'],
});
