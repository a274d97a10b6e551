// Operations a signed-in user calls with their own access token, one file each, named after the operation.
export { ChangePassword } from './changePassword.js';
export { DeleteUser } from './deleteUser.js';
export { DeleteUserAttributes } from './deleteUserAttributes.js';
export { GetUser } from './getUser.js';
export { GetUserAttributeVerificationCode } from './getUserAttributeVerificationCode.js';
export { UpdateUserAttributes } from './updateUserAttributes.js';
export { VerifyUserAttribute } from './verifyUserAttribute.js';
