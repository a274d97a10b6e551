import { JsonServiceError } from '../server/edge.js';
import { REQUESTS, type Shape } from './shapes.js';

// A request checked against its model shape (./shapes.ts) as AWS's Coral front end does: a member of the wrong JSON
// type is a SerializationException; every constraint a value breaks is collected into one ValidationException,
// worded as AWS words it ("1 validation error detected: Value 'us-east-1_abc' at 'identityPoolId' failed to satisfy
// constraint: Member must satisfy regular expression pattern: [\w-]+:[0-9a-f-]+", aws-sdk-net#445, amplify-swift#2864;
// several: "2 validation errors detected: ...; ..."). Member paths are in lower camel case, list items
// `<list>.<n>.member`. Numbers are truncated to integers, as Coral reads them into Integer members.

export function validateRequest<T>(operation: string, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new JsonServiceError('SerializationException', 'The request body must be a JSON object.');
  }
  const shape = REQUESTS[operation];
  if (!shape) return body as T;
  const problems: string[] = [];
  check(shape, body, '', problems);
  if (problems.length) {
    const n = problems.length;
    throw new JsonServiceError('ValidationException', `${n} validation error${n > 1 ? 's' : ''} detected: ${problems.join('; ')}`);
  }
  return body as T;
}

/** How Coral shows a value in its messages (Java's toString of the parsed value). */
function shown(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(shown).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}=${shown(v)}`).join(', ')}}`;
  }
  return String(value);
}

const fail = (problems: string[], path: string, value: unknown, rule: string) =>
  problems.push(`Value ${value === null || value === undefined ? 'null' : `'${shown(value)}'`} at '${path}' failed to satisfy constraint: ${rule}`);

const serialization = (path: string, expected: string) =>
  new JsonServiceError('SerializationException', `Expected ${expected} at '${path || '/'}'`);

/** The rules a simple value breaks (lengths, pattern, enum, range), as Coral lists them. */
function rulesBroken(shape: Shape, value: unknown): string[] {
  const broken: string[] = [];
  if (shape.type === 'string') {
    const text = value as string;
    if (shape.enum && !shape.enum.includes(text)) broken.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
    if (shape.max !== undefined && text.length > shape.max) broken.push(`Member must have length less than or equal to ${shape.max}`);
    if (shape.min !== undefined && text.length < shape.min) broken.push(`Member must have length greater than or equal to ${shape.min}`);
    if (shape.pattern && text.length && !new RegExp(`^(?:${shape.pattern})$`, 'u').test(text)) {
      broken.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
    }
  } else if (shape.type === 'integer') {
    const n = value as number;
    if (n > shape.max) broken.push(`Member must have value less than or equal to ${shape.max}`);
    if (n < shape.min) broken.push(`Member must have value greater than or equal to ${shape.min}`);
  }
  return broken;
}

const isSimple = (shape: Shape) => shape.type === 'string' || shape.type === 'integer' || shape.type === 'boolean';

function check(shape: Shape, value: unknown, path: string, problems: string[]): unknown {
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') throw serialization(path, 'a string');
      for (const rule of rulesBroken(shape, value)) fail(problems, path, value, rule);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw serialization(path, 'a boolean');
      return value;
    case 'integer': {
      if (typeof value !== 'number') throw serialization(path, 'a number');
      const n = Math.trunc(value);
      for (const rule of rulesBroken(shape, n)) fail(problems, path, n, rule);
      return n;
    }
    case 'list': {
      if (!Array.isArray(value)) throw serialization(path, 'a list');
      sizeOf(shape, value.length, value, path, problems);
      if (isSimple(shape.member)) {
        value.forEach((item) => check(shape.member, item, path, []));
        const broken = [...new Set(value.flatMap((item) => rulesBroken(shape.member, item)))];
        if (broken.length) fail(problems, path, value, `Member must satisfy constraint: [${broken.join(', ')}]`);
      } else {
        value.forEach((item, i) => (value[i] = check(shape.member, item, `${path}.${i + 1}.member`, problems)));
      }
      return value;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw serialization(path, 'a map');
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      sizeOf(shape, keys.length, record, path, problems);
      const badKeys = [...new Set(keys.flatMap((key) => rulesBroken(shape.key, key)))];
      if (badKeys.length) fail(problems, path, record, `Map keys must satisfy constraint: [${badKeys.join(', ')}]`);
      if (isSimple(shape.value)) {
        for (const item of Object.values(record)) check(shape.value, item, path, []);
        const broken = [...new Set(Object.values(record).flatMap((item) => rulesBroken(shape.value, item)))];
        if (broken.length) fail(problems, path, record, `Map value must satisfy constraint: [${broken.join(', ')}]`);
      } else {
        for (const key of keys) check(shape.value, record[key], `${path}.${key}.member`, problems);
      }
      return record;
    }
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw serialization(path, 'an object');
      const record = value as Record<string, unknown>;
      for (const [name, member] of Object.entries(shape.members)) {
        const memberPath = (path ? `${path}.` : '') + name.charAt(0).toLowerCase() + name.slice(1);
        const item = record[name];
        if (item === undefined || item === null) {
          if (shape.required?.includes(name)) fail(problems, memberPath, null, 'Member must not be null');
          delete record[name];
        } else {
          record[name] = check(member, item, memberPath, problems);
        }
      }
      return record;
    }
  }
}

function sizeOf(shape: { min?: number; max?: number }, size: number, value: unknown, path: string, problems: string[]): void {
  if (shape.max !== undefined && size > shape.max) fail(problems, path, value, `Member must have length less than or equal to ${shape.max}`);
  if (shape.min !== undefined && size < shape.min) fail(problems, path, value, `Member must have length greater than or equal to ${shape.min}`);
}
