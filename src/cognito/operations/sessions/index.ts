// Sign-out and token revocation, one file each, named after the operation.
export { AdminUserGlobalSignOut } from './adminUserGlobalSignOut.js';
export { GlobalSignOut } from './globalSignOut.js';
export { RevokeToken } from './revokeToken.js';
