import type { CreateIdentityPoolInput } from '@aws-sdk/client-cognito-identity';
import type { IdentityPoolRecord } from './identityPool.js';

type Settings = Omit<IdentityPoolRecord, 'IdentityPoolId' | 'Roles' | 'RoleMappings' | 'IdentityPoolTags'>;

/**
 * The settings CreateIdentityPool and UpdateIdentityPool take (Update replaces them all: a member left out is
 * cleared, as the API reference's "UpdateIdentityPool" takes a whole IdentityPool). A Cognito provider's
 * ServerSideTokenCheck defaults to false, as AWS answers it (awscli examples describe-identity-pool.rst).
 */
export function poolSettings(input: CreateIdentityPoolInput): Settings {
  const { IdentityPoolName, AllowUnauthenticatedIdentities, AllowClassicFlow, SupportedLoginProviders, DeveloperProviderName } = input;
  const { OpenIdConnectProviderARNs, CognitoIdentityProviders, SamlProviderARNs } = input;
  return {
    IdentityPoolName: IdentityPoolName!,
    AllowUnauthenticatedIdentities: AllowUnauthenticatedIdentities!,
    ...(AllowClassicFlow !== undefined ? { AllowClassicFlow } : {}),
    ...(SupportedLoginProviders ? { SupportedLoginProviders } : {}),
    ...(DeveloperProviderName !== undefined ? { DeveloperProviderName } : {}),
    ...(OpenIdConnectProviderARNs ? { OpenIdConnectProviderARNs } : {}),
    ...(CognitoIdentityProviders
      ? { CognitoIdentityProviders: CognitoIdentityProviders.map((p) => ({ ...p, ServerSideTokenCheck: p.ServerSideTokenCheck ?? false })) }
      : {}),
    ...(SamlProviderARNs ? { SamlProviderARNs } : {}),
  };
}
