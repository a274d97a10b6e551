// Operations on a pool's external identity providers (SAML, OIDC, social), one file each, named after the operation.
export { CreateIdentityProvider } from './createIdentityProvider.js';
export { DeleteIdentityProvider } from './deleteIdentityProvider.js';
export { DescribeIdentityProvider } from './describeIdentityProvider.js';
export { GetIdentityProviderByIdentifier } from './getIdentityProviderByIdentifier.js';
export { ListIdentityProviders } from './listIdentityProviders.js';
export { UpdateIdentityProvider } from './updateIdentityProvider.js';
