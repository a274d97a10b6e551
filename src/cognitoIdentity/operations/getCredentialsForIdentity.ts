import type { GetCredentialsForIdentityInput, GetCredentialsForIdentityResponse } from '@aws-sdk/client-cognito-identity';
import { openIdentity } from '../access.js';
import type { IssuedCredentials } from '../credentials.js';
import type { CognitoIdentityDeps } from '../deps.js';
import { newCredentials } from '../issue.js';
import { issuedCredentials } from '../model/issuedCredentials.js';
import { resolveRole } from '../roles.js';

// "Credentials are valid for 1 hour" (the credentials an identity pool vends through AssumeRoleWithWebIdentity
// last one hour; identity pools developer guide, "Getting credentials").
const VALIDITY_MS = 3600 * 1000;

/**
 * GetCredentialsForIdentity: temporary credentials for the role the identity gets (./roles.ts), remembered by
 * access key id so that requests signed with them can be verified (./credentials.ts).
 */
export function GetCredentialsForIdentity(deps: Pick<CognitoIdentityDeps, 'store' | 'tokens' | 'clock' | 'accountId' | 'ids'>) {
  const { store, clock, accountId } = deps;
  return async (input: GetCredentialsForIdentityInput, region: string): Promise<GetCredentialsForIdentityResponse> => {
    const access = await openIdentity(deps, region, input.IdentityId!, input.Logins);
    const roleArn = resolveRole(access, input.CustomRoleArn);
    const keys = newCredentials(deps);
    const issued: IssuedCredentials = {
      ...keys,
      expiration: clock.now().getTime() + VALIDITY_MS,
      region,
      accountId,
      identityPoolId: access.pool.IdentityPoolId,
      identityId: access.identity.IdentityId,
      authenticated: access.logins.length > 0,
      roleArn,
      logins: access.logins.map(({ provider, sub }) => ({ provider, sub })),
    };
    await store.transact(`identityCredentials\0${issued.accessKeyId}`, (tx) => tx.put(store.table(issuedCredentials), issued));
    return {
      IdentityId: access.identity.IdentityId,
      Credentials: {
        AccessKeyId: issued.accessKeyId,
        SecretKey: issued.secretAccessKey,
        SessionToken: issued.sessionToken,
        Expiration: new Date(issued.expiration),
      },
    };
  };
}
