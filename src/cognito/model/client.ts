import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import type { TableSpec } from '../../store/store.js';

export type UserPoolClientRecord = Omit<UserPoolClientType, 'CreationDate' | 'LastModifiedDate'> & {
  UserPoolId: string;
  ClientId: string;
  ClientName: string;
  CreationDate: number;
  LastModifiedDate: number;
};

/** Keyed under the pool (so deleting a pool purges its clients); `byId` finds a client from its id alone. */
export const userPoolClients: TableSpec<UserPoolClientRecord> = {
  name: 'clients',
  key: (c) => [c.UserPoolId, c.ClientId],
  indexes: { byId: (c) => [[c.ClientId]] },
};

export function userPoolClientToApi(client: UserPoolClientRecord): UserPoolClientType {
  return { ...client, CreationDate: new Date(client.CreationDate), LastModifiedDate: new Date(client.LastModifiedDate) };
}
