import type { SchemaAttributeType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';

// What AWS fills in when `aws cognito-idp create-user-pool --pool-name x` sets nothing else: the same defaults
// jagregory/cognito-local captured from AWS (2021-11-26), plus what pools created since late 2024 also carry
// (UserPoolTier ESSENTIALS, SignInPolicy, DeletionProtection INACTIVE, UserAttributeUpdateSettings), per the
// CreateUserPool API reference.

const text = (Name: string, MinLength = '0', MaxLength = '2048', Mutable = true, Required = false): SchemaAttributeType => ({
  Name,
  AttributeDataType: 'String',
  DeveloperOnlyAttribute: false,
  Mutable,
  Required,
  StringAttributeConstraints: { MinLength, MaxLength },
});

const flag = (Name: string): SchemaAttributeType => ({
  Name,
  AttributeDataType: 'Boolean',
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
});

/** The standard attributes, in the order AWS lists them. */
export const STANDARD_ATTRIBUTES: readonly SchemaAttributeType[] = [
  text('sub', '1', '2048', false, true),
  text('name'),
  text('given_name'),
  text('family_name'),
  text('middle_name'),
  text('nickname'),
  text('preferred_username'),
  text('profile'),
  text('picture'),
  text('website'),
  text('email'),
  flag('email_verified'),
  text('gender'),
  text('birthdate', '10', '10'),
  text('zoneinfo'),
  text('locale'),
  text('phone_number'),
  flag('phone_number_verified'),
  text('address'),
  {
    Name: 'updated_at',
    AttributeDataType: 'Number',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
    NumberAttributeConstraints: { MinValue: '0' },
  },
];

export const STANDARD_ATTRIBUTE_NAMES = new Set(STANDARD_ATTRIBUTES.map((a) => a.Name!));

export const POOL_DEFAULTS = {
  Policies: {
    PasswordPolicy: {
      MinimumLength: 8,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 7,
    },
    SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
  },
  DeletionProtection: 'INACTIVE',
  LambdaConfig: {},
  VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
  UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
  MfaConfiguration: 'OFF',
  EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
  AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
  UserPoolTags: {},
  UserPoolTier: 'ESSENTIALS',
} satisfies Partial<UserPoolType>;
