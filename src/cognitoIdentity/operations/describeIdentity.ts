import type { DescribeIdentityInput, IdentityDescription } from '@aws-sdk/client-cognito-identity';
import type { CognitoIdentityDeps } from '../deps.js';
import { identityNotFound } from '../errors.js';
import { findIdentity, identityToApi } from '../model/identity.js';

export function DescribeIdentity({ store }: Pick<CognitoIdentityDeps, 'store'>) {
  return async (input: DescribeIdentityInput, region: string): Promise<IdentityDescription> => {
    const identity = await findIdentity(store, region, input.IdentityId!);
    if (!identity) throw identityNotFound(input.IdentityId!);
    return identityToApi(identity);
  };
}
