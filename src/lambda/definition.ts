// What a local function is, as the templates declare it (AWS::Lambda::Function, serverless `functions`): the
// runtime (./runtime/) runs these; src/iac derives them from the stacks after every reconcile.

export interface FunctionDefinition {
  /** FunctionName: what ARNs name (`arn:aws:lambda:<region>:<account>:function:<name>`). */
  name: string;
  /** `path/to/file.export`, relative to `codeDir` (Lambda's Handler property). */
  handler: string;
  /** The absolute folder the handler path is relative to. */
  codeDir: string;
  /** `nodejs20.x` etc.; informational (handlers run on this Node). */
  runtime?: string;
  /** The function's own environment variables (only these, plus Lambda's own AWS_* ones, reach it). */
  environment: Record<string, string>;
  /** Lambda's Timeout, seconds (default 3, as Lambda). */
  timeoutSeconds: number;
  memorySize?: number;
  region: string;
  accountId: string;
  /** The stack it comes from, for messages. */
  stackName: string;
}
