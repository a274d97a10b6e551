import { resourceServers } from '../../../cognito/model/resourceServer.js';
import { OAuthError } from '../oauthError.js';
import type { Grant } from '../token.js';

/**
 * grant_type=client_credentials (machine to machine): a client with a secret whose AllowedOAuthFlows has
 * client_credentials (cognito-api.md §4.7). Scopes are resource-server scopes `<identifier>/<scope>` the client
 * allows and the pool still defines; none asked means all of the client's. Access token only.
 */
export const clientCredentialsGrant: Grant = async (deps, { pool, client }, form) => {
  if (!client.ClientSecret || !client.AllowedOAuthFlowsUserPoolClient || !(client.AllowedOAuthFlows ?? []).includes('client_credentials')) {
    throw new OAuthError('unauthorized_client');
  }
  const allowed = client.AllowedOAuthScopes ?? [];
  const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
  const scopes = asked.length ? [...new Set(asked)] : allowed;
  for (const scope of scopes) {
    if (!allowed.includes(scope) || !(await definedScope(deps, pool.Id, scope))) throw new OAuthError('invalid_scope');
  }
  return deps.tokens.issueForClient({ pool, client, scopes });
};

/** `<identifier>/<name>` where the pool's resource server `<identifier>` has the scope `<name>`. */
async function definedScope(deps: Parameters<Grant>[0], poolId: string, scope: string): Promise<boolean> {
  const slash = scope.lastIndexOf('/');
  if (slash <= 0) return false;
  const server = await deps.store.table(resourceServers).get([poolId, scope.slice(0, slash)]);
  return (server?.Scopes ?? []).some((s) => s.ScopeName === scope.slice(slash + 1));
}
