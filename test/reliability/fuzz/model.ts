import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import fc from 'fast-check';

// Request shapes of the Cognito user-pools API (or of another service whose SDK package is given: cognito-identity),
// read from the service model the SDK ships (`<Operation>Request$` schemas, the same ones src/cognito/validate.ts
// checks against), and fast-check arbitraries built from them: values of each member's own type (to get past the
// type check into the operation) and of every other JSON type (which the type check must refuse). Schema encoding:
// see src/cognito/validate.ts.

type Schema = number | unknown[] | (() => Schema);

export type Shape =
  | { kind: 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document' }
  | { kind: 'list'; member: () => Shape }
  | { kind: 'map'; value: () => Shape }
  | { kind: 'structure'; members: Member[] };

export interface Member {
  name: string;
  required: boolean;
  shape: () => Shape;
}

function resolve(schema: Schema): number | unknown[] {
  let s = schema;
  while (typeof s === 'function') s = s();
  if (Array.isArray(s) && s.length === 2 && typeof s[1] !== 'string') return resolve(s[0] as Schema);
  return s as number | unknown[];
}

function shapeOf(raw: Schema): Shape {
  const s = resolve(raw);
  if (typeof s === 'number') {
    if (s & 64) return { kind: 'list', member: () => shapeOf(s & 63) };
    if (s & 128) return { kind: 'map', value: () => shapeOf(s & 127) };
    if (s === 0) return { kind: 'string' };
    if (s === 1) return { kind: 'number' };
    if (s === 2) return { kind: 'boolean' };
    if (s >= 4 && s <= 7) return { kind: 'timestamp' };
    if (s === 15) return { kind: 'document' };
    return { kind: 'blob' };
  }
  if (s[0] === 3) {
    const names = s[4] as string[];
    const members = s[5] as Schema[];
    const required = (s[6] as number | undefined) ?? 0;
    return { kind: 'structure', members: names.map((name, i) => ({ name, required: i < required, shape: () => shapeOf(members[i]!) })) };
  }
  if (s[0] === 1) return { kind: 'list', member: () => shapeOf(s[4] as Schema) };
  if (s[0] === 2) return { kind: 'map', value: () => shapeOf(s[5] as Schema) };
  return shapeOf(s[4] as Schema);
}

/**
 * The members of `operation`'s request, from the model of `client` (an SDK client package; default the user pools'):
 * the operation's schema `[9, namespace, name, traits, input, output]` names its input shape, whatever that is called
 * (`GetUserRequest`, cognito-identity's `GetIdInput`, or `IdentityPool` for UpdateIdentityPool).
 */
export function requestMembers(operation: string, client: object = sdk): Member[] {
  const schema = (client as Record<string, unknown[] | undefined>)[`${operation}$`]?.[4] as Schema | undefined;
  if (schema === undefined) throw new Error(`no request schema for ${operation}`);
  const shape = shapeOf(schema);
  if (shape.kind !== 'structure') throw new Error(`${operation}'s request is not a structure`);
  return shape.members;
}

/** Strings that tend to break things: empty, huge, control characters, lone surrogates, paths, patterns. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '\uffff', '../../etc/passwd', '%00', '${jndi:x}', '<script>', 'us-east-1_', '*', '.*', '\\'),
  fc.integer({ min: 1, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 2_000 }).map((n) => '\u{1F600}'.repeat(n)),
);

const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 31), 1e308));

/** A value of `shape`'s own type (possibly far out of its allowed range). */
export function typedValue(shape: Shape, depth = 0): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case 'string':
    case 'blob':
      return nastyString;
    case 'number':
      return number;
    case 'boolean':
      return fc.boolean();
    case 'timestamp':
      return fc.oneof(number, nastyString);
    case 'document':
      return fc.jsonValue({ maxDepth: 3 });
    case 'list':
      return depth > 3 ? fc.constant([]) : fc.array(typedValue(shape.member(), depth + 1), { maxLength: 3 });
    case 'map':
      return depth > 3 ? fc.constant({}) : fc.dictionary(nastyString, typedValue(shape.value(), depth + 1), { maxKeys: 3 });
    case 'structure': {
      if (depth > 3) return fc.constant({});
      const model = Object.fromEntries(shape.members.map((m) => [m.name, typedValue(m.shape(), depth + 1)]));
      return fc.record(model, { requiredKeys: [] });
    }
  }
}

const anyObject = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });

/** A JSON value of another type than `shape` has (none for blobs and documents, which take anything). */
export function wrongValue(shape: Shape): fc.Arbitrary<unknown> | undefined {
  const str = fc.string({ maxLength: 10 });
  const list = fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 });
  switch (shape.kind) {
    case 'string':
      return fc.oneof(number, fc.boolean(), list, anyObject);
    case 'number':
      return fc.oneof(str, fc.boolean(), list, anyObject);
    case 'boolean':
      return fc.oneof(str, number, list, anyObject);
    case 'timestamp':
      return fc.oneof(fc.boolean(), list, anyObject);
    case 'list':
      return fc.oneof(str, number, fc.boolean(), anyObject);
    case 'map':
    case 'structure':
      return fc.oneof(str, number, fc.boolean(), list);
    default:
      return undefined;
  }
}
