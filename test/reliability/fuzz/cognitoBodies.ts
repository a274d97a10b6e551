import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import fc from 'fast-check';
import { nastyString, requestMembers, typedValue, wrongValue, type Member } from './model.js';

// Request arbitraries for one operation of an AWS JSON service (Cognito user pools unless told). Each case says what AWS must answer: a given error type, any
// 4xx (`reject`), or anything but a 5xx (`any`: a random but well-typed request may well be valid).

export interface BodyCase {
  label: string;
  target: string;
  contentType: string | undefined;
  payload: string | Buffer;
  expect: 'any' | 'reject' | { type: string };
}

/** An AWS JSON 1.1 service as the fuzzer needs it: its target prefix, its SDK package, its error for a missing member. */
export interface JsonService {
  prefix: string;
  client: object;
  missingMember: string;
}

export const USER_POOLS: JsonService = { prefix: 'AWSCognitoIdentityProviderService', client: sdk, missingMember: 'InvalidParameterException' };
const JSON_TYPE = 'application/x-amz-json-1.1';
const OTHER_TYPES = [undefined, 'application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-amz-json-1.0', 'application/xml'];

/** A deeply nested JSON text: arrays or objects, up to 100 000 levels (JSON.parse copes; recursive code may not). */
export const deepJson: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 100_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

/** Bytes that are not UTF-8: lone continuation bytes, overlong forms, surrogates encoded, truncated sequences. */
export const invalidUtf8: fc.Arbitrary<Buffer> = fc
  .array(fc.oneof(fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff, 0xfe), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 })
  .map((bytes) => Buffer.from(bytes));

/** Real ids that grounded requests use, so that they get past "not found" into each member's own checks. */
export type Grounding = Record<string, string>;

/** `c`, shown by fast-check's failure report as its label and a payload cut to 300 characters. */
export function printable(c: BodyCase): BodyCase {
  return Object.assign(c, { [fc.toStringMethod]: () => `${c.label}: ${c.target} ${c.contentType ?? '(no content-type)'} ${shorten(c.payload)}` });
}

export function shorten(payload: string | Buffer): string {
  const text = Buffer.isBuffer(payload) ? `<bytes ${payload.toString('hex').slice(0, 200)}>` : JSON.stringify(payload);
  return text.length > 300 ? `${text.slice(0, 300)}... [${payload.length} long]` : text;
}

type Weighted = { arbitrary: fc.Arbitrary<BodyCase>; weight: number };

/** Every kind of request for `operation`: well-typed, wrong, malformed. */
export function bodyCases(operation: string, real: Grounding, service = USER_POOLS): fc.Arbitrary<BodyCase> {
  const { accepted, rejected } = caseKinds(operation, real, service);
  return fc.oneof(...accepted, ...rejected);
}

/** Only the requests that every operation must refuse before touching anything: for "the store is unchanged". */
export function rejectedCases(operation: string, real: Grounding, service = USER_POOLS): fc.Arbitrary<BodyCase> {
  return fc.oneof(...caseKinds(operation, real, service).rejected);
}

function caseKinds(operation: string, real: Grounding, service: JsonService): { accepted: Weighted[]; rejected: Weighted[] } {
  const members = requestMembers(operation, service.client);
  const target = `${service.prefix}.${operation}`;
  const grounded = Object.fromEntries(members.filter((m) => m.name in real).map((m) => [m.name, real[m.name]!]));
  const json = (label: string, body: unknown, expect: BodyCase['expect']): BodyCase =>
    printable({ label, target, contentType: JSON_TYPE, payload: JSON.stringify(body), expect });

  const typed = fc
    .tuple(fc.record(Object.fromEntries(members.map((m) => [m.name, typedValue(m.shape())])), { requiredKeys: [] }), fc.boolean())
    .map(([body, ground]) => json('well-typed', ground ? { ...body, ...grounded } : body, 'any'));

  const wrongMembers = members.flatMap((m) => {
    const wrong = wrongValue(m.shape());
    return wrong ? [{ m, wrong }] : [];
  });
  // The model's type check runs before any operation: a member of the wrong type is SerializationException.
  const wrongType = wrongMembers.length
    ? fc.constantFrom(...wrongMembers).chain(({ m, wrong }) =>
        wrong.map((value) => json(`wrong type for ${m.name}`, { ...grounded, [m.name]: value }, { type: 'SerializationException' })))
    : undefined;

  const required = members.filter((m) => m.required);
  const missing = required.length
    ? fc.constantFrom(...required).map((m: Member) => {
        const body: Record<string, unknown> = { ...grounded };
        delete body[m.name];
        return json(`missing ${m.name}`, body, { type: service.missingMember });
      })
    : undefined;

  const extra = fc
    .dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !members.some((m) => m.name === k)), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 4 })
    .map((fields) => json('extra fields', { ...grounded, ...fields }, 'any'));

  const whole = JSON.stringify(grounded);
  const truncated = fc
    .integer({ min: 1, max: Math.max(1, whole.length - 1) })
    .map((cut) => printable({ label: 'truncated JSON', target, contentType: JSON_TYPE, payload: whole.slice(0, cut), expect: { type: 'SerializationException' } }));

  const notObject = fc
    .oneof(fc.constantFrom('null', '[]', '"x"', '1', 'true', '[{}]'), deepJson.filter((text) => text.startsWith('[')))
    .map((payload) => printable({ label: 'not an object', target, contentType: JSON_TYPE, payload, expect: { type: 'SerializationException' } }));

  const deepMember = members.length
    ? fc.tuple(fc.constantFrom(...members), deepJson).map(([m, deep]) => printable({
        label: `deep nesting in ${m.name}`, target, contentType: JSON_TYPE, payload: `{${whole.slice(1, -1)}${whole.length > 2 ? ',' : ''}"${m.name}":${deep}}`, expect: 'any',
      }))
    : undefined;

  const garbage = fc
    .oneof(fc.string({ maxLength: 60 }), fc.constant(''), fc.constant('   '), deepJson)
    .map((payload) => printable({ label: 'garbage text', target, contentType: JSON_TYPE, payload, expect: 'any' }));

  const badBytes = fc
    .tuple(invalidUtf8, fc.boolean(), fc.constantFrom(...(members.length ? members.map((m) => m.name) : ['X'])))
    .map(([bytes, inString, name]) => printable({
      label: inString ? `invalid UTF-8 in ${name}` : 'invalid UTF-8 body',
      target, contentType: JSON_TYPE,
      payload: inString ? Buffer.concat([Buffer.from(`{"${name}":"`), bytes, Buffer.from('"}')]) : bytes,
      expect: 'any',
    }));

  const contentType = fc
    .tuple(fc.constantFrom(...OTHER_TYPES), typed)
    .map(([type, c]) => printable({ ...c, label: `content-type ${type}`, contentType: type }));

  const unknownTarget = fc
    .oneof(
      nastyString.filter((s) => s.length < 300).map((name) => `${service.prefix}.${name}`),
      fc.string({ maxLength: 30 }),
      fc.constantFrom(`${service.prefix}.`, service.prefix, '.', `Other.${operation}`, `${service.prefix}.${operation.toLowerCase()}`, `${service.prefix}.${operation}.x`),
    )
    // Header values are printable ASCII on the wire (an HTTP client refuses to send anything else).
    .filter((t) => /^[\x20-\x7e]*$/.test(t) && !(t.startsWith(`${service.prefix}.`) && `${t.slice(service.prefix.length + 1)}Command` in service.client))
    .map((t) => printable({ label: 'unknown target', target: t, contentType: JSON_TYPE, payload: whole, expect: 'reject' }));

  const weighted = (arbitrary: fc.Arbitrary<BodyCase> | undefined, weight = 1): Weighted[] => (arbitrary ? [{ arbitrary, weight }] : []);
  return {
    accepted: [
      ...weighted(typed, 6), ...weighted(extra), ...weighted(deepMember), ...weighted(garbage), ...weighted(badBytes), ...weighted(contentType),
    ],
    rejected: [...weighted(wrongType, 4), ...weighted(missing), ...weighted(truncated), ...weighted(notObject), ...weighted(unknownTarget)],
  };
}
