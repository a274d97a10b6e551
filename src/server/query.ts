import { XMLBuilder } from 'fast-xml-parser';

// The AWS query protocol (CloudFormation, STS): a form-encoded POST with `Action` and `Version`, lists as
// `Name.member.N`, structures in lists as `Name.member.N.Field`, maps as `Name.entry.N.key/value`; answers are XML,
// `<ActionResponse xmlns=...><ActionResult>...</ActionResult><ResponseMetadata>...`, lists as `<member>` elements,
// and errors `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>` (AWS query
// protocol reference; shapes as the serverless CLI needs them in ../shared/reference/serverless-deploy.md §6).
// fast-xml-parser writes the XML so that escaping is never ours to get wrong.

export type QueryParams = Record<string, string>;

export interface QueryCall {
  params: QueryParams;
  /** The SigV4 credential scope's region, else the emulator's. */
  region: string;
  requestId: string;
}

/** One query-protocol service on the edge port. */
export interface QuerySurface {
  /** The SigV4 credential scope's service name (`cloudformation`, `sts`): how a call finds its surface. */
  service: string;
  /** The XML namespace of its answers (`http://cloudformation.amazonaws.com/doc/2010-05-15/`). */
  namespace: string;
  /** The actions it answers, for unsigned calls (no credential scope to route by). */
  actions: ReadonlySet<string>;
  /** The action's result, written inside `<ActionResult>`; undefined for an empty result. */
  handle(action: string, call: QueryCall): Promise<Record<string, unknown> | undefined>;
}

/** An error the caller gets as `<ErrorResponse>`: `code` is AWS's (`ValidationError`, `AlreadyExistsException`). */
export class QueryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode = 400,
    readonly kind: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
  }
}

export function parseQueryBody(body: Buffer | string | undefined): QueryParams {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : (body ?? '');
  return Object.fromEntries(new URLSearchParams(text));
}

/** `Name.member.1`, `Name.member.2`, ... in order; an empty list arrives as `Name=` and gives []. */
export function memberList(params: QueryParams, name: string): string[] {
  const values: string[] = [];
  for (let i = 1; params[`${name}.member.${i}`] !== undefined; i++) values.push(params[`${name}.member.${i}`]!);
  return values;
}

/** `Name.member.N.Field` structures, in order (`Parameters.member.1.ParameterKey`). */
export function memberStructs(params: QueryParams, name: string): Record<string, string>[] {
  const structs: Record<string, string>[] = [];
  for (let i = 1; ; i++) {
    const prefix = `${name}.member.${i}.`;
    const fields = Object.entries(params).filter(([key]) => key.startsWith(prefix));
    if (!fields.length) return structs;
    structs.push(Object.fromEntries(fields.map(([key, value]) => [key.slice(prefix.length), value])));
  }
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', suppressEmptyNode: false });

/** Arrays become `<member>` lists, Dates ISO 8601, undefined and null fields are left out. */
function toQueryShape(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return { member: value.map(toQueryShape) };
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
    return Object.fromEntries(entries.map(([k, v]) => [k, toQueryShape(v)]));
  }
  return value;
}

export function queryResponseXml(action: string, namespace: string, result: Record<string, unknown> | undefined, requestId: string): string {
  const body = {
    [`${action}Response`]: {
      '@xmlns': namespace,
      ...(result ? { [`${action}Result`]: toQueryShape(result) } : {}),
      ResponseMetadata: { RequestId: requestId },
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(body)}`;
}

export function queryErrorXml(error: QueryError, requestId: string): string {
  const body = { ErrorResponse: { Error: { Type: error.kind, Code: error.code, Message: error.message }, RequestId: requestId } };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(body)}`;
}
