import { JsonServiceError, type JsonCall, type JsonSurface } from '../server/edge.js';
import type { CredentialsLookup } from './credentials.js';
import type { CognitoIdentityDeps, IdentityCallOptions } from './deps.js';
import { issuedCredentials } from './model/issuedCredentials.js';
import { openIdKey, type OpenIdKey } from './openIdKey.js';
import { CreateIdentityPool } from './operations/createIdentityPool.js';
import { DeleteIdentities } from './operations/deleteIdentities.js';
import { DeleteIdentityPool } from './operations/deleteIdentityPool.js';
import { DescribeIdentity } from './operations/describeIdentity.js';
import { DescribeIdentityPool } from './operations/describeIdentityPool.js';
import { GetCredentialsForIdentity } from './operations/getCredentialsForIdentity.js';
import { GetId } from './operations/getId.js';
import { GetIdentityPoolRoles } from './operations/getIdentityPoolRoles.js';
import { GetOpenIdToken } from './operations/getOpenIdToken.js';
import { ListIdentities } from './operations/listIdentities.js';
import { ListIdentityPools } from './operations/listIdentityPools.js';
import { SetIdentityPoolRoles } from './operations/setIdentityPoolRoles.js';
import { UpdateIdentityPool } from './operations/updateIdentityPool.js';
import { validateRequest } from './validate.js';

export type { CognitoIdentityDeps, IdentityCallOptions } from './deps.js';

// Each operation takes its request, already checked against the model (./validate.ts), the call's region, and what
// cogniform itself asks beside the request (only CreateIdentityPool reads it).
type Operation = (input: any, region: string, options?: IdentityCallOptions) => Promise<unknown>;

/** The identity pools as cogniform's other parts see them (src/index.ts wires them; templates call `handle`). */
export interface IdentityPoolsSurface extends JsonSurface {
  /** `options` is for cogniform's own callers (the reconciler's pinned ids); the edge never passes it. */
  handle(operation: string, call: JsonCall, options?: IdentityCallOptions): Promise<unknown>;
  credentials: CredentialsLookup;
  jwks(): Promise<{ keys: OpenIdKey['jwk'][] }>;
}

/**
 * Amazon Cognito identity pools (the `cognito-identity` service, AWS JSON 1.1, X-Amz-Target
 * `AWSCognitoIdentityService.<Operation>`). `jwks` is the key set GetOpenIdToken's tokens verify with, what AWS
 * serves at https://cognito-identity.amazonaws.com/.well-known/jwks_uri.
 */
export function cognitoIdentitySurface(deps: CognitoIdentityDeps): IdentityPoolsSurface {
  const operations: Record<string, Operation> = {
    CreateIdentityPool: CreateIdentityPool(deps),
    DescribeIdentityPool: DescribeIdentityPool(deps),
    UpdateIdentityPool: UpdateIdentityPool(deps),
    DeleteIdentityPool: DeleteIdentityPool(deps),
    ListIdentityPools: ListIdentityPools(deps),
    GetId: GetId(deps),
    GetCredentialsForIdentity: GetCredentialsForIdentity(deps),
    GetOpenIdToken: GetOpenIdToken(deps),
    SetIdentityPoolRoles: SetIdentityPoolRoles(deps),
    GetIdentityPoolRoles: GetIdentityPoolRoles(deps),
    DescribeIdentity: DescribeIdentity(deps),
    ListIdentities: ListIdentities(deps),
    DeleteIdentities: DeleteIdentities(deps),
  };
  return {
    prefix: 'AWSCognitoIdentityService',
    credentials: { find: (accessKeyId) => deps.store.table(issuedCredentials).get([accessKeyId]) },
    jwks: async () => ({ keys: [(await openIdKey(deps.store)).jwk] }),
    handle: async (operation, call, options) => {
      const run = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
      if (!run) throw new JsonServiceError('UnknownOperationException', `Unknown operation ${operation}`);
      return run(validateRequest(operation, call.body), call.region, options);
    },
  };
}
