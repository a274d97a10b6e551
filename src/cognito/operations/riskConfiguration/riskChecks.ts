import type { NotifyEmailType, SetRiskConfigurationRequest } from '@aws-sdk/client-cognito-identity-provider';
import { isIPv4, isIPv6 } from 'node:net';
import type { Store } from '../../../store/store.js';
import { Constraints, PATTERNS } from '../../constraints.js';
import { InvalidParameterException } from '../../errors.js';
import { requireClient, requirePool } from '../../lookup.js';
import { POOL_LEVEL } from '../../model/riskConfiguration.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

// What SetRiskConfiguration and DescribeRiskConfiguration share, with the model's constraints (AWS API reference:
// RiskConfigurationType and the types it holds).

/** ClientId is 1 to 128 characters of [\w+]+ and sensitive, so its value stays out of messages. */
export function checkRiskKey(userPoolId: string, clientId: string | undefined): Constraints {
  return checkUserPoolId(userPoolId)
    .length('clientId', clientId, 1, 128, true)
    .pattern('clientId', clientId, PATTERNS.clientId, true);
}

/**
 * The request with JSON nulls left out, at any depth: AWS JSON reads a null member as an absent one, and a null in a
 * list as no item. The settings are stored as given, so they must hold no nulls either.
 */
export function withoutNulls<T>(request: T): T {
  return JSON.parse(JSON.stringify(request, (_key, value: unknown) =>
    value === null ? undefined : Array.isArray(value) ? value.filter((item) => item !== null) : value)) as T;
}

/** The key part of the settings a request names: a client's own, or the pool's (no ClientId, or "ALL"). */
export const riskKey = (clientId: string | undefined) => clientId ?? POOL_LEVEL;

/** The pool, and a named client, must exist (ResourceNotFoundException with the usual messages). */
export async function requireRiskTarget(store: Store, userPoolId: string, clientId: string | undefined): Promise<void> {
  await requirePool(store, userPoolId);
  if (riskKey(clientId) !== POOL_LEVEL) await requireClient(store, userPoolId, clientId!);
}

const TAKEOVER_ACTIONS = ['BLOCK', 'MFA_IF_CONFIGURED', 'MFA_REQUIRED', 'NO_ACTION'] as const;
const EMAIL_TEXT = '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]+';

function checkEmail(c: Constraints, path: string, email: NotifyEmailType | undefined): void {
  c.length(`${path}.subject`, email?.Subject, 1, 140)
    .pattern(`${path}.subject`, email?.Subject, '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+')
    .length(`${path}.htmlBody`, email?.HtmlBody, 6, 20000)
    .pattern(`${path}.htmlBody`, email?.HtmlBody, EMAIL_TEXT)
    .length(`${path}.textBody`, email?.TextBody, 6, 20000)
    .pattern(`${path}.textBody`, email?.TextBody, EMAIL_TEXT);
}

const isCidr = (range: string) => {
  const [address, bits, extra] = range.split('/');
  if (extra !== undefined || bits === undefined || !/^\d{1,3}$/.test(bits)) return false;
  if (isIPv4(address!)) return Number(bits) <= 32;
  return isIPv6(address!) && Number(bits) <= 128;
};

export function checkRiskSettings(request: SetRiskConfigurationRequest): void {
  const compromised = request.CompromisedCredentialsRiskConfiguration;
  const takeover = request.AccountTakeoverRiskConfiguration;
  const notify = takeover?.NotifyConfiguration;
  const exceptions = request.RiskExceptionConfiguration;
  const c = checkRiskKey(request.UserPoolId!, request.ClientId)
    .eachOneOf('compromisedCredentialsRiskConfiguration.eventFilter', compromised?.EventFilter, ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'])
    .oneOf('compromisedCredentialsRiskConfiguration.actions.eventAction', compromised?.Actions?.EventAction, ['BLOCK', 'NO_ACTION'])
    .length('accountTakeoverRiskConfiguration.notifyConfiguration.sourceArn', notify?.SourceArn, 20, 2048)
    .pattern('accountTakeoverRiskConfiguration.notifyConfiguration.sourceArn', notify?.SourceArn, PATTERNS.arn)
    .length('riskExceptionConfiguration.blockedIPRangeList', exceptions?.BlockedIPRangeList, 0, 200)
    .length('riskExceptionConfiguration.skippedIPRangeList', exceptions?.SkippedIPRangeList, 0, 200);
  for (const level of ['Low', 'Medium', 'High'] as const) {
    const action = takeover?.Actions?.[`${level}Action`];
    c.oneOf(`accountTakeoverRiskConfiguration.actions.${level.toLowerCase()}Action.eventAction`, action?.EventAction, TAKEOVER_ACTIONS);
  }
  checkEmail(c, 'accountTakeoverRiskConfiguration.notifyConfiguration.blockEmail', notify?.BlockEmail);
  checkEmail(c, 'accountTakeoverRiskConfiguration.notifyConfiguration.noActionEmail', notify?.NoActionEmail);
  checkEmail(c, 'accountTakeoverRiskConfiguration.notifyConfiguration.mfaEmail', notify?.MfaEmail);
  c.throwIfAny();
  // The lists hold CIDR blocks (API reference); AWS refuses others, in words of its own that we do not have.
  const bad = [...(exceptions?.BlockedIPRangeList ?? []), ...(exceptions?.SkippedIPRangeList ?? [])].find((r) => !isCidr(r));
  if (bad !== undefined) throw new InvalidParameterException(`${bad} is not a valid CIDR block.`);
}
