import type { AttributeType, SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterException, NotAuthorizedException } from '../../../errors.js';
import type { UserPoolClientRecord } from '../../../model/client.js';
import { aliasesOf, attributeValue, type UserRecord } from '../../../model/user.js';
import type { UserPoolRecord } from '../../../model/userPool.js';

// User attributes checked against the pool's schema, and merged into a user's list.
//
// Messages: "Attributes did not conform to the schema: Type for attribute {custom:role} could not be determined"
// and "...: email: The attribute is required" are AWS's, quoted in public issues and code; several problems are
// listed one per line (aws-amplify/amplify-flutter#509). "user.email: Attribute cannot be updated." is AWS's too
// (aws-amplify/amplify-swift#3981). "Invalid email address format." and "Invalid phone number format." are AWS's
// as recalled. The wording of the value-constraint problems (length, number, boolean) is cogniform's own: AWS's
// is not documented.

/** Email: one "@" with text either side (AWS does not publish its rule). */
export const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** Phone: "+", the country code and the number, digits only, E.164 (developer guide, "User pool attributes"). */
export const PHONE = /^\+[0-9]{1,15}$/;

const schemaError = (problems: string[]) =>
  new InvalidParameterException(`Attributes did not conform to the schema: ${problems.join('\n')}`);

/** Refusal of a change to `sub` or to an attribute the schema marks immutable (settable only at creation). */
export const cannotUpdate = (name: string) => new InvalidParameterException(`user.${name}: Attribute cannot be updated.`);

/** The schema of each named attribute; names the schema lacks are refused together. */
export function schemaOf(pool: UserPoolRecord, names: string[]): SchemaAttributeType[] {
  const schema = new Map((pool.SchemaAttributes ?? []).map((a) => [a.Name!, a]));
  const unknown = names.filter((name) => !schema.has(name));
  if (unknown.length) throw schemaError(unknown.map((name) => `Type for attribute {${name}} could not be determined`));
  return names.map((name) => schema.get(name)!);
}

/**
 * Checks the attributes a request sets and returns them normalised (booleans as "true"/"false", a missing value
 * as ""). `sub` is never settable; immutable attributes only when the user is created.
 */
export function checkAttributes(
  pool: UserPoolRecord,
  attributes: AttributeType[],
  when: 'create' | 'update',
): AttributeType[] {
  const schemas = schemaOf(pool, attributes.map((a) => a.Name!));
  const refused = attributes.find((a, i) => a.Name === 'sub' || (when === 'update' && schemas[i]!.Mutable === false));
  if (refused) throw cannotUpdate(refused.Name!);
  const normalised = attributes.map((a, i) => ({
    Name: a.Name!,
    Value: schemas[i]!.AttributeDataType === 'Boolean' ? (a.Value ?? '').toLowerCase() : (a.Value ?? ''),
  }));
  const problems = normalised.flatMap((a, i) => valueProblems(schemas[i]!, a.Value));
  if (problems.length) throw schemaError(problems);
  const email = attributeValue({ Attributes: normalised }, 'email');
  if (email !== undefined && !EMAIL.test(email)) throw new InvalidParameterException('Invalid email address format.');
  const phone = attributeValue({ Attributes: normalised }, 'phone_number');
  if (phone !== undefined && !PHONE.test(phone)) throw new InvalidParameterException('Invalid phone number format.');
  return normalised;
}

function valueProblems(schema: SchemaAttributeType, value: string): string[] {
  const name = schema.Name!;
  switch (schema.AttributeDataType) {
    case 'Boolean':
      return value === 'true' || value === 'false' ? [] : [`${name}: Attribute value must be true or false`];
    case 'Number': {
      const number = Number(value);
      const { MinValue, MaxValue } = schema.NumberAttributeConstraints ?? {};
      if (value.trim() === '' || !Number.isFinite(number)) return [`${name}: Attribute value must be a number`];
      if (MinValue !== undefined && number < Number(MinValue)) return [`${name}: Number must be at least ${MinValue}`];
      if (MaxValue !== undefined && number > Number(MaxValue)) return [`${name}: Number must be at most ${MaxValue}`];
      return [];
    }
    case 'String': {
      const { MinLength, MaxLength } = schema.StringAttributeConstraints ?? {};
      if (MinLength !== undefined && value.length < Number(MinLength)) {
        return [`${name}: String must be no shorter than ${MinLength} characters`];
      }
      if (MaxLength !== undefined && value.length > Number(MaxLength)) {
        return [`${name}: String must be no longer than ${MaxLength} characters`];
      }
      return [];
    }
    default:
      return [];
  }
}

/** Refuses removing attributes the schema requires. */
export function checkNotRequired(schemas: SchemaAttributeType[]): void {
  const required = schemas.filter((s) => s.Required).map((s) => `${s.Name}: The attribute is required`);
  if (required.length) throw schemaError(required);
}

/** `current` with each change applied: values replaced in place, new attributes appended (AWS keeps that order). */
export function setAttributes(current: AttributeType[], changes: AttributeType[]): AttributeType[] {
  const result = current.map((a) => ({ ...a }));
  for (const change of changes) {
    const existing = result.find((a) => a.Name === change.Name);
    if (existing) existing.Value = change.Value;
    else result.push({ Name: change.Name, Value: change.Value });
  }
  return result;
}

/**
 * A changed email or phone number is no longer verified, unless the same request says whether it is (developer
 * guide, "Verifying updates to email addresses and phone numbers"; AdminUpdateUserAttributes reference).
 */
export function withVerificationReset(current: AttributeType[], changes: AttributeType[]): AttributeType[] {
  const resets = ['email', 'phone_number'].flatMap((name) => {
    const change = changes.find((a) => a.Name === name);
    const changed = change && change.Value !== attributeValue({ Attributes: current }, name);
    const saysVerified = changes.some((a) => a.Name === `${name}_verified`);
    return changed && !saysVerified ? [{ Name: `${name}_verified`, Value: 'false' }] : [];
  });
  return [...changes, ...resets];
}

/** Contact attributes: removing one removes whether it was verified too. */
const CONTACT = ['email', 'phone_number'];

/**
 * `user` without the named attributes. Required, immutable attributes and `sub` cannot be removed. Removing an email
 * or phone number removes whether it was verified too, and with it the sign-in alias. Names the user has no value
 * for are ignored.
 */
export function withoutAttributes(pool: UserPoolRecord, user: UserRecord, names: string[], now: number): UserRecord {
  const schemas = schemaOf(pool, names);
  const immutable = schemas.find((s) => s.Name === 'sub' || s.Mutable === false);
  if (immutable) throw cannotUpdate(immutable.Name!);
  checkNotRequired(schemas);
  const removed = new Set(names.flatMap((name) => [name, ...(CONTACT.includes(name) ? [`${name}_verified`] : [])]));
  const Attributes = user.Attributes.filter((a) => !removed.has(a.Name!));
  return { ...user, Attributes, Aliases: aliasesOf(pool, Attributes), UserLastModifiedDate: now };
}

/**
 * What an app client may change with a user's own access token: the client's WriteAttributes (every attribute when
 * unset), and never whether an email or phone number is verified, which only a code or an administrator proves.
 * AWS's message: "A client attempted to write unauthorized attribute" (NotAuthorizedException, quoted in many app
 * issues about WriteAttributes).
 */
export function checkWritable(client: UserPoolClientRecord | undefined, names: string[]): void {
  const writable = client?.WriteAttributes?.length ? new Set(client.WriteAttributes) : undefined;
  const refused = names.some(
    (name) => name === 'email_verified' || name === 'phone_number_verified' || (writable && !writable.has(name)),
  );
  if (refused) throw new NotAuthorizedException('A client attempted to write unauthorized attribute');
}
