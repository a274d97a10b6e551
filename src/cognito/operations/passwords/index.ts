// Operations of this area, one file each, named after the operation.
export { AdminResetUserPassword } from './adminResetUserPassword.js';
export { AdminSetUserPassword } from './adminSetUserPassword.js';
export { ConfirmForgotPassword } from './confirmForgotPassword.js';
export { ForgotPassword } from './forgotPassword.js';
