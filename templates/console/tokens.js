import { facts, h, link, route, table, time } from './dom.js';

// A JWT decoder: the header, the payload with its times as dates, and whether the signature verifies against the
// JWKS of the pool its issuer names. Verification is WebCrypto's RSASSA-PKCS1-v1_5 with SHA-256, which is what
// RS256 is (RFC 7518 §3.3), the only algorithm Cognito signs with (its JWKS lists "alg": "RS256").

/** Claims that are NumericDate (seconds since the epoch): RFC 7519 §4.1 and OpenID Connect Core §2 (auth_time). */
const TIMES = new Set(['exp', 'iat', 'nbf', 'auth_time']);

const base64url = (text) => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '='));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

/** The token's parts, or an error that says what is wrong with it. */
export function decode(token) {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) throw new Error('This is not a JWT: expected three base64url parts separated by dots.');
  const json = (part, name) => {
    try {
      const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url(part)));
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error();
      return value;
    } catch {
      throw new Error(`This is not a JWT: its ${name} is not a JSON object.`);
    }
  };
  let signature;
  try {
    signature = base64url(parts[2]);
  } catch {
    throw new Error('This is not a JWT: its signature is not base64url.');
  }
  return { header: json(parts[0], 'header'), payload: json(parts[1], 'payload'), signed: `${parts[0]}.${parts[1]}`, signature };
}

/** The pool id at the end of the issuer (`http://localhost:4566/<poolId>` or `https://cognito-idp.<region>.amazonaws.com/<poolId>`). */
const POOL_IN_ISSUER = /\/([a-z]{2}(?:-[a-z]+)+-\d_[0-9A-Za-z]+)$/;

/** `{ state: 'valid' | 'expired' | 'invalid' | 'unknown', text }`. */
export async function verify({ header, payload, signed, signature }) {
  if (header.alg !== 'RS256') return { state: 'invalid', text: `not a Cognito token: signed with ${String(header.alg)}, not RS256` };
  const poolId = POOL_IN_ISSUER.exec(String(payload.iss ?? ''))?.[1];
  if (!poolId) return { state: 'unknown', text: 'cannot verify: the issuer names no user pool' };
  if (!crypto.subtle) return { state: 'unknown', text: 'cannot verify here: WebCrypto needs a secure context (open the console at http://localhost)' };
  const [jwks, discovery] = await Promise.all(['jwks.json', 'openid-configuration'].map(async (file) => {
    const response = await fetch(`/${encodeURIComponent(poolId)}/.well-known/${file}`);
    return response.ok ? response.json() : undefined;
  }));
  if (!jwks) return { state: 'unknown', text: `cannot verify: this emulator has no pool ${poolId}` };
  // cogniform accepts both issuer forms for its pools (DESIGN.md §3 "issuer").
  const issuers = [discovery?.issuer, `https://cognito-idp.${poolId.split('_')[0]}.amazonaws.com/${poolId}`];
  if (!issuers.includes(payload.iss)) return { state: 'invalid', text: `invalid: issued by ${payload.iss}, not by this emulator's pool` };
  const jwk = jwks.keys?.find((k) => k.kid === header.kid);
  if (!jwk) return { state: 'invalid', text: `invalid: ${poolId} has no key ${String(header.kid)}` };
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
  const good = await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, new TextEncoder().encode(signed));
  if (!good) return { state: 'invalid', text: 'invalid signature' };
  if (typeof payload.exp === 'number' && payload.exp * 1000 <= Date.now()) return { state: 'expired', text: 'expired: the signature is good, but the token expired' };
  return { state: 'valid', text: `valid: signed by ${poolId}` };
}

/** `in 59 min` or `3 min ago`: how an expiry reads at a glance. */
function fromNow(seconds) {
  const minutes = Math.round((seconds * 1000 - Date.now()) / 60_000);
  if (minutes === 0) return 'now';
  const size = Math.abs(minutes) < 120 ? `${Math.abs(minutes)} min` : `${Math.round(Math.abs(minutes) / 60)} h`;
  return minutes > 0 ? `in ${size}` : `${size} ago`;
}

const claimValue = (name, value) => {
  if (TIMES.has(name) && typeof value === 'number') return h('span', {}, time(value), ` (${value}, ${fromNow(value)})`);
  return typeof value === 'string' ? value : JSON.stringify(value);
};

export async function tokensView(context) {
  const input = h('textarea', { id: 'jwt', rows: 5, spellcheck: 'false', autocomplete: 'off', placeholder: 'eyJ…' });
  const output = h('div', { 'aria-live': 'polite' });
  let run = 0;
  const show = async () => {
    const mine = ++run;
    const text = input.value.trim();
    if (!text) return output.replaceChildren();
    let token;
    try {
      token = decode(text);
    } catch (error) {
      return output.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message));
    }
    const verdict = h('p', { class: 'verdict', 'data-state': 'checking', role: 'status' }, 'checking the signature…');
    const { header, payload } = token;
    const poolId = POOL_IN_ISSUER.exec(String(payload.iss ?? ''))?.[1];
    output.replaceChildren(
      verdict,
      facts([
        ['Use', payload.token_use],
        ['Pool', poolId ? link(route('pools', poolId), poolId) : undefined],
        ['User', poolId && (payload['cognito:username'] ?? payload.username) ? link(route('users', poolId, payload['cognito:username'] ?? payload.username), payload['cognito:username'] ?? payload.username) : undefined],
      ]),
      h('h2', {}, 'Header'),
      h('pre', {}, JSON.stringify(header, null, 2)),
      h('h2', {}, 'Payload'),
      table(['Claim', 'Value'], Object.entries(payload).map(([name, value]) => [h('code', {}, name), claimValue(name, value)]), 'No claims.'));
    let result;
    try {
      result = await verify(token);
    } catch (error) {
      result = { state: 'invalid', text: `invalid: ${error.message}` };
    }
    if (mine !== run || context.stopped) return;
    verdict.dataset.state = result.state;
    verdict.textContent = result.text;
  };
  // Never from the address: a token in a URL stays in the browser's history.
  input.addEventListener('input', show);
  return h('section', {},
    h('h1', {}, 'Token decoder'),
    h('label', { for: 'jwt' }, 'Paste an ID or access token'),
    input,
    h('p', { class: 'muted' }, 'Decoded here in the browser; the signature is checked against the JWKS of the pool the issuer names.'),
    output);
}
