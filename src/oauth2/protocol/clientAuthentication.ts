import type { FastifyRequest } from 'fastify';
import { CognitoError } from '../../cognito/errors.js';
import { clientById, type SignInClient } from '../../cognito/operations/signIn/flow/signInClient.js';
import type { OAuthDeps } from '../authorization.js';
import { sameText } from '../../cognito/auth/sameText.js';
import { header } from './form.js';
import { OAuthError } from './oauthError.js';

// Who is calling the token and revocation endpoints: client_secret_basic (`Authorization: Basic
// b64(client_id:client_secret)`) or client_secret_post (client_id and client_secret in the form), the two methods
// the discovery document lists. A client with a secret must prove it; one without names itself with client_id.

/** RFC 6749 §5.2: a client that fails to authenticate gets 401 invalid_client. */
const invalidClient = (description?: string) => new OAuthError('invalid_client', description, 401);

interface Credentials {
  clientId: string;
  secret: string | undefined;
}

function basicCredentials(request: FastifyRequest): Credentials | undefined {
  const authorization = header(request, 'authorization');
  if (!authorization?.toLowerCase().startsWith('basic ')) return undefined;
  const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw invalidClient();
  // RFC 6749 §2.3.1: both halves are form-urlencoded before being joined.
  const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
  try {
    return { clientId: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    throw invalidClient();
  }
}

const sameSecret = (given: string | undefined, expected: string) => given !== undefined && sameText(given, expected);

export async function authenticateClient(deps: Pick<OAuthDeps, 'store'>, request: FastifyRequest, form: URLSearchParams): Promise<SignInClient> {
  const basic = basicCredentials(request);
  const posted = form.get('client_id') ?? undefined;
  if (basic && posted !== undefined && posted !== basic.clientId) throw invalidClient();
  const clientId = basic?.clientId ?? posted;
  if (!clientId) throw new OAuthError('invalid_request', 'client_id is required');
  const secret = basic ? basic.secret : (form.get('client_secret') ?? undefined);
  let found: SignInClient;
  try {
    found = await clientById(deps.store, clientId);
  } catch (error) {
    if (error instanceof CognitoError && error.type === 'ResourceNotFoundException') throw invalidClient();
    throw error;
  }
  const expected = found.client.ClientSecret;
  if (expected !== undefined && !sameSecret(secret, expected)) throw invalidClient();
  return found;
}
