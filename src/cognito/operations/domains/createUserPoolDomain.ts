import type {
  CreateUserPoolDomainRequest, CreateUserPoolDomainResponse, CustomDomainConfigType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { InvalidParameterException } from '../../errors.js';
import { requirePool } from '../../lookup.js';
import { userPoolDomains, type UserPoolDomainRecord } from '../../model/domain.js';
import { userPools } from '../../model/userPool.js';
import { checkDomainRequest, checkPrefix, poolWithDomain } from './domainSettings.js';

const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A prefix domain, or a custom domain when CustomDomainConfig names a certificate. Domains are unique across pools
 * ("Domain already associated with another user pool."), and a pool holds at most one of each kind ("User pool
 * already has a domain configured."); both messages are AWS's, as quoted in aws-samples issues (aws-cdk-examples#402,
 * websocket-chat-application#29) and matched verbatim by serverless plugins. The domain is ACTIVE at once.
 */
export const CreateUserPoolDomain =
  ({ store, clock, ids }: Pick<Deps, 'store' | 'clock' | 'ids'>): Operation<CreateUserPoolDomainRequest, CreateUserPoolDomainResponse> =>
  async (ctx, request) => {
    checkDomainRequest(request);
    const { UserPoolId, Domain, CustomDomainConfig, ManagedLoginVersion, Routing } = request;
    if (!CustomDomainConfig) checkPrefix(Domain!);
    // Routing is "currently only supported for custom domains" (CreateUserPoolDomain reference); wording ours.
    if (Routing && !CustomDomainConfig) throw new InvalidParameterException('Routing is only supported for custom domains.');
    const table = store.table(userPoolDomains);
    // The domain's own lock keeps two pools from taking the same name at once; the pool's lock orders this with
    // the pool's other writes. Nothing takes them in the other order.
    const record = await store.transact(`domain:${Domain}`, () =>
      store.transact(UserPoolId!, async (tx) => {
        const pool = await requirePool(store, UserPoolId!);
        if (CustomDomainConfig ? pool.CustomDomain : pool.Domain) {
          throw new InvalidParameterException('User pool already has a domain configured.');
        }
        if (await table.findOne('byDomain', [Domain!])) {
          throw new InvalidParameterException('Domain already associated with another user pool.');
        }
        const created: UserPoolDomainRecord = {
          UserPoolId: pool.Id,
          AWSAccountId: ctx.accountId,
          Domain: Domain!,
          // Shaped like AWS's (aws-cli's describe-user-pool-domain example: `aws-cognito-prod-pdx-assets`,
          // `<id>.cloudfront.net`, a yyyyMMddHHmmss version); prefix domains show an empty CustomDomainConfig.
          S3Bucket: `aws-cognito-prod-${pool.Id.split('_')[0]}-assets`,
          CloudFrontDistribution: `d${ids.random(LOWER_ALPHANUMERIC, 13)}.cloudfront.net`,
          Version: clock.now().toISOString().replace(/\D/g, '').slice(0, 14),
          Status: 'ACTIVE',
          CustomDomainConfig: CustomDomainConfig ?? ({} as CustomDomainConfigType),
          ManagedLoginVersion: ManagedLoginVersion ?? 1,
          ...(Routing ? { Routing } : {}),
        };
        await tx.put(table, created);
        await tx.put(store.table(userPools), poolWithDomain(pool, created, true));
        return created;
      }),
    );
    // "If you set an Amazon Cognito prefix domain, this parameter returns null" (CreateUserPoolDomain reference).
    return {
      ManagedLoginVersion: record.ManagedLoginVersion,
      ...(CustomDomainConfig ? { CloudFrontDomain: record.CloudFrontDistribution } : {}),
      ...(Routing ? { Routing } : {}),
    };
  };
