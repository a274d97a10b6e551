import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../cognito/deps.js';
import { CognitoError } from '../cognito/errors.js';
import type { UserPoolClientRecord } from '../cognito/model/client.js';
import { subOf, type UserRecord } from '../cognito/model/user.js';
import type { UserPoolRecord } from '../cognito/model/userPool.js';
import { createCode } from './protocol/authorizationCodes.js';
import { checkAuthorizeRequest as check, withParams } from './protocol/authorizeRequest.js';
import { currentSession, endSession, startSession } from './protocol/hostedSessions.js';
import { hostedTokens } from './protocol/hostedTokens.js';

// The contract between the OAuth2 protocol and the hosted UI pages (src/oauth2/hostedUi/): an authorization
// request, checked; the user's hosted-UI session; and how a finished sign-in ends (a code or tokens sent to the
// redirect_uri).
//
// Who runs what: the pages sign the user in (PreAuthentication, the password, MFA, PostAuthentication, as the API
// flows do) and then call completeAuthorization. It sets the session cookie and answers the redirect; tokens come
// from PreTokenGeneration (TokenGeneration_HostedAuth) and the token service, now for the implicit flow, at the
// token endpoint for the code flow. A second authorize with a live session skips the pages (and PostAuthentication,
// as the session's sign-in already ran it).

export type OAuthDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'log' | 'tokens' | 'functions' | 'inbox' | 'fixedCode' | 'port'>;

/** `/oauth2/authorize` and `/login`'s parameters, checked against the client (redirect_uri exact, scopes allowed). */
export interface AuthorizeRequest {
  responseType: 'code' | 'token';
  clientId: string;
  redirectUri: string;
  state?: string | undefined;
  /** The scopes granted: those asked for, or all of the client's when none were. */
  scopes: string[];
  nonce?: string | undefined;
  codeChallenge?: string | undefined;
  codeChallengeMethod?: 'S256' | undefined;
}

export interface Authorization {
  pool: UserPoolRecord;
  client: UserPoolClientRecord;
  request: AuthorizeRequest;
}

/**
 * What a request's authorize parameters amount to: an authorization to go on with; an error to send back to the
 * redirect_uri (it is the client's, so errors may go there: `?error=...&state=...`); or an error page (no usable
 * client or redirect_uri: never redirect then).
 */
export type AuthorizeCheck =
  | { ok: Authorization }
  | { redirect: string }
  | { page: { status: number; message: string } };

/**
 * `host` is the request's Host header: a pool's domain (`<prefix>.auth.<region>.amazoncognito.com`, or its custom
 * domain) serves that pool's clients only, as a Cognito domain does; any other host (localhost) serves every pool.
 */
export function checkAuthorizeRequest(deps: OAuthDeps, query: Record<string, string | undefined>, host?: string): Promise<AuthorizeCheck> {
  return check(deps, query, host);
}

/** The hosted-UI session the request's cookie names, if it is for this pool and still valid (1 hour). */
export function hostedSession(
  deps: OAuthDeps,
  request: FastifyRequest,
  pool: UserPoolRecord,
): Promise<{ user: UserRecord; authTime: number } | undefined> {
  return currentSession(deps, request, pool);
}

/**
 * The user has signed in (or had a session): PostAuthentication has run. Sets the session cookie and answers the
 * redirect: `?code=&state=` for the code flow, `#id_token=&access_token=&token_type=Bearer&expires_in=&state=` for
 * the implicit flow (tokens issued now, PreTokenGeneration TokenGeneration_HostedAuth). A trigger that refuses the
 * implicit tokens sends the user back with `error=access_denied` and its message, as AWS reports trigger failures
 * on this endpoint (cognito-api.md §4.7).
 */
export async function completeAuthorization(
  deps: OAuthDeps,
  reply: FastifyReply,
  authorization: Authorization,
  user: UserRecord,
  authTime: number,
): Promise<FastifyReply> {
  const { pool, client, request } = authorization;
  const { redirectUri, state, scopes, nonce } = request;
  await startSession(deps, reply, pool, subOf(user), authTime);
  if (request.responseType === 'code') {
    const code = await createCode(deps, {
      UserPoolId: pool.Id,
      ClientId: client.ClientId,
      RedirectUri: redirectUri,
      Scopes: scopes,
      Sub: subOf(user),
      AuthTime: authTime,
      ...(nonce !== undefined ? { Nonce: nonce } : {}),
      ...(request.codeChallenge !== undefined ? { CodeChallenge: request.codeChallenge } : {}),
    });
    return reply.redirect(withParams(redirectUri, { code, state }), 302);
  }
  let tokens;
  try {
    tokens = await hostedTokens(deps, { pool, client, user, authTime, scopes, nonce, refreshToken: false });
  } catch (error) {
    if (!(error instanceof CognitoError) || error.statusCode >= 500) throw error;
    return reply.redirect(withParams(redirectUri, { error: 'access_denied', error_description: error.message, state }), 302);
  }
  const fragment = {
    id_token: tokens.IdToken,
    access_token: tokens.AccessToken,
    token_type: 'Bearer',
    expires_in: String(tokens.ExpiresIn),
    state,
  };
  return reply.redirect(withParams(redirectUri, fragment, 'fragment'), 302);
}

/**
 * `/logout`: the session forgotten and its cookie cleared (the reply then redirects). It reads the cookie from
 * `reply.request`; await it so the session is gone before the browser follows the redirect.
 */
export function endHostedSession(deps: OAuthDeps, reply: FastifyReply): Promise<void> {
  return endSession(deps, reply);
}
