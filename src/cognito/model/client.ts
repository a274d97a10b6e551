import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import type { TableSpec } from '../../store/store.js';

/** An app client as stored: the API shape with dates as epoch milliseconds. */
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
  // Every public call (InitiateAuth, SignUp...) reads its client.
  cache: true,
};

/**
 * What AWS fills in when CreateUserPoolClient (or UpdateUserPoolClient, which resets what it is not given) leaves a
 * setting out:
 * - RefreshTokenValidity 30, AuthSessionValidity 3, EnableTokenRevocation true,
 *   EnablePropagateAdditionalUserContextData false, AllowedOAuthFlowsUserPoolClient false: the API reference, and
 *   what hashicorp/terraform-provider-aws's acceptance tests read back from AWS for a bare client
 *   (TestAccCognitoIDPUserPoolClient_basic), as moto also captured.
 * - TokenValidityUnits {}: the same tests see an empty units block; Access/IdTokenValidity stay absent (they read
 *   0) and tokens then last one hour.
 * - ExplicitAuthFlows: "If you don't specify a value for ExplicitAuthFlows, your app client supports
 *   ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, and ALLOW_CUSTOM_AUTH" (API reference); AWS returns those
 *   three (floci-io/floci#3997).
 * - RefreshTokenRotation DISABLED with a 0 s grace period: AWS returns the disabled object when none was set
 *   (hashicorp/terraform-provider-aws#47374, #45646).
 * - ClientType REGULAR: every client made through CreateUserPoolClient (UserPoolClientType reference).
 * PreventUserExistenceErrors is not returned unless set (the terraform test reads ""); it then behaves as LEGACY.
 */
export const CLIENT_DEFAULTS = {
  RefreshTokenValidity: 30,
  TokenValidityUnits: {},
  ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'],
  AllowedOAuthFlowsUserPoolClient: false,
  EnableTokenRevocation: true,
  EnablePropagateAdditionalUserContextData: false,
  AuthSessionValidity: 3,
  RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 },
  ClientType: 'REGULAR',
} satisfies Partial<UserPoolClientType>;

/** PreventUserExistenceErrors ENABLED: unknown users look like wrong passwords or wrong codes. */
export const hidesUsers = (client: Pick<UserPoolClientRecord, 'PreventUserExistenceErrors'>) =>
  client.PreventUserExistenceErrors === 'ENABLED';

export function userPoolClientToApi(client: UserPoolClientRecord): UserPoolClientType {
  return { ...client, CreationDate: new Date(client.CreationDate), LastModifiedDate: new Date(client.LastModifiedDate) };
}
