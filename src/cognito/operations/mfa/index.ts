// Pool-level MFA configuration, one file each, named after the operation.
export { GetUserPoolMfaConfig } from './getUserPoolMfaConfig.js';
export { SetUserPoolMfaConfig } from './setUserPoolMfaConfig.js';
