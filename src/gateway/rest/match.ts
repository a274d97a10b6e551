import type { RestApiModel, RestMethod, RestResource } from './model.js';

// Which resource and method a request reaches. API Gateway prefers, segment by segment, a literal path part over a
// `{param}` one, and either over a greedy `{proxy+}` ("Set up a proxy integration with a proxy resource": a greedy
// resource catches what no more specific resource matches). The method is the request's own, else ANY.

export interface RouteMatch {
  resource: RestResource;
  method: RestMethod;
  /** Path parameters as received (REST APIs hand them to the integration undecoded), or null when none. */
  pathParameters: Record<string, string> | null;
}

/** The match, or undefined when no resource has this path or the resource has no such method. */
export function matchRoute(api: RestApiModel, httpMethod: string, path: string): RouteMatch | undefined {
  const segments = path.split('/').filter((segment, i, all) => segment !== '' || (i > 0 && i < all.length - 1));
  const byPath = new Map(api.resources.map((resource) => [resource.path, resource]));
  const found = walk(api.resources, byPath, '/', segments, {});
  if (!found) return undefined;
  const method = found.resource.methods.get(httpMethod.toUpperCase()) ?? found.resource.methods.get('ANY');
  if (!method) return undefined;
  const names = Object.keys(found.parameters);
  return { resource: found.resource, method, pathParameters: names.length ? found.parameters : null };
}

interface Found {
  resource: RestResource;
  parameters: Record<string, string>;
}

function walk(
  all: RestResource[], byPath: Map<string, RestResource>, at: string, rest: string[], parameters: Record<string, string>,
): Found | undefined {
  const here = byPath.get(at);
  if (rest.length === 0) return here && here.methods.size ? { resource: here, parameters } : greedyBelow(all, at, rest, parameters);
  const prefix = at === '/' ? '' : at;
  const [segment, ...after] = rest as [string, ...string[]];
  const literal = byPath.has(`${prefix}/${segment}`) ? walk(all, byPath, `${prefix}/${segment}`, after, parameters) : undefined;
  if (literal) return literal;
  for (const child of children(all, at)) {
    const name = child.path.slice(child.path.lastIndexOf('/') + 1).match(/^\{([^+}]+)\}$/)?.[1];
    if (!name) continue;
    const found = walk(all, byPath, child.path, after, { ...parameters, [name]: segment });
    if (found) return found;
  }
  return greedyBelow(all, at, rest, parameters);
}

/** A `{name+}` child of `at` takes all the remaining segments (at least one). */
function greedyBelow(all: RestResource[], at: string, rest: string[], parameters: Record<string, string>): Found | undefined {
  if (rest.length === 0) return undefined;
  for (const child of children(all, at)) {
    const name = child.path.slice(child.path.lastIndexOf('/') + 1).match(/^\{(.+)\+\}$/)?.[1];
    if (name && child.methods.size) return { resource: child, parameters: { ...parameters, [name]: rest.join('/') } };
  }
  return undefined;
}

function children(all: RestResource[], at: string): RestResource[] {
  const prefix = at === '/' ? '/' : `${at}/`;
  return all.filter((r) => r.path.startsWith(prefix) && r.path.length > prefix.length && !r.path.slice(prefix.length).includes('/'));
}
