import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterException, serializationError } from './errors.js';

// Request checking driven by the service's own model, as shipped in the SDK (`<Operation>Request$` schemas):
// member types and required members. The SDK does not carry length or pattern constraints; operations check
// those themselves (see constraints.ts).
//
// Schema encoding (@smithy/core/schema): a number is a simple type (0 string, 1 number, 2 boolean, 4-7
// timestamp, 15 document, 21 blob, 64|x a list of x, 128|x a map to x); an array is [kind, namespace, name,
// traits, ...] with kind 0 simple-with-traits, 1 list, 2 map, 3 structure; a function is a lazy reference;
// a member may be [schema, traits].
type Schema = number | unknown[] | (() => Schema);

const KIND_LIST = 1;
const KIND_MAP = 2;
const KIND_STRUCTURE = 3;

// Numbers: AWS's JSON reader (Coral) reads a number into an Integer or Long member by truncating it, as the class
// name in its type errors shows ("com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to
// an String"). Cognito's requests have no floating-point members, so every number is truncated here, once; an
// operation never sees `Limit: 0.5`, which used to reach the store's page arithmetic and fail with a 500.

/**
 * Throws InvalidParameterException (missing members) or SerializationException (wrong types); truncates numbers
 * to integers in place, as AWS reads them.
 */
export function validateRequest(operation: string, input: unknown): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw serializationError('The request body must be a JSON object.');
  }
  const schema = (sdk as unknown as Record<string, Schema | undefined>)[`${operation}Request$`];
  if (schema === undefined) return;
  const missing: string[] = [];
  check(schema, input, '', missing);
  if (missing.length) {
    const n = missing.length;
    const details = missing.map((path) => `Value null at '${path}' failed to satisfy constraint: Member must not be null`);
    throw new InvalidParameterException(`${n} validation error${n > 1 ? 's' : ''} detected: ${details.join('; ')}`);
  }
}

function resolve(schema: Schema): number | unknown[] {
  let s = schema;
  while (typeof s === 'function') s = s();
  // A member written as [schema, traits] (traits are a number or object, never a string namespace).
  if (Array.isArray(s) && s.length === 2 && typeof s[1] !== 'string') return resolve(s[0] as Schema);
  return s as number | unknown[];
}

function check(raw: Schema, value: unknown, path: string, missing: string[]): unknown {
  if (value === null || value === undefined) return value;
  const schema = resolve(raw);
  if (typeof schema === 'number') return checkSimple(schema, value, path, missing);
  const kind = schema[0];
  if (kind === KIND_STRUCTURE) return checkStructure(schema, value, path, missing);
  if (kind === KIND_LIST) return checkList(schema[4] as Schema, value, path, missing);
  if (kind === KIND_MAP) return checkMap(schema[5] as Schema, value, path, missing);
  return check(schema[4] as Schema, value, path, missing);
}

function checkSimple(code: number, value: unknown, path: string, missing: string[]): unknown {
  if (code & 64) return checkList(code & 63, value, path, missing);
  if (code & 128) return checkMap(code & 127, value, path, missing);
  const expected = code === 0 ? 'string' : code === 1 ? 'number' : code === 2 ? 'boolean' : undefined;
  if (code >= 4 && code <= 7 && typeof value !== 'number' && typeof value !== 'string') {
    throw serializationError(`Expected a timestamp at '${path}'`);
  }
  if (expected && typeof value !== expected) throw serializationError(`Expected a ${expected} at '${path}'`);
  return code === 1 ? Math.trunc(value as number) : value;
}

function checkStructure(schema: unknown[], value: unknown, path: string, missing: string[]): unknown {
  if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(`Expected an object at '${path || '/'}'`);
  const names = schema[4] as string[];
  const members = schema[5] as Schema[];
  const required = (schema[6] as number | undefined) ?? 0;
  const record = value as Record<string, unknown>;
  names.forEach((name, i) => {
    const memberPath = (path ? `${path}.` : '') + name.charAt(0).toLowerCase() + name.slice(1);
    if (i < required && (record[name] === undefined || record[name] === null)) missing.push(memberPath);
    // A JSON null is an absent member to AWS's reader (the SDKs never send one; a hand-written body may): the
    // operations then see it as absent, as they would an omitted one, instead of failing on it.
    else if (record[name] === null) delete record[name];
    else assignIfChanged(record, name, check(members[i]!, record[name], memberPath, missing));
  });
  return record;
}

function checkList(member: Schema, value: unknown, path: string, missing: string[]): unknown {
  if (!Array.isArray(value)) throw serializationError(`Expected a list at '${path}'`);
  value.forEach((item, i) => assignIfChanged(value, i, check(member, item, `${path}.${i + 1}.member`, missing)));
  return value;
}

function checkMap(member: Schema, value: unknown, path: string, missing: string[]): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw serializationError(`Expected a map at '${path}'`);
  const record = value as Record<string, unknown>;
  for (const [key, item] of Object.entries(record)) assignIfChanged(record, key, check(member, item, `${path}.${key}`, missing));
  return record;
}

/** Writes only a truncated number back: a map key such as `__proto__` is never assigned to. */
function assignIfChanged(target: Record<string, unknown> | unknown[], key: string | number, checked: unknown): void {
  const record = target as Record<string | number, unknown>;
  if (record[key] !== checked) record[key] = checked;
}
