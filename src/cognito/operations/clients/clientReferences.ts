import type { Store } from '../../../store/store.js';
import { InvalidParameterException, ScopeDoesNotExistException } from '../../errors.js';
import type { UserPoolClientRecord } from '../../model/client.js';
import { identityProviders } from '../../model/identityProvider.js';
import { resourceServers, type ResourceServerRecord } from '../../model/resourceServer.js';
import type { UserPoolRecord } from '../../model/userPool.js';
import { STANDARD_SCOPES } from './oauthSettings.js';

// What a client names in its pool must exist there: attributes, identity providers and scopes. Messages are
// AWS's, as catalogued by a CloudFormation preflight rule set (pf-cognito-read-attributes-exists,
// pf-cognito-write-attributes-immutable, pf-cognito-supported-identity-providers-exists,
// pf-cognito-oauth-scopes-unknown).

/** Which operation is checking: AWS's attribute messages name it. */
export type ClientAction = 'creating' | 'updating';

/** Attributes no app client may write: Cognito alone sets them. */
const UNWRITABLE = ['sub', 'email_verified', 'phone_number_verified'];

export async function checkPoolReferences(
  store: Store, pool: UserPoolRecord, client: UserPoolClientRecord, action: ClientAction,
): Promise<void> {
  checkAttributes(pool, client, action);
  await checkIdentityProviders(store, pool.Id, client.SupportedIdentityProviders ?? []);
  await checkScopes(store, pool.Id, client.AllowedOAuthScopes ?? []);
}

function checkAttributes(pool: UserPoolRecord, client: UserPoolClientRecord, action: ClientAction): void {
  const schema = new Map((pool.SchemaAttributes ?? []).map((attribute) => [attribute.Name!, attribute]));
  if (client.ReadAttributes?.some((name) => !schema.has(name))) {
    throw new InvalidParameterException(`Invalid read attributes specified while ${action} a client`);
  }
  const writable = (name: string) => {
    const attribute = schema.get(name);
    return attribute !== undefined && attribute.Mutable !== false && !UNWRITABLE.includes(name);
  };
  if (client.WriteAttributes?.some((name) => !writable(name))) {
    throw new InvalidParameterException(`Invalid write attributes specified while ${action} a client`);
  }
}

/** COGNITO is always there; any other name must be an identity provider of the pool. */
async function checkIdentityProviders(store: Store, userPoolId: string, names: string[]): Promise<void> {
  for (const name of names) {
    if (name === 'COGNITO') continue;
    if (!(await store.table(identityProviders).get([userPoolId, name]))) {
      throw new InvalidParameterException(`The provider ${name} does not exist for User Pool`);
    }
  }
}

/**
 * A custom scope is `<identifier>/<name>`; identifiers may themselves hold slashes (they are often URLs) but scope
 * names may not (ResourceServerScopeType pattern), so the name is what follows the last slash.
 */
async function checkScopes(store: Store, userPoolId: string, scopes: string[]): Promise<void> {
  const servers = new Map<string, ResourceServerRecord | undefined>();
  const serverOf = async (identifier: string) => {
    if (!servers.has(identifier)) servers.set(identifier, await store.table(resourceServers).get([userPoolId, identifier]));
    return servers.get(identifier);
  };
  for (const scope of scopes) {
    if (STANDARD_SCOPES.includes(scope)) continue;
    const slash = scope.lastIndexOf('/');
    const server = slash > 0 ? await serverOf(scope.slice(0, slash)) : undefined;
    if (!server?.Scopes?.some((s) => s.ScopeName === scope.slice(slash + 1))) {
      throw new ScopeDoesNotExistException(`Invalid scope requested: ${scope}`);
    }
  }
}
