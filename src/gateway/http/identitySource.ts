import type { GatewayRequest } from '../routes.js';

// Identity sources name where an authorizer's input comes from: `$request.header.<Name>` and
// `$request.querystring.<name>` (AWS docs, apis-apiid-authorizers IdentitySource). The values, in order, or
// undefined when any one is missing or empty: the request is then refused before the authorizer runs.

export function identityValues(sources: string[], request: GatewayRequest): string[] | undefined {
  const query = new URLSearchParams(request.rawQuery);
  const values: string[] = [];
  for (const source of sources) {
    const header = /^\$request\.header\.(.+)$/i.exec(source);
    const parameter = /^\$request\.querystring\.(.+)$/i.exec(source);
    let value: string | undefined;
    if (header) {
      const given = request.headers[header[1]!.toLowerCase()];
      value = Array.isArray(given) ? given.join(',') : given;
    } else if (parameter) {
      value = query.getAll(parameter[1]!).join(',');
    }
    if (!value) return undefined;
    values.push(value);
  }
  return values;
}
