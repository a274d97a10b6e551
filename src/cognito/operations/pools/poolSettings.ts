import type { CreateUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider';
import { Constraints, PATTERNS } from '../../constraints.js';
import { InvalidParameterException } from '../../errors.js';

/** Settings that CreateUserPool and UpdateUserPool share, checked the same way for both. */
export function checkPoolSettings(request: Partial<CreateUserPoolRequest>, c = new Constraints()): void {
  const policy = request.Policies?.PasswordPolicy;
  c.range('policies.passwordPolicy.minimumLength', policy?.MinimumLength, 6, 99)
    .range('policies.passwordPolicy.temporaryPasswordValidityDays', policy?.TemporaryPasswordValidityDays, 0, 365)
    .range('policies.passwordPolicy.passwordHistorySize', policy?.PasswordHistorySize, 0, 24)
    .oneOf('mfaConfiguration', request.MfaConfiguration, ['OFF', 'ON', 'OPTIONAL'])
    .oneOf('deletionProtection', request.DeletionProtection, ['ACTIVE', 'INACTIVE'])
    .oneOf('userPoolTier', request.UserPoolTier, ['LITE', 'ESSENTIALS', 'PLUS'])
    .eachOneOf('autoVerifiedAttributes', request.AutoVerifiedAttributes, ['phone_number', 'email'])
    .eachOneOf('aliasAttributes', request.AliasAttributes, ['phone_number', 'email', 'preferred_username'])
    .eachOneOf('usernameAttributes', request.UsernameAttributes, ['phone_number', 'email'])
    .oneOf('verificationMessageTemplate.defaultEmailOption',
      request.VerificationMessageTemplate?.DefaultEmailOption, ['CONFIRM_WITH_LINK', 'CONFIRM_WITH_CODE'])
    .oneOf('emailConfiguration.emailSendingAccount',
      request.EmailConfiguration?.EmailSendingAccount, ['COGNITO_DEFAULT', 'DEVELOPER'])
    .range('adminCreateUserConfig.unusedAccountValidityDays',
      request.AdminCreateUserConfig?.UnusedAccountValidityDays, 0, 365);
  if (request.PoolName !== undefined) {
    c.length('poolName', request.PoolName, 1, 128).pattern('poolName', request.PoolName, PATTERNS.poolName);
  }
  c.throwIfAny();
  if (request.AliasAttributes?.length && request.UsernameAttributes?.length) {
    throw new InvalidParameterException('Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.');
  }
}

export function checkUserPoolId(userPoolId: string, c = new Constraints()): Constraints {
  return c.length('userPoolId', userPoolId, 1, 55).pattern('userPoolId', userPoolId, PATTERNS.userPoolId);
}
