import type { FastifyReply, FastifyRequest } from 'fastify';
import { formOf as formParameters } from '../protocol/form.js';
import type { RequestContext } from '../../cognito/deps.js';
import type { UserPoolClientRecord } from '../../cognito/model/client.js';
import type { UserPoolRecord } from '../../cognito/model/userPool.js';
import { secretHash } from '../../cognito/operations/signIn/flow/signInClient.js';
import { checkAuthorizeRequest, type Authorization, type OAuthDeps } from '../authorization.js';
import { brandingOf, sendErrorPage, type Branding } from './render/page.js';

// What every page starts from: the authorize parameters it was opened with (kept in the query string of every
// form action and link, as Cognito's own pages do, so each step checks them again), checked against the client.

/** The authorize endpoint's parameters (cognito-api.md §4.7); anything else in the query is the page's own. */
const AUTHORIZE_PARAMETERS = [
  'response_type', 'client_id', 'redirect_uri', 'state', 'scope', 'nonce', 'code_challenge', 'code_challenge_method',
  'identity_provider', 'idp_identifier', 'lang',
];

export interface HostedPage {
  authorization: Authorization;
  /** The authorize parameters, to carry on to the next page. */
  query: Record<string, string>;
  branding: Branding;
}

function first(value: unknown): string | undefined {
  if (Array.isArray(value)) return first(value[0]);
  return typeof value === 'string' ? value : undefined;
}

export function authorizeQuery(request: FastifyRequest): Record<string, string> {
  const raw = (request.query ?? {}) as Record<string, unknown>;
  const query: Record<string, string> = {};
  for (const name of AUTHORIZE_PARAMETERS) {
    const value = first(raw[name]);
    if (value !== undefined) query[name] = value;
  }
  return query;
}

/** `path` with the authorize parameters (and `extra`) as its query string. */
export function pageUrl(path: string, query: Record<string, string>, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams({ ...query, ...extra }).toString();
  return search ? `${path}?${search}` : path;
}

/** A posted form (the edge hands every route the raw body), first value of each field. */
export function formOf(request: FastifyRequest): Record<string, string> {
  const form: Record<string, string> = {};
  for (const [name, value] of formParameters(request)) if (!(name in form)) form[name] = value;
  return form;
}

/**
 * The checked authorization, or undefined once the answer has been sent: an error page for a request without a
 * usable client or redirect_uri (never a redirect then), the client's redirect_uri with `error=` otherwise.
 */
export async function openPage(deps: OAuthDeps, request: FastifyRequest, reply: FastifyReply): Promise<HostedPage | undefined> {
  const query = authorizeQuery(request);
  const check = await checkAuthorizeRequest(deps, query, request.headers.host);
  if ('page' in check) {
    sendErrorPage(reply, check.page.status, check.page.message);
    return undefined;
  }
  if ('redirect' in check) {
    reply.redirect(check.redirect, 302);
    return undefined;
  }
  const { pool, client } = check.ok;
  return { authorization: check.ok, query, branding: await brandingOf(deps.store, pool.Id, client.ClientId) };
}

/** The context of the Cognito operations the pages call as an API client would: the pool's region and account. */
export function operationContext(deps: Pick<OAuthDeps, 'ids'>, { authorization: { pool } }: HostedPage): RequestContext {
  return poolContext(deps, pool);
}

/** The context of an operation on `pool` (a page without authorize parameters: /confirmUser). */
export function poolContext(deps: Pick<OAuthDeps, 'ids'>, pool: Pick<UserPoolRecord, 'Arn'>): RequestContext {
  // Pool ARNs are arn:aws:cognito-idp:<region>:<account>:userpool/<id>.
  const [, , , region = '', accountId = ''] = pool.Arn.split(':');
  return { region, accountId, requestId: deps.ids.uuid() };
}

/** A page's extra query parameter (`username` on /confirm), first value. */
export function queryValue(request: FastifyRequest, name: string): string | undefined {
  return first(((request.query ?? {}) as Record<string, unknown>)[name]);
}

/**
 * ClientId and, for a client with a secret, the SecretHash the public operations ask of it: the hosted UI is the
 * client's own server side, so it proves the secret as an API client would.
 */
export function clientFields({ authorization: { client } }: HostedPage, username: string): { ClientId: string; SecretHash?: string } {
  return clientProof(client, username);
}

/** The same for a client found otherwise (the /confirmUser link names its client). */
export function clientProof(client: UserPoolClientRecord, username: string): { ClientId: string; SecretHash?: string } {
  const secret = client.ClientSecret;
  return { ClientId: client.ClientId, ...(secret ? { SecretHash: secretHash(secret, username, client.ClientId) } : {}) };
}
