import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Deps } from '../deps.js';
import { NotAuthorizedException, UnsupportedOperationException, UserNotFoundException } from '../errors.js';
import { userPoolClients } from '../model/client.js';
import { subOf, users, type UserRecord } from '../model/user.js';
import { userPools, type UserPoolRecord } from '../model/userPool.js';
import { attributeClaims, MAX_TOKEN_AGE, userGroups, validityOf } from './claims.js';
import { openidConfiguration } from './discovery.js';
import { poolKeys, refreshTokenKey, type SigningKey } from './keys.js';
import { membershipClaims, withChanges } from './overrides.js';
import { openSealedToken, sealRefreshToken, type RefreshPayload } from './refresh.js';
import { checkNotRotatedOut, rotateOut } from './rotation.js';
import { atHash, clientCredentialsClaims } from './oauthClaims.js';
import { beginSession, isHostedSession, revokeSession, sessionState, signOutUser } from './sessions.js';
import type { AccessTokenContext, ClientIssueRequest, IssueRequest, RefreshSession, Tokens } from './tokens.js';

export type TokenDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'port' | 'issuer'>;

/** What API sign-ins put in `scope` ("aws.cognito.signin.user.admin" only; developer guide, access token). */
const API_SCOPES = ['aws.cognito.signin.user.admin'];

// AWS's messages for tokens that do not check out (NotAuthorizedException): seen in localstack#8775 and amplify-js
// reports ("Access Token has been revoked", "Access Token has expired", "Invalid Access Token", "Invalid Refresh
// Token", "Refresh Token has been revoked", "Refresh Token has expired"); a user deleted since sign-in gets
// UserNotFoundException "User does not exist." (aws-sdk-android#366), a disabled one "User is disabled.".
const invalidAccessToken = () => new NotAuthorizedException('Invalid Access Token');
const invalidRefreshToken = () => new NotAuthorizedException('Invalid Refresh Token');

/** The token service. `deps` is read on each call, so a port bound after creation is seen. */
export function createTokens(deps: TokenDeps): Tokens {
  const { store } = deps;
  const seconds = () => Math.floor(deps.clock.now().getTime() / 1000);
  const emulatorUrl = () => `http://localhost:${deps.port}`;

  const issuer = (poolId: string) =>
    deps.issuer === 'aws'
      ? `https://cognito-idp.${poolId.split('_')[0]}.amazonaws.com/${poolId}`
      : `${emulatorUrl()}/${poolId}`;

  const sign = (claims: JWTPayload, key: SigningKey) =>
    new SignJWT(claims).setProtectedHeader({ kid: key.kid, alg: 'RS256' }).sign(key.privateKey);

  const findPool = (poolId: string) => store.table(userPools).get([poolId]);

  /** The user behind a token, still there and enabled. */
  async function liveUser(pool: UserPoolRecord, sub: string): Promise<UserRecord> {
    const user = await store.table(users).findOne('bySub', [pool.Id, sub]);
    if (!user) throw new UserNotFoundException('User does not exist.');
    if (!user.Enabled) throw new NotAuthorizedException('User is disabled.');
    return user;
  }

  /** A refresh that rotates mints under the rotated-out token's lock, so reuse after the grace is refused. */
  const issue = (request: IssueRequest): Promise<AuthenticationResultType> =>
    request.rotatedOut === undefined
      ? mint(request)
      : rotateOut(store, request.client, request.rotatedOut, deps.clock, () => mint(request));

  async function mint(request: IssueRequest): Promise<AuthenticationResultType> {
    const { pool, client, user } = request;
    const iat = seconds();
    const validity = validityOf(client);
    const sub = subOf(user);
    const originJti = request.originJti ?? deps.ids.uuid();
    const scopes = request.scopes ?? API_SCOPES;
    const hosted = request.hosted ?? (request.originJti !== undefined && (await isHostedSession(store, pool.Id, originJti)));
    if (!request.originJti) {
      await beginSession(store, {
        UserPoolId: pool.Id, OriginJti: originJti, Sub: sub, ClientId: client.ClientId, CreatedAt: iat, ...(hosted ? { Hosted: true } : {}),
      });
    }
    const [keys, groups] = await Promise.all([poolKeys(store, pool.Id), userGroups(store, user)]);
    const { overrides } = request;
    const membership = membershipClaims(groups, overrides?.groups);
    // One authentication event: both tokens share event_id and origin_jti, each has its own jti.
    const common = { iss: issuer(pool.Id), origin_jti: originJti, event_id: deps.ids.uuid(), auth_time: request.authTime, iat };
    const idJti = deps.ids.uuid();
    const accessJti = deps.ids.uuid();
    const accessScopes = overrides?.scopes ?? scopes;
    // The access token is signed first: the hosted ID token's at_hash is a hash of it.
    const accessToken = await sign(
      withChanges({
        sub,
        ...membership.groups,
        ...(request.deviceKey !== undefined ? { device_key: request.deviceKey } : {}),
        ...common,
        client_id: client.ClientId,
        token_use: 'access',
        // A function that suppresses every scope leaves no `scope` claim (an empty one would read as a scope).
        ...(accessScopes.length ? { scope: accessScopes.join(' ') } : {}),
        exp: iat + validity.access,
        ...(hosted ? { version: 2 } : {}),
        jti: accessJti,
        username: user.Username,
      }, overrides?.access, 'access'),
      keys.access,
    );
    // The granted scopes decide, not what a PreTokenGeneration function made of the access token's.
    const idToken = hosted && !scopes.includes('openid')
      ? undefined
      : await sign(
          withChanges({
            sub,
            ...membership.groups,
            ...membership.roles,
            ...attributeClaims(user, client),
            ...(hosted ? { at_hash: atHash(accessToken) } : {}),
            ...common,
            'cognito:username': user.Username,
            aud: client.ClientId,
            token_use: 'id',
            exp: iat + validity.id,
            jti: idJti,
            ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
          }, overrides?.id, 'id'),
          keys.id,
        );
    const result: AuthenticationResultType = { AccessToken: accessToken, ExpiresIn: validity.access, TokenType: 'Bearer' };
    if (request.refreshToken) {
      const payload: RefreshPayload = {
        pool: pool.Id,
        client: client.ClientId,
        sub,
        jti: deps.ids.uuid(),
        originJti,
        authTime: request.authTime,
        scopes,
        ...(request.deviceKey !== undefined ? { deviceKey: request.deviceKey } : {}),
        exp: iat + validity.refresh,
      };
      result.RefreshToken = await sealRefreshToken(payload, await refreshTokenKey(store));
    }
    if (idToken !== undefined) result.IdToken = idToken;
    return result;
  }

  async function issueForClient({ pool, client, scopes }: ClientIssueRequest) {
    const iat = seconds();
    const validity = validityOf(client);
    const keys = await poolKeys(store, pool.Id);
    const claims = clientCredentialsClaims({ issuer: issuer(pool.Id), clientId: client.ClientId, scopes, iat, exp: iat + validity.access, jti: deps.ids.uuid() });
    return { AccessToken: await sign(claims, keys.access), ExpiresIn: validity.access, TokenType: 'Bearer' as const };
  }

  async function openRefresh(refreshToken: string): Promise<RefreshPayload> {
    const payload = await openSealedToken(refreshToken, await refreshTokenKey(store));
    if (!payload) throw invalidRefreshToken();
    return payload;
  }

  async function openRefreshToken(refreshToken: string, clientId: string): Promise<RefreshSession> {
    const payload = await openRefresh(refreshToken);
    if (payload.client !== clientId) throw invalidRefreshToken();
    if (payload.exp <= seconds()) throw new NotAuthorizedException('Refresh Token has expired');
    const pool = await findPool(payload.pool);
    const client = pool && (await store.table(userPoolClients).get([pool.Id, clientId]));
    if (!pool || !client) throw invalidRefreshToken();
    const state = await sessionState(store, pool.Id, payload.originJti, payload.sub);
    if (state === 'unknown') throw invalidRefreshToken();
    if (state === 'revoked') throw new NotAuthorizedException('Refresh Token has been revoked');
    await checkNotRotatedOut(store, client, payload.jti, deps.clock);
    const user = await liveUser(pool, payload.sub);
    return {
      pool,
      client,
      user,
      authTime: payload.authTime,
      originJti: payload.originJti,
      jti: payload.jti,
      scopes: payload.scopes,
      ...(payload.deviceKey !== undefined ? { deviceKey: payload.deviceKey } : {}),
    };
  }

  async function verifyAccessToken(accessToken: string): Promise<AccessTokenContext> {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(accessToken);
    } catch {
      throw invalidAccessToken();
    }
    // Both issuer forms end in the pool id; the signature below is what proves the token is ours.
    const pool = typeof unverified.iss === 'string' ? await findPool(unverified.iss.split('/').pop()!) : undefined;
    if (!pool) throw invalidAccessToken();
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(accessToken, (await poolKeys(store, pool.Id)).access.publicKey, {
        algorithms: ['RS256'],
        currentDate: deps.clock.now(),
        // So that jose refuses an `iat` in the future too (a token issued under a clock since moved back).
        maxTokenAge: MAX_TOKEN_AGE,
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new NotAuthorizedException('Access Token has expired');
      throw invalidAccessToken();
    }
    const { token_use: use, origin_jti: originJti, sub, client_id: clientId, scope } = claims;
    if (use !== 'access' || typeof originJti !== 'string' || typeof sub !== 'string' || typeof clientId !== 'string') {
      throw invalidAccessToken();
    }
    const state = await sessionState(store, pool.Id, originJti, sub);
    if (state === 'unknown') throw invalidAccessToken();
    if (state === 'revoked') throw new NotAuthorizedException('Access Token has been revoked');
    const user = await liveUser(pool, sub);
    const scopes = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
    return { pool, user, clientId, originJti, scopes, claims };
  }

  async function revokeRefreshToken(refreshToken: string, clientId: string, clientSecret?: string): Promise<void> {
    const payload = await openRefresh(refreshToken);
    const pool = await findPool(payload.pool);
    const client = pool && (await store.table(userPoolClients).get([pool.Id, clientId]));
    if (!pool || !client || payload.client !== clientId) throw invalidRefreshToken();
    // Doubtful wording: AWS documents the cases (a secret client needs its secret; revocation can be turned off on
    // the client, then UnsupportedOperationException) but not the messages.
    if (client.ClientSecret && client.ClientSecret !== clientSecret) {
      throw new NotAuthorizedException(`Client ${clientId} secret does not match.`);
    }
    if (client.EnableTokenRevocation === false) {
      throw new UnsupportedOperationException('Token revocation is not enabled for this app client.');
    }
    // Revoking twice, or revoking an expired token, succeeds: the outcome is the same.
    await revokeSession(store, pool.Id, payload.originJti);
  }

  return {
    issue,
    issueForClient,
    openRefreshToken,
    verifyAccessToken,
    revokeRefreshToken,
    signOutEverywhere: (tx, pool, user) => signOutUser(tx, store, pool.Id, subOf(user)),
    issuer,
    async jwks(poolId) {
      if (!(await findPool(poolId))) return undefined;
      const keys = await poolKeys(store, poolId);
      return { keys: [keys.id.jwk, keys.access.jwk] };
    },
    async openidConfiguration(poolId) {
      if (!(await findPool(poolId))) return undefined;
      return openidConfiguration(issuer(poolId), emulatorUrl(), poolId);
    },
  };
}
