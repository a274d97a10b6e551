// MFA configuration of pools and of users, and the TOTP authenticator, one file each, named after the operation.
export { AdminSetUserMFAPreference } from './adminSetUserMFAPreference.js';
export { AssociateSoftwareToken } from './associateSoftwareToken.js';
export { GetUserPoolMfaConfig } from './getUserPoolMfaConfig.js';
export { SetUserMFAPreference } from './setUserMFAPreference.js';
export { SetUserPoolMfaConfig } from './setUserPoolMfaConfig.js';
export { VerifySoftwareToken } from './verifySoftwareToken.js';
