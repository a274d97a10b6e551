import type { ResourceServerType } from '@aws-sdk/client-cognito-identity-provider';
import type { TableSpec } from '../../store/store.js';

export type ResourceServerRecord = ResourceServerType & { UserPoolId: string; Identifier: string; Name: string };

/** Keyed by identifier within the pool, so ListResourceServers pages in identifier order. */
export const resourceServers: TableSpec<ResourceServerRecord> = {
  name: 'resourceServers',
  cache: true,
  key: (r) => [r.UserPoolId, r.Identifier],
};

/** A server without scopes answers `Scopes: []`, so clients can always iterate them. */
export function resourceServerToApi(server: ResourceServerRecord): ResourceServerType {
  return {
    UserPoolId: server.UserPoolId,
    Identifier: server.Identifier,
    Name: server.Name,
    Scopes: server.Scopes ?? [],
  };
}
