// The local functions cogniform can run: what Cognito triggers (and, later, API Gateway integrations) invoke.
// A function is found by the name in its ARN, `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`,
// or by a bare name; region and account are not compared (DESIGN.md, "functions by ARN").

/** A handler as Node.js Lambda functions write it: the event in, the result out (async, or a plain value). */
export type Handler = (event: any, context: LambdaContext) => unknown;

/** The part of Lambda's context object handlers commonly read. */
export interface LambdaContext {
  functionName: string;
  awsRequestId: string;
  getRemainingTimeInMillis(): number;
}

export interface Functions {
  /** The local function `arn` names, or undefined. */
  find(arn: string): LocalFunction | undefined;
}

export interface LocalFunction {
  name: string;
  invoke(event: unknown): Promise<unknown>;
}

/** `arn:aws:lambda:us-east-1:000000000000:function:f1:live` → `f1`; a bare name is its own name. */
export function functionName(arn: string): string {
  const parts = arn.split(':');
  return parts[0] === 'arn' && parts[5] === 'function' && parts[6] ? parts[6] : arn;
}

let invocations = 0;

/** Functions given in-process by name, for programs that embed cogniform (`startEmulator({ functions })`). */
export function handlerFunctions(handlers: Record<string, Handler>, timeoutMs = 5_000): Functions {
  return {
    find(arn) {
      const name = functionName(arn);
      const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
      if (!handler) return undefined;
      return {
        name,
        async invoke(event) {
          const started = Date.now();
          const context: LambdaContext = {
            functionName: name,
            awsRequestId: `local-${++invocations}`,
            getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
          };
          return handler(event, context);
        },
      };
    },
  };
}

/** The first of `sources` that has the function (in-process handlers before the template's functions). */
export function combineFunctions(...sources: Functions[]): Functions {
  return { find: (arn) => sources.map((source) => source.find(arn)).find((found) => found !== undefined) };
}
