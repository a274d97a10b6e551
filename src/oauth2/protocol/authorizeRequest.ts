import { clientById } from '../../cognito/operations/signIn/flow/signInClient.js';
import { CognitoError } from '../../cognito/errors.js';
import { userPoolDomains } from '../../cognito/model/domain.js';
import type { AuthorizeCheck, AuthorizeRequest, OAuthDeps } from '../authorization.js';

// `/oauth2/authorize`'s (and `/login`'s) parameters against the app client (authorization-endpoint page and
// cognito-api.md §4.7). Until client and redirect_uri check out nothing may go to the redirect_uri: an error page
// then. After that, errors go back to the client's redirect_uri as RFC 6749 §4.1.2.1 says, with the state.

/** "phone, email, and profile ... can only be requested if openid is also requested" (authorization-endpoint). */
const NEED_OPENID = ['phone', 'email', 'profile'];

/** `redirectUri` with `params` added to its query (or to its fragment: the implicit flow's tokens). */
export function withParams(redirectUri: string, params: Record<string, string | undefined>, where: 'query' | 'fragment' = 'query'): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, value);
  if (where === 'fragment') return `${redirectUri}#${search}`;
  return `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${search}`;
}

/** The pool whose domain `host` is (port left out): a prefix domain's `<prefix>.auth.<region>.amazoncognito.com`, or a custom domain. */
export async function poolOfHost(deps: OAuthDeps, host: string | undefined): Promise<string | undefined> {
  const name = host?.replace(/:\d+$/, '').toLowerCase();
  if (!name) return undefined;
  const prefix = /^([a-z0-9-]+)\.auth\.[a-z0-9-]+\.amazoncognito\.com$/.exec(name)?.[1];
  const domain = await deps.store.table(userPoolDomains).findOne('byDomain', [prefix ?? name]);
  return domain?.UserPoolId;
}

export async function checkAuthorizeRequest(deps: OAuthDeps, query: Record<string, string | undefined>, host?: string): Promise<AuthorizeCheck> {
  const { client_id: clientId, redirect_uri: redirectUri, state } = query;
  if (!clientId) return { page: { status: 400, message: 'Required String parameter client_id is not present.' } };
  let found;
  try {
    found = await clientById(deps.store, clientId);
  } catch (error) {
    if (error instanceof CognitoError && error.type === 'ResourceNotFoundException') {
      return { page: { status: 400, message: `Client ${clientId} does not exist.` } };
    }
    throw error;
  }
  const { pool, client } = found;
  const hostPool = await poolOfHost(deps, host);
  if (hostPool !== undefined && hostPool !== pool.Id) {
    // A domain serves its own pool: another pool's client is unknown there (the wording is cogniform's).
    return { page: { status: 400, message: `Client ${clientId} does not belong to the user pool of this domain.` } };
  }
  // Exact string comparison, as AWS does (redirect_mismatch): no normalising, no prefix or wildcard matching.
  if (!redirectUri || !(client.CallbackURLs ?? []).includes(redirectUri)) {
    return { page: { status: 400, message: 'redirect_mismatch: the redirect_uri is not one of the client\'s callback URLs.' } };
  }
  const refuse = (error: string, description?: string): AuthorizeCheck => ({
    redirect: withParams(redirectUri, { error, error_description: description, state }),
  });
  const responseType = query.response_type;
  if (responseType !== 'code' && responseType !== 'token') {
    return refuse(responseType ? 'unsupported_response_type' : 'invalid_request', responseType ? undefined : 'response_type is required');
  }
  const flow = responseType === 'code' ? 'code' : 'implicit';
  if (!client.AllowedOAuthFlowsUserPoolClient || !(client.AllowedOAuthFlows ?? []).includes(flow)) {
    return refuse('unauthorized_client');
  }
  const provider = query.identity_provider;
  const providers = client.SupportedIdentityProviders;
  // cogniform signs users in with the pool itself: a federated provider cannot be reached from here.
  if (provider !== undefined && (provider !== 'COGNITO' || (providers && !providers.includes('COGNITO')))) {
    return refuse('unauthorized_client', `The identity provider ${provider} is not available for this client.`);
  }
  const allowed = client.AllowedOAuthScopes ?? [];
  const asked = (query.scope ?? '').split(/[ +]/).filter(Boolean);
  const unknown = asked.find((scope) => !allowed.includes(scope));
  if (unknown !== undefined) return refuse('invalid_scope', `${unknown} is not a scope of this client.`);
  const scopes = asked.length ? [...new Set(asked)] : allowed;
  if (asked.length && !scopes.includes('openid') && scopes.some((scope) => NEED_OPENID.includes(scope))) {
    return refuse('invalid_scope', 'phone, email and profile scopes need the openid scope.');
  }
  const { code_challenge: codeChallenge, code_challenge_method: method } = query;
  if (method !== undefined && method !== 'S256') return refuse('invalid_request', 'Only S256 is supported as code_challenge_method.');
  if ((codeChallenge === undefined) !== (method === undefined)) {
    return refuse('invalid_request', 'code_challenge and code_challenge_method go together.');
  }
  const request: AuthorizeRequest = {
    responseType,
    clientId,
    redirectUri,
    scopes,
    ...(state !== undefined ? { state } : {}),
    ...(query.nonce !== undefined ? { nonce: query.nonce } : {}),
    ...(codeChallenge !== undefined ? { codeChallenge, codeChallengeMethod: 'S256' as const } : {}),
  };
  return { ok: { pool, client, request } };
}
