import type { GatewayDeps } from '../routes.js';
import { deny, identityValue, matchesExpression, type Authorization } from './authorization.js';
import { requestContext, requestFields, type RestCall } from './call.js';
import { responses } from './gatewayResponses.js';
import type { RestAuthorizer } from './model.js';
import { evaluatePolicy, statementsOf, type PolicyStatement } from './policy.js';
import { messageOf } from '../../errorMessage.js';

// CUSTOM authorizers, TOKEN and REQUEST (developer guide, "Use API Gateway Lambda authorizers": input, output,
// caching). The identity sources must all be present and non-empty, else 401 without invoking; a TOKEN
// authorizer's IdentityValidationExpression must match the token. The function's error "Unauthorized" is a 401;
// any other error, or an answer without principalId and a policy, is a 500 AuthorizerConfigurationException.
// Context values must be strings, numbers or booleans and reach the integration as strings. The policy is cached
// per identity for AuthorizerResultTtlInSeconds and evaluated again for each method ARN, which is why
// authorizers return wildcard resources.

interface Decision {
  principalId: string;
  statements: PolicyStatement[];
  context: Record<string, string>;
}

export interface LambdaAuthorizers {
  authorize(authorizer: RestAuthorizer, call: RestCall): Promise<Authorization>;
}

export function lambdaAuthorizers(deps: Pick<GatewayDeps, 'functions' | 'clock' | 'log' | 'region' | 'accountId'>): LambdaAuthorizers {
  const cache = new Map<string, { decision: Decision; expiresAt: number }>();

  async function decide(authorizer: RestAuthorizer, call: RestCall, identity: string[]): Promise<Decision | Authorization> {
    const fn = authorizer.functionArn ? deps.functions.find(authorizer.functionArn) : undefined;
    if (!fn) {
      deps.log.error(`Authorizer ${authorizer.name}: no local function ${authorizer.functionArn ?? '(no AuthorizerUri)'}`);
      return deny(responses.authorizerFailure);
    }
    const event = authorizer.type === 'TOKEN'
      ? { type: 'TOKEN', authorizationToken: identity[0], methodArn: call.methodArn }
      : requestEvent(call);
    let result: unknown;
    try {
      result = await fn.invoke(event);
    } catch (error) {
      if (messageOf(error) === 'Unauthorized') return deny(responses.unauthorized);
      deps.log.error(`Authorizer ${authorizer.name} failed`, error);
      return deny(responses.authorizerFailure);
    }
    const decision = decisionOf(result);
    if (!decision) deps.log.error(`Authorizer ${authorizer.name} returned no valid principalId, policyDocument and context`);
    return decision ?? deny(responses.authorizerFailure);
  }

  function requestEvent(call: RestCall): Record<string, unknown> {
    return {
      type: 'REQUEST',
      methodArn: call.methodArn,
      ...requestFields(call),
      requestContext: requestContext(deps, call),
    };
  }

  return {
    async authorize(authorizer, call) {
      const sources = authorizer.identitySource.split(',').map((s) => s.trim()).filter(Boolean);
      const identity = sources.map((source) => identityValue(source, call.request, call));
      if (identity.some((value) => !value)) return deny(responses.unauthorized);
      if (authorizer.type === 'TOKEN' && authorizer.validationExpression && !matchesExpression(authorizer.validationExpression, identity[0]!)) {
        return deny(responses.unauthorized);
      }
      const started = Date.now();
      const key = `${authorizer.id}\0${identity.join('\0')}`;
      const now = deps.clock.now().getTime();
      const cached = authorizer.ttlSeconds > 0 && sources.length ? cache.get(key) : undefined;
      let decision: Decision;
      if (cached && cached.expiresAt > now) {
        decision = cached.decision;
      } else {
        const decided = await decide(authorizer, call, identity as string[]);
        if ('allowed' in decided) return decided;
        decision = decided;
        if (authorizer.ttlSeconds > 0 && sources.length) cache.set(key, { decision, expiresAt: now + authorizer.ttlSeconds * 1000 });
      }
      const outcome = evaluatePolicy(decision.statements, call.methodArn);
      if (outcome !== 'allow') return deny(outcome === 'explicitDeny' ? responses.explicitDeny : responses.notAllowed);
      return {
        allowed: true,
        context: { ...decision.context, principalId: decision.principalId, integrationLatency: Date.now() - started },
      };
    },
  };
}

function decisionOf(result: unknown): Decision | undefined {
  if (result === null || typeof result !== 'object') return undefined;
  const { principalId, policyDocument, context } = result as Record<string, unknown>;
  const statements = statementsOf(policyDocument);
  if (principalId === undefined || principalId === null || !statements) return undefined;
  const rendered: Record<string, string> = {};
  for (const [name, value] of Object.entries((context ?? {}) as Record<string, unknown>)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) return undefined;
    rendered[name] = String(value);
  }
  return { principalId: String(principalId), statements, context: rendered };
}
