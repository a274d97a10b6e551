// Route selection as HTTP APIs do it. AWS docs, "Routing API requests" (http-api-develop-routes): the most
// specific match wins — a full match of route and method (path variables included), then a route with a greedy
// path variable (`{proxy+}`, which must end the path), then the `$default` route; `ANY` matches the methods a
// resource does not define; nothing matching is 404 {"message":"Not Found"}. Between two matches of the same kind,
// the one whose path is more literal at the first segment where they differ wins (`/pets/dog/{id}` over
// `/pets/{kind}/{id}`), and a method of its own wins over ANY.

export type Segment = { kind: 'literal'; value: string } | { kind: 'param' | 'greedy'; name: string };

export type RouteKey = { kind: '$default' } | { kind: 'path'; method: string; path: string; segments: Segment[] };

export interface RouteMatch<T> {
  route: T;
  pathParameters: Record<string, string>;
}

/** `GET /items/{id}`, `ANY /{proxy+}` or `$default`. */
export function parseRouteKey(routeKey: string): RouteKey {
  if (routeKey === '$default') return { kind: '$default' };
  const [method = 'ANY', path = '/'] = routeKey.trim().split(/\s+/, 2);
  const segments = path.split('/').filter(Boolean).map((part): Segment => {
    const variable = /^\{(.+?)(\+)?\}$/.exec(part);
    if (!variable) return { kind: 'literal', value: part };
    return { kind: variable[2] ? 'greedy' : 'param', name: variable[1]! };
  });
  return { kind: 'path', method: method.toUpperCase(), path, segments };
}

/** The route `method path` selects among `routes`, with its path parameters, or undefined (404). */
export function selectRoute<T extends { key: RouteKey }>(routes: T[], method: string, path: string): RouteMatch<T> | undefined {
  const parts = path.split('/').slice(1);
  let best: { match: RouteMatch<T>; rank: number[] } | undefined;
  for (const route of routes) {
    const found = matchRoute(route.key, method.toUpperCase(), parts);
    if (!found) continue;
    if (!best || compare(found.rank, best.rank) < 0) best = { match: { route, pathParameters: found.pathParameters }, rank: found.rank };
  }
  return best?.match;
}

const SEGMENT_RANK = { literal: 0, param: 1, greedy: 2 } as const;

/** Whether `key` matches, with a rank (lower is more specific) to choose among matches. */
function matchRoute(key: RouteKey, method: string, parts: string[]): { pathParameters: Record<string, string>; rank: number[] } | undefined {
  if (key.kind === '$default') return { pathParameters: {}, rank: [2, 0] };
  if (key.method !== 'ANY' && key.method !== method) return undefined;
  // `/` has no segments; `/items/` keeps its empty last one, which no literal or variable matches.
  const given = parts.length === 1 && parts[0] === '' ? [] : parts;
  const pathParameters: Record<string, string> = {};
  const segmentRanks: number[] = [];
  let greedy = false;
  for (const [i, segment] of key.segments.entries()) {
    segmentRanks.push(SEGMENT_RANK[segment.kind]);
    if (segment.kind === 'greedy') {
      const rest = given.slice(i);
      if (rest.length === 0 || rest.every((part) => part === '')) return undefined;
      pathParameters[segment.name] = decode(rest.join('/'));
      greedy = true;
      break;
    }
    const part = given[i];
    if (part === undefined || part === '') return undefined;
    if (segment.kind === 'literal' && decode(part) !== segment.value) return undefined;
    if (segment.kind === 'param') pathParameters[segment.name] = decode(part);
  }
  if (!greedy && given.length !== key.segments.length) return undefined;
  return { pathParameters, rank: [greedy ? 1 : 0, ...segmentRanks, key.method === 'ANY' ? 1 : 0] };
}

function compare(a: number[], b: number[]): number {
  // The method's rank is last; segment ranks are compared position by position before it, so a longer literal
  // path beats a shorter one where the shorter has already reached its greedy variable.
  const [aTier, ...aRest] = a;
  const [bTier, ...bRest] = b;
  if (aTier !== bTier) return aTier! - bTier!;
  const aMethod = aRest.pop()!;
  const bMethod = bRest.pop()!;
  for (let i = 0; i < Math.min(aRest.length, bRest.length); i++) {
    if (aRest[i] !== bRest[i]) return aRest[i]! - bRest[i]!;
  }
  if (aRest.length !== bRest.length) return bRest.length - aRest.length;
  return aMethod - bMethod;
}

/** "API Gateway decodes URL-encoded request parameters before passing them to your backend integration." */
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
