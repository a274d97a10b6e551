import { isDeepStrictEqual } from 'node:util';
import type { CreateUserPoolRequest, SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';
import type { UserPoolProperties } from 'cloudform-types/types/cognito/userPool.js';
import { STANDARD_ATTRIBUTE_NAMES } from '../../../cognito/model/poolDefaults.js';
import type { ProviderContext, Resolved } from '../provider.js';

// The parts of AWS::Cognito::UserPool that CreateUserPool / UpdateUserPool do not carry themselves: schema growth,
// MFA factors (EnabledMfas) and tags. The CloudFormation handler takes the same detours: its update permissions are
// UpdateUserPool, AddCustomAttributes, SetUserPoolMfaConfig, TagResource and UntagResource (registry schema
// AWS::Cognito::UserPool, `handlers.update.permissions`, as shipped in cfn-lint's provider schemas).

/** cloudform-types' UserPool properties, with what it lacks taken from the API (SignInPolicy, UserPoolTier). */
export type UserPoolProps = Omit<Resolved<UserPoolProperties>, 'Policies'> &
  Pick<CreateUserPoolRequest, 'Policies' | 'UserPoolTier'>;

type Schema = Resolved<UserPoolProperties>['Schema'];

const byName = (schema: Schema = []) => new Map(schema.map((attribute) => [attribute.Name, attribute]));

/**
 * What a template added to the schema, if a pool can take it in place: new custom attributes that are not required.
 * Undefined when the change needs a new pool: the Cognito developer guide ("Updating user pool and app client
 * configuration", settings you can't change) lists required attributes and removing custom attributes, and
 * existing attributes cannot be changed (CloudFormation docs, Schema: "you can add new schema attributes but you
 * cannot modify or delete an existing schema attribute").
 */
export function schemaAdditions(previous: Schema, next: Schema): SchemaAttributeType[] | undefined {
  const before = byName(previous);
  const after = byName(next);
  for (const [name, attribute] of before) {
    if (!isDeepStrictEqual(after.get(name), attribute)) return undefined;
  }
  const added = [...after.values()].filter((attribute) => !before.has(attribute.Name));
  const inPlace = added.every((a) => !a.Required && !STANDARD_ATTRIBUTE_NAMES.has(a.Name ?? ''));
  return inPlace ? (added as SchemaAttributeType[]) : undefined;
}

/**
 * EnabledMfas is CloudFormation's own property (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP); the API sets factors with
 * SetUserPoolMfaConfig, which takes the whole configuration and the mode with it.
 */
export async function setMfaFactors(ctx: ProviderContext, userPoolId: string, props: UserPoolProps): Promise<void> {
  const factors = new Set(props.EnabledMfas ?? []);
  await ctx.cognito('SetUserPoolMfaConfig', {
    UserPoolId: userPoolId,
    MfaConfiguration: props.MfaConfiguration ?? 'OFF',
    ...(factors.has('SOFTWARE_TOKEN_MFA') ? { SoftwareTokenMfaConfiguration: { Enabled: true } } : {}),
    ...(factors.has('SMS_MFA')
      ? { SmsMfaConfiguration: { SmsAuthenticationMessage: props.SmsAuthenticationMessage, SmsConfiguration: props.SmsConfiguration } }
      : {}),
    ...(factors.has('EMAIL_OTP') ? { EmailMfaConfiguration: {} } : {}),
  });
}

/** Brings the pool's tags from `previous` to `next`: removed keys untagged, new or changed ones tagged. */
export async function retag(
  ctx: ProviderContext,
  arn: string,
  previous: Record<string, string> = {},
  next: Record<string, string> = {},
): Promise<void> {
  const removed = Object.keys(previous).filter((key) => !(key in next));
  const set = Object.fromEntries(Object.entries(next).filter(([key, value]) => previous[key] !== value));
  if (removed.length) await ctx.cognito('UntagResource', { ResourceArn: arn, TagKeys: removed });
  if (Object.keys(set).length) await ctx.cognito('TagResource', { ResourceArn: arn, Tags: set });
}
