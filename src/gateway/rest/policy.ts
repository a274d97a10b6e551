// Evaluating the IAM policy a Lambda authorizer returns against the method ARN of the request (developer guide,
// "Output from an API Gateway Lambda authorizer" and "Statement reference of IAM policies for executing API"): an
// explicit Deny wins, then an Allow; a policy that names neither leaves the call not allowed. Actions match
// `execute-api:Invoke` (or wildcards of it), resources match the ARN with IAM's wildcards: `*` any run of
// characters, `?` one character.

export type PolicyDecision = 'allow' | 'explicitDeny' | 'notAllowed';

export interface PolicyStatement {
  Effect?: unknown;
  Action?: unknown;
  Resource?: unknown;
}

/** The statements of a policy document, or undefined when it is malformed. */
export function statementsOf(document: unknown): PolicyStatement[] | undefined {
  if (document === null || typeof document !== 'object') return undefined;
  const statement = (document as { Statement?: unknown }).Statement;
  const list = Array.isArray(statement) ? statement : statement && typeof statement === 'object' ? [statement] : undefined;
  return list?.every((s) => s !== null && typeof s === 'object') ? (list as PolicyStatement[]) : undefined;
}

export function evaluatePolicy(statements: PolicyStatement[], methodArn: string): PolicyDecision {
  const applies = (s: PolicyStatement) =>
    listOf(s.Action).some((action) => wildcard(action.toLowerCase()).test('execute-api:invoke')) &&
    listOf(s.Resource).some((resource) => wildcard(resource).test(methodArn));
  const effect = (s: PolicyStatement) => String(s.Effect).toLowerCase();
  if (statements.some((s) => effect(s) === 'deny' && applies(s))) return 'explicitDeny';
  return statements.some((s) => effect(s) === 'allow' && applies(s)) ? 'allow' : 'notAllowed';
}

function listOf(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

function wildcard(pattern: string): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's');
}
