// Operations of this area, one file each, named after the operation.
export { AdminConfirmSignUp } from './adminConfirmSignUp.js';
export { ConfirmSignUp } from './confirmSignUp.js';
export { ResendConfirmationCode } from './resendConfirmationCode.js';
export { SignUp } from './signUp.js';
