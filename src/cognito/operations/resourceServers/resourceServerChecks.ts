import type { ResourceServerScopeType } from '@aws-sdk/client-cognito-identity-provider';
import type { Store, Transaction } from '../../../store/store.js';
import { Constraints } from '../../constraints.js';
import { ResourceNotFoundException } from '../../errors.js';
import { resourceServers, type ResourceServerRecord } from '../../model/resourceServer.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

// What the resource-server operations share. Constraints are the model's (botocore cognito-idp 2016-04-18
// service-2.json: ResourceServerIdentifierType, ResourceServerNameType, ResourceServerScopeListType,
// ResourceServerScopeNameType, ResourceServerScopeDescriptionType, ListResourceServersLimitType).

const IDENTIFIER = '[\\x21\\x23-\\x5B\\x5D-\\x7E]+';
const NAME = '[\\w\\s+=,.@-]+';
const SCOPE_NAME = '[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+';

/** The pool id and identifier every resource-server operation carries. */
export function checkServerKey(userPoolId: string, identifier: string): Constraints {
  return checkUserPoolId(userPoolId)
    .length('identifier', identifier, 1, 256)
    .pattern('identifier', identifier, IDENTIFIER);
}

/** Name and scopes, as CreateResourceServer and UpdateResourceServer accept them. */
export function checkServerSettings(
  name: string,
  scopes: ResourceServerScopeType[] | undefined,
  c: Constraints,
): Constraints {
  c.length('name', name, 1, 256).pattern('name', name, NAME);
  c.length('scopes', scopes?.map((s) => s.ScopeName ?? ''), 0, 100);
  scopes?.forEach((scope, i) => {
    const path = `scopes.${i + 1}.member`;
    c.length(`${path}.scopeName`, scope.ScopeName, 1, 256)
      .pattern(`${path}.scopeName`, scope.ScopeName, SCOPE_NAME)
      .length(`${path}.scopeDescription`, scope.ScopeDescription, 1, 256);
  });
  return c;
}

/**
 * The scopes as stored: only the two members the model defines, so a request's stray members never come back.
 */
export function storedScopes(scopes: ResourceServerScopeType[] | undefined): ResourceServerScopeType[] {
  return (scopes ?? []).map(({ ScopeName, ScopeDescription }) => ({ ScopeName, ScopeDescription }));
}

export async function requireResourceServer(
  store: Store,
  userPoolId: string,
  identifier: string,
  tx?: Transaction,
): Promise<ResourceServerRecord> {
  const table = store.table(resourceServers);
  const server = tx ? await tx.get(table, [userPoolId, identifier]) : await table.get([userPoolId, identifier]);
  // Wording as moto has it (AWS documents none).
  if (!server) throw new ResourceNotFoundException(`Resource server ${identifier} does not exist.`);
  return server;
}
