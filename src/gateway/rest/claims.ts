// A Cognito token's claims as a REST API's COGNITO_USER_POOLS authorizer hands them to the integration
// (`requestContext.authorizer.claims`): every value a string (shared/reference/triggers-and-authorizers.md §2).
// - `exp` and `iat` as Java's Date.toString renders them, `Thu May 04 03:50:06 UTC 2023`, while `auth_time` stays
//   the epoch seconds (`"auth_time":"1469814773"` next to `"exp":"Fri Jul 29 18:52:53 UTC 2016"` in the authorizer
//   output quoted in amazon-cognito-identity-js#92; the same in the reference's 2023 and 2024 samples).
// - booleans as `true`/`false` (`"email_verified":"true"`).
// - arrays (`cognito:groups`, `cognito:roles`) Go-style, `[admin staff]`: what handlers written against current
//   REST APIs parse (event fixtures under `requestContext.authorizer.claims` with `"[group1 group2]"`,
//   `"[events-admin members-viewer]"`); a 2018 sample showed `admin,staging-manager`, an older rendering.
// - objects as their JSON.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_CLAIMS = new Set(['exp', 'iat']);

export function restClaims(claims: Record<string, unknown>): Record<string, string> {
  const rendered: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    rendered[name] = DATE_CLAIMS.has(name) && typeof value === 'number' ? javaDate(value) : render(value);
  }
  return rendered;
}

function render(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(render).join(' ')}]`;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `Sun Nov 22 05:01:25 UTC 2026`: java.util.Date#toString in UTC. */
export function javaDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} UTC ${d.getUTCFullYear()}`;
}
