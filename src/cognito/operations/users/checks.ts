import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { Constraints, PATTERNS } from '../../constraints.js';
import { checkUserPoolId } from '../pools/poolSettings.js';

// Member constraints the user operations share (AWS API reference: UsernameType, AttributeType, AttributeNameType,
// PasswordType, QueryLimitType). Usernames, attribute values and passwords are sensitive members: AWS leaves their
// value out of validation messages.

/** AttributeNameType's pattern, the same character classes as usernames. */
const ATTRIBUTE_NAME = PATTERNS.username;

/** PasswordType: no leading or trailing whitespace, at most 256 characters. */
export const PASSWORD_PATTERN = '^[\\S]+.*[\\S]+$';

/** The pool id and username every admin user operation carries. */
export function checkUserKey(userPoolId: string, username: string): Constraints {
  return checkUsername(username, checkUserPoolId(userPoolId));
}

export function checkUsername(username: string, c: Constraints): Constraints {
  return c.length('username', username, 1, 128, true).pattern('username', username, PATTERNS.username, true);
}

/** A list of AttributeType: names of 1..32 characters, values of at most 2048. */
export function checkAttributeList(path: string, attributes: AttributeType[] | undefined, c: Constraints): Constraints {
  attributes?.forEach((attribute, i) => {
    const member = `${path}.${i + 1}.member`;
    checkAttributeName(`${member}.name`, attribute.Name, c).length(`${member}.value`, attribute.Value, 0, 2048, true);
  });
  return c;
}

/** A list of AttributeNameType. */
export function checkAttributeNames(path: string, names: string[] | undefined, c: Constraints): Constraints {
  names?.forEach((name, i) => checkAttributeName(`${path}.${i + 1}.member`, name, c));
  return c;
}

function checkAttributeName(path: string, name: string | undefined, c: Constraints): Constraints {
  return c.length(path, name, 1, 32).pattern(path, name, ATTRIBUTE_NAME);
}
