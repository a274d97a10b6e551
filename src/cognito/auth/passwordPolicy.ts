import type { PasswordPolicyType } from '@aws-sdk/client-cognito-identity-provider';
import type { Ids } from '../deps.js';
import { InvalidPasswordException } from '../errors.js';
import { POOL_DEFAULTS } from '../model/poolDefaults.js';

/**
 * The characters that count as symbols (Amazon Cognito developer guide, "Adding user pool password requirements").
 * A space counts too when it is neither leading nor trailing.
 */
const SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
/** Symbols for generated passwords: quotes, backslash and backtick left out so they paste into a shell. */
const SAFE_SYMBOLS = '^$*.[]{}()?!@#%&/,><:;|_~=+-';

function hasSymbol(password: string): boolean {
  return [...password].some((c) => SYMBOLS.includes(c)) || password.trim().includes(' ');
}

/**
 * Throws InvalidPasswordException with AWS's message for the first rule the password breaks. The messages are
 * AWS's (quoted verbatim by many apps that match on them, e.g. "Password did not conform with policy: Password
 * must have symbol characters"); the order of the checks follows moto's, as AWS does not document it.
 */
export function checkPassword(policy: PasswordPolicyType | undefined, password: string): void {
  const p = { ...POOL_DEFAULTS.Policies.PasswordPolicy, ...policy };
  const rules: [broken: boolean, message: string][] = [
    [password.length < p.MinimumLength, 'Password not long enough'],
    [p.RequireLowercase && !/[a-z]/.test(password), 'Password must have lowercase characters'],
    [p.RequireUppercase && !/[A-Z]/.test(password), 'Password must have uppercase characters'],
    [p.RequireNumbers && !/[0-9]/.test(password), 'Password must have numeric characters'],
    [p.RequireSymbols && !hasSymbol(password), 'Password must have symbol characters'],
  ];
  const broken = rules.find(([isBroken]) => isBroken);
  if (broken) throw new InvalidPasswordException(`Password did not conform with policy: ${broken[1]}`);
}

/**
 * A temporary password that meets any policy: one character of every class whatever the policy requires, and at
 * least the policy's minimum length (never below 8).
 */
export function generateTemporaryPassword(policy: PasswordPolicyType | undefined, ids: Pick<Ids, 'random'>): string {
  const length = Math.max(policy?.MinimumLength ?? POOL_DEFAULTS.Policies.PasswordPolicy.MinimumLength, 8);
  return (
    ids.random(UPPER, 1) +
    ids.random(LOWER, 1) +
    ids.random(UPPER + LOWER + DIGITS, length - 4) +
    ids.random(DIGITS, 1) +
    ids.random(SAFE_SYMBOLS, 1)
  );
}
