import type { ResourceServerType } from '@aws-sdk/client-cognito-identity-provider';
import type { TableSpec } from '../../store/store.js';

export type ResourceServerRecord = ResourceServerType & { UserPoolId: string; Identifier: string; Name: string };

export const resourceServers: TableSpec<ResourceServerRecord> = {
  name: 'resourceServers',
  key: (r) => [r.UserPoolId, r.Identifier],
};
