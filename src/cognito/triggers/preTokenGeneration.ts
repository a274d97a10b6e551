import type { Deps } from '../deps.js';
import type { UserPoolClientRecord } from '../model/client.js';
import type { UserRecord } from '../model/user.js';
import type { UserPoolRecord } from '../model/userPool.js';
import { roleClaims, userGroups } from '../tokens/claims.js';
import type { TokenOverrides } from '../tokens/tokens.js';
import { invokeTrigger, triggerAttributes } from './invoke.js';
import { v1Overrides, v2Overrides } from './preTokenResponse.js';

// PreTokenGeneration (developer guide, "Pre token generation Lambda trigger"): called by whoever is about to issue
// tokens, whose answer travels to the token service as IssueRequest.overrides. The token service never calls it.

/** "triggerSource value" table of the same page; _HostedAuth and _AuthenticateDevice wait for their flows. */
export type TokenSource =
  | 'TokenGeneration_Authentication'
  | 'TokenGeneration_NewPasswordChallenge'
  | 'TokenGeneration_RefreshTokens'
  | 'TokenGeneration_HostedAuth'
  | 'TokenGeneration_AuthenticateDevice';

export interface TokenSubject {
  pool: UserPoolRecord;
  client: UserPoolClientRecord;
  user: UserRecord;
  source: TokenSource;
  /** The access token's scopes before the function changes them (V2_0/V3_0 `request.scopes`). */
  scopes: string[];
  /** From RespondToAuthChallenge only; InitiateAuth's ClientMetadata does not reach this trigger. */
  clientMetadata?: Record<string, string> | undefined;
}

/**
 * The function and its event version: PreTokenGenerationConfig wins over the older plain PreTokenGeneration ARN,
 * which means V1_0 (LambdaConfigType reference: "PreTokenGenerationConfig ... Set this parameter for legacy
 * purposes ... to the same ARN as PreTokenGeneration").
 */
function configured(pool: UserPoolRecord): { arn: string; version: string } | undefined {
  const config = pool.LambdaConfig?.PreTokenGenerationConfig;
  if (config?.LambdaArn) return { arn: config.LambdaArn, version: config.LambdaVersion ?? 'V1_0' };
  const arn = pool.LambdaConfig?.PreTokenGeneration;
  return arn ? { arn, version: 'V1_0' } : undefined;
}

/** The function's changes to the tokens about to be issued; undefined when the pool has no such trigger. */
export async function preTokenGeneration(
  deps: Pick<Deps, 'functions' | 'clock' | 'store'>,
  subject: TokenSubject,
): Promise<TokenOverrides | undefined> {
  const config = configured(subject.pool);
  if (!config) return undefined;
  const v1 = config.version === 'V1_0';
  const groups = await userGroups(deps.store, subject.user);
  const roles = roleClaims(groups);
  // The user's groups as the tokens would carry them, for the function to copy or change.
  const groupConfiguration = {
    groupsToOverride: groups.map((g) => g.GroupName),
    iamRolesToOverride: (roles['cognito:roles'] as string[] | undefined) ?? [],
    preferredRole: (roles['cognito:preferred_role'] as string | undefined) ?? null,
  };
  const response = await invokeTrigger<object, Record<string, unknown>>(deps, {
    pool: subject.pool,
    trigger: 'PreTokenGeneration',
    arn: config.arn,
    // BasePreTokenGenerationV2TriggerEvent / V3 in @types/aws-lambda: version "2" and "3".
    version: v1 ? '1' : config.version === 'V2_0' ? '2' : '3',
    triggerSource: subject.source,
    userName: subject.user.Username,
    clientId: subject.client.ClientId,
    request: {
      userAttributes: triggerAttributes(subject.user),
      groupConfiguration,
      ...(v1 ? {} : { scopes: subject.scopes }),
      ...(subject.clientMetadata ? { clientMetadata: subject.clientMetadata } : {}),
    },
    response: v1 ? { claimsOverrideDetails: null } : { claimsAndScopeOverrideDetails: null },
  });
  return v1 ? v1Overrides(response.claimsOverrideDetails) : v2Overrides(response.claimsAndScopeOverrideDetails, subject.scopes);
}
