import type { CreateUserPoolDomainRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { Store, Transaction } from '../../../store/store.js';
import { PATTERNS } from '../../constraints.js';
import { InvalidParameterException } from '../../errors.js';
import { isCustomDomain, userPoolDomains, type UserPoolDomainRecord } from '../../model/domain.js';
import { userPools, type UserPoolRecord } from '../../model/userPool.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

// What the domain operations share: their members' constraints (AWS API reference, CreateUserPoolDomain and
// UpdateUserPoolDomain), the rules for prefixes, and keeping the pool's Domain / CustomDomain in step.

/** The members CreateUserPoolDomain and UpdateUserPoolDomain share. DomainType is 1 to 63 characters. */
export function checkDomainRequest(request: Partial<CreateUserPoolDomainRequest>): void {
  const config = request.CustomDomainConfig;
  checkUserPoolId(request.UserPoolId!)
    .length('domain', request.Domain, 1, 63)
    .length('customDomainConfig.certificateArn', config?.CertificateArn, 20, 2048)
    .pattern('customDomainConfig.certificateArn', config?.CertificateArn, PATTERNS.arn)
    .oneOf('customDomainConfig.securityPolicy', config?.SecurityPolicy, ['TLS_V1', 'TLS_V1_2_2021', 'TLS_V1_3_2025'])
    .throwIfAny();
  // Version 1 is the classic hosted UI, 2 managed login (CreateUserPoolDomain reference); the wording is ours.
  const version = request.ManagedLoginVersion;
  if (version !== undefined && version !== 1 && version !== 2) {
    throw new InvalidParameterException(`ManagedLoginVersion ${version} is not valid: use 1 (hosted UI) or 2 (managed login).`);
  }
}

const PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A prefix is lower-case letters, digits and inner hyphens, and holds no reserved word. AWS refuses "aws" as a
 * hyphen-separated part (aws-solutions/content-analysis-on-aws#8: `aws-content-analysis-…`) but accepts it inside
 * a longer part (`-awsome-` deploys, per a CloudFormation preflight rule set's controlled test); "cognito" is
 * refused even inside one (aws-amplify/amplify-cli#3854: `…-newcognito`), and "amazon" is taken to behave alike.
 * Both messages are AWS's (the first quoted in mineiros-io/terraform-aws-cognito-user-pool#69).
 */
export function checkPrefix(domain: string): void {
  if (!PREFIX.test(domain)) {
    throw new InvalidParameterException(
      'The domain name contains an invalid character. Domain names can only contain lower-case letters, numbers, and hyphens. ' +
        'Please enter a different name that follows this format: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$',
    );
  }
  const reserved = domain.split('-').includes('aws') ? 'aws' : ['amazon', 'cognito'].find((word) => domain.includes(word));
  if (reserved) throw new InvalidParameterException(`Domain cannot contain reserved word: ${reserved}`);
}

/**
 * The pool's domain of that name, or AWS's error for a domain the pool does not have, which also covers a pool
 * that does not exist (aws-amplify/amplify-cli e2e tests; `No such domain or user pool exists.`).
 */
export async function requirePoolDomain(
  store: Store, tx: Transaction, userPoolId: string, domain: string,
): Promise<{ pool: UserPoolRecord; record: UserPoolDomainRecord }> {
  const pool = await tx.get(store.table(userPools), [userPoolId]);
  const record = pool && (await tx.get(store.table(userPoolDomains), [userPoolId, domain]));
  if (!pool || !record) throw new InvalidParameterException('No such domain or user pool exists.');
  return { pool, record };
}

/** The pool as DescribeUserPool shows it with (or without) this domain: `Domain` for a prefix, else `CustomDomain`. */
export function poolWithDomain(pool: UserPoolRecord, domain: UserPoolDomainRecord, present: boolean): UserPoolRecord {
  const field = isCustomDomain(domain) ? 'CustomDomain' : 'Domain';
  const { [field]: _previous, ...rest } = pool;
  return present ? { ...rest, [field]: domain.Domain } : rest;
}
