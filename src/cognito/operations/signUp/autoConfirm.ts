import { aliasesOf, attributeValue, type UserRecord } from '../../model/user.js';
import type { UserPoolRecord } from '../../model/userPool.js';
import type { PreSignUpDecision } from '../../triggers/signUpTriggers.js';
import { setAttributes } from '../users/attributes/attributes.js';

/**
 * The new user as PreSignUp decided: CONFIRMED with autoConfirmUser (SignUp only: an AdminCreateUser user still
 * has to change the temporary password), and email or phone_number verified with autoVerifyEmail/autoVerifyPhone.
 * A flag for an attribute the user lacks verifies nothing: the developer guide says the attribute "must have a
 * valid, non-null value", and AWS's error for it is not documented, so cogniform leaves it unverified.
 */
export function autoConfirmed(pool: UserPoolRecord, user: UserRecord, decision: PreSignUpDecision): UserRecord {
  const verify = [
    ...(decision.autoVerifyEmail && attributeValue(user, 'email') ? ['email_verified'] : []),
    ...(decision.autoVerifyPhone && attributeValue(user, 'phone_number') ? ['phone_number_verified'] : []),
  ];
  const Attributes = setAttributes(user.Attributes, verify.map((Name) => ({ Name, Value: 'true' })));
  return {
    ...user,
    Attributes,
    Aliases: aliasesOf(pool, Attributes),
    UserStatus: decision.autoConfirmUser && user.UserStatus === 'UNCONFIRMED' ? 'CONFIRMED' : user.UserStatus,
  };
}
