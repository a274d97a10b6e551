import type { UpdateUserPoolDomainRequest, UpdateUserPoolDomainResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { InvalidParameterException } from '../../errors.js';
import { isCustomDomain, userPoolDomains, type UserPoolDomainRecord } from '../../model/domain.js';
import { checkDomainRequest, requirePoolDomain } from './domainSettings.js';

/**
 * Changes a domain's managed-login version and, for a custom domain, its certificate or routing; what the request
 * leaves out stays. A prefix domain has no certificate to change (the wording of that error is ours).
 */
export const UpdateUserPoolDomain =
  ({ store }: Pick<Deps, 'store'>): Operation<UpdateUserPoolDomainRequest, UpdateUserPoolDomainResponse> =>
  async (_ctx, request) => {
    checkDomainRequest(request);
    const { UserPoolId, Domain, CustomDomainConfig, ManagedLoginVersion, Routing } = request;
    const updated = await store.transact(UserPoolId!, async (tx) => {
      const { record } = await requirePoolDomain(store, tx, UserPoolId!, Domain!);
      if (!isCustomDomain(record) && (CustomDomainConfig || Routing)) {
        throw new InvalidParameterException('CustomDomainConfig and Routing apply only to custom domains.');
      }
      const next: UserPoolDomainRecord = {
        ...record,
        ...(CustomDomainConfig ? { CustomDomainConfig } : {}),
        ...(ManagedLoginVersion !== undefined ? { ManagedLoginVersion } : {}),
        ...(Routing ? { Routing } : {}),
      };
      await tx.put(store.table(userPoolDomains), next);
      return next;
    });
    return {
      ManagedLoginVersion: updated.ManagedLoginVersion,
      ...(isCustomDomain(updated) ? { CloudFrontDomain: updated.CloudFrontDistribution } : {}),
      ...(updated.Routing ? { Routing: updated.Routing } : {}),
    };
  };
