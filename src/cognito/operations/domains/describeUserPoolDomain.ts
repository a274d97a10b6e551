import type { DescribeUserPoolDomainRequest, DescribeUserPoolDomainResponse } from '@aws-sdk/client-cognito-identity-provider';
import { Constraints } from '../../constraints.js';
import type { Deps, Operation } from '../../deps.js';
import { userPoolDomains, userPoolDomainToApi } from '../../model/domain.js';

/**
 * An unknown domain is not an error: AWS answers `{"DomainDescription":{}}` (asserted by aws-amplify/amplify-cli's
 * e2e tests after deleting a domain), which is how clients test whether a prefix is free.
 */
export const DescribeUserPoolDomain =
  ({ store }: Pick<Deps, 'store'>): Operation<DescribeUserPoolDomainRequest, DescribeUserPoolDomainResponse> =>
  async (_ctx, { Domain }) => {
    new Constraints().length('domain', Domain, 1, 63).throwIfAny();
    const record = await store.table(userPoolDomains).findOne('byDomain', [Domain!]);
    return { DomainDescription: record ? userPoolDomainToApi(record) : {} };
  };
