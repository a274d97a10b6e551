import type { Logger } from '../cognito/deps.js';
import { functionName } from '../lambda/functions.js';
import type { Store } from '../store/store.js';
import { listStacks, type StackRecord } from './stacks/stackRecord.js';
import { describePath, type LoadedTemplate, type PropertyPath } from './template.js';

// After a reconcile: the user pools whose LambdaConfig names a function cogniform cannot run. On AWS such a pool
// could not even be deployed; locally the trigger would fail only when it fires (UnexpectedLambdaException), so the
// mistake is said at once, where it was written, in the form of DESIGN.md §3's error lines.

/** LambdaConfig keys that hold no function (the custom senders' key). */
const NOT_FUNCTIONS = new Set(['KMSKeyID']);

/**
 * One line per trigger whose function `hasFunction` does not know:
 * `<file>:<line>:<col> warning: Resources.Pool.Properties.LambdaConfig.PreSignUp: ...`.
 */
export function triggerWarnings(
  loaded: Pick<LoadedTemplate, 'locate'>,
  stack: Pick<StackRecord, 'Resources'>,
  hasFunction: (arn: string) => boolean,
): string[] {
  const lines: string[] = [];
  for (const [logicalId, resource] of Object.entries(stack.Resources)) {
    if (resource.Type !== 'AWS::Cognito::UserPool') continue;
    const config = resource.Properties.LambdaConfig;
    if (!config || typeof config !== 'object') continue;
    for (const [trigger, value] of Object.entries(config as Record<string, unknown>)) {
      if (NOT_FUNCTIONS.has(trigger)) continue;
      // Plain ARNs, or `{ LambdaArn, LambdaVersion }` (the custom senders, PreTokenGenerationConfig).
      const nested = value && typeof value === 'object' ? (value as { LambdaArn?: unknown }).LambdaArn : undefined;
      const arn = typeof value === 'string' ? value : nested;
      if (typeof arn !== 'string' || !arn || hasFunction(arn)) continue;
      const path: PropertyPath = ['Resources', logicalId, 'Properties', 'LambdaConfig', trigger];
      const at = loaded.locate(typeof value === 'string' ? path : [...path, 'LambdaArn']);
      lines.push(
        `${at.file}:${at.line}:${at.column} warning: ${describePath(path)}: the ${trigger} trigger ${arn} names no ` +
          `local function named ${functionName(arn)}; it will fail with UnexpectedLambdaException when it fires ` +
          '(define the function in a template cogniform loads, or correct the ARN)',
      );
    }
  }
  return lines;
}

/** The functions the stacks define, by name: what can run when nothing better is known. */
export function stackFunctions(stacks: Pick<StackRecord, 'Resources'>[]): (arn: string) => boolean {
  const names = new Set(
    stacks.flatMap((s) => Object.values(s.Resources).filter((r) => r.Type === 'AWS::Lambda::Function').map((r) => r.PhysicalId)),
  );
  return (arn) => names.has(functionName(arn));
}

/** Logs the warnings of the stacks just reconciled; call it once the local functions follow the stacks. */
export async function warnAboutTriggers(
  deps: { store: Store; log: Logger; hasFunction?: ((arn: string) => boolean) | undefined },
  reconciled: { loaded: Pick<LoadedTemplate, 'locate'>; stack: Pick<StackRecord, 'Resources'> }[],
): Promise<void> {
  if (!reconciled.length) return;
  const known = deps.hasFunction ?? stackFunctions(await listStacks(deps.store));
  for (const { loaded, stack } of reconciled) for (const line of triggerWarnings(loaded, stack, known)) deps.log.error(line);
}
