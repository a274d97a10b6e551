import type { IdentityProviderTypeType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterException } from '../../errors.js';

// What each provider type requires in ProviderDetails and what Cognito adds to it. Required keys: the
// CreateIdentityProvider reference ("ProviderDetails"); the added keys and their values: its "Describe response"
// examples per type (also in the SDK's doc comments), and Terraform's acceptance tests against AWS for Google
// (terraform-provider-aws, aws_cognito_identity_provider: the same nine keys).

export const PROVIDER_TYPES = ['SAML', 'Facebook', 'Google', 'LoginWithAmazon', 'SignInWithApple', 'OIDC'] as const;

/** Social providers whose name must be their type. */
const SOCIAL = new Set<string>(['Facebook', 'Google', 'LoginWithAmazon', 'SignInWithApple']);

const OAUTH_APP = ['client_id', 'client_secret', 'authorize_scopes'];

const REQUIRED: Record<Exclude<IdentityProviderTypeType, 'SAML'>, string[]> = {
  Google: OAUTH_APP,
  Facebook: OAUTH_APP,
  LoginWithAmazon: OAUTH_APP,
  SignInWithApple: ['client_id', 'team_id', 'key_id', 'private_key', 'authorize_scopes'],
  OIDC: ['client_id', 'attributes_request_method', 'oidc_issuer', 'authorize_scopes'],
};

/**
 * The user-pool attribute a social provider maps `username` to when the request maps none: the provider's own
 * subject claim (fakecloud's fix for Terraform's `attribute_mapping.username` assertion against AWS).
 */
const USERNAME_CLAIM: Partial<Record<IdentityProviderTypeType, string>> = {
  Google: 'sub',
  SignInWithApple: 'sub',
  Facebook: 'id',
  LoginWithAmazon: 'user_id',
};

/** "a, b and c" */
function listed(keys: string[]): string {
  return keys.length < 2 ? keys.join('') : `${keys.slice(0, -1).join(', ')} and ${keys.at(-1)}`;
}

/** AWS: "Provider NameOfGP cannot be of type Google." (aws/aws-cli#3179); social names are reserved both ways. */
export function checkProviderName(name: string, type: IdentityProviderTypeType): void {
  if ((SOCIAL.has(type) || SOCIAL.has(name)) && name !== type) {
    throw new InvalidParameterException(`Provider ${name} cannot be of type ${type}.`);
  }
}

/** Throws when a key the type needs is missing or empty, in AWS's words. */
export function checkProviderDetails(type: IdentityProviderTypeType, details: Record<string, string>): void {
  if (type === 'SAML') {
    // Quoted in hashicorp/terraform-provider-aws#4815.
    if (!details.MetadataURL && !details.MetadataFile) {
      throw new InvalidParameterException('At least one of the MetadataURL or MetadataFile should be provided.');
    }
    return;
  }
  const required = REQUIRED[type];
  // AWS words it for Google, Facebook and Login with Amazon (aws-amplify/amplify-cli#8266); the other types are
  // worded the same way with their own keys.
  if (required.some((key) => !details[key])) {
    throw new InvalidParameterException(`${listed(required)} are all required idp details`);
  }
  if (type === 'OIDC' && !['GET', 'POST'].includes(details.attributes_request_method!)) {
    throw new InvalidParameterException('attributes_request_method must be GET or POST');
  }
}

/** The details as Cognito keeps them: the request's, with the endpoints and flags Cognito sets for the type. */
export function providerDetailsWithDefaults(
  type: IdentityProviderTypeType,
  details: Record<string, string>,
): Record<string, string> {
  return { ...details, ...cognitoSetDetails(type, details) };
}

function cognitoSetDetails(type: IdentityProviderTypeType, details: Record<string, string>): Record<string, string> {
  switch (type) {
    case 'Google':
      return {
        attributes_url: 'https://people.googleapis.com/v1/people/me?personFields=',
        attributes_url_add_attributes: 'true',
        authorize_url: 'https://accounts.google.com/o/oauth2/v2/auth',
        oidc_issuer: 'https://accounts.google.com',
        token_request_method: 'POST',
        token_url: 'https://www.googleapis.com/oauth2/v4/token',
      };
    case 'Facebook': {
      // The Graph API version the request names goes into every URL; without one, the unversioned URLs.
      const version = details.api_version ? `/${details.api_version}` : '';
      return {
        attributes_url: `https://graph.facebook.com${version}/me?fields=`,
        attributes_url_add_attributes: 'true',
        authorize_url: `https://www.facebook.com${version}/dialog/oauth`,
        token_request_method: 'GET',
        token_url: `https://graph.facebook.com${version}/oauth/access_token`,
      };
    }
    case 'LoginWithAmazon':
      return {
        attributes_url: 'https://api.amazon.com/user/profile',
        attributes_url_add_attributes: 'false',
        authorize_url: 'https://www.amazon.com/ap/oa',
        token_request_method: 'POST',
        token_url: 'https://api.amazon.com/auth/o2/token',
      };
    case 'SignInWithApple':
      return {
        attributes_url_add_attributes: 'false',
        authorize_url: 'https://appleid.apple.com/auth/authorize',
        oidc_issuer: 'https://appleid.apple.com',
        token_request_method: 'POST',
        token_url: 'https://appleid.apple.com/auth/token',
      };
    case 'OIDC':
      // AWS would also discover the endpoints from oidc_issuer; cogniform keeps the ones the request gives.
      return { attributes_url_add_attributes: 'false' };
    case 'SAML':
      // AWS reads the metadata for SSORedirectBindingURI and the like; cogniform does not fetch it.
      return {};
  }
}

/** The request's mapping, with a social provider's default `username` mapping when it gives none. */
export function attributeMappingWithDefaults(
  type: IdentityProviderTypeType,
  mapping: Record<string, string> | undefined,
): Record<string, string> | undefined {
  const claim = USERNAME_CLAIM[type];
  if (!claim || mapping?.username) return mapping;
  return { username: claim, ...mapping };
}
