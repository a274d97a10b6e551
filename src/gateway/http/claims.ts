// How an HTTP API hands a JWT's claims to the integration (`requestContext.authorizer.jwt.claims`): every value a
// string. Numbers as their digits (`"exp":"1787996002"`, the sample in DefinitelyTyped#75458), arrays in Go's
// `[a b c]` form (guidance-for-claude-code-with-amazon-bedrock#802, so `cognito:groups` arrives as `"[admin
// editors]"`), booleans as `true`/`false`. Nested objects have no recorded sample; they are rendered as JSON.
// Sources gathered in shared/reference/triggers-and-authorizers.md §7.2.

export function renderClaims(claims: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, renderClaim(value)]));
}

function renderClaim(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(renderClaim).join(' ')}]`;
  return JSON.stringify(value ?? null);
}

/** The token's scopes: `scope` (space-separated, as Cognito writes it) or `scp` (a list or a string). */
export function tokenScopes(claims: Record<string, unknown>): string[] {
  const given = claims.scope ?? claims.scp;
  if (Array.isArray(given)) return given.map(String);
  return typeof given === 'string' ? given.split(' ').filter(Boolean) : [];
}
