import type { GetParametersByPathResult } from '@aws-sdk/client-ssm';
import type { SsmDeps } from '../deps.js';
import { validation } from '../errors.js';
import { Input } from '../input.js';
import { parameters, parameterToApi } from '../model/parameter.js';
import { checkPath } from '../names.js';

// SSM API reference, GetParametersByPath: MaxResults 1..10 (default 10). Without Recursive only the path's direct
// children come back; a page may then hold fewer than MaxResults (even none) and still carry a NextToken, as AWS
// documents ("the request can return an empty result set with a NextToken").
const DEFAULT_PAGE = 10;

export function GetParametersByPath({ store, accountId }: Pick<SsmDeps, 'store' | 'accountId'>) {
  return async (body: unknown, region: string): Promise<GetParametersByPathResult> => {
    const input = Input.of(body);
    const path = input.requiredString('Path', { max: 2048 });
    const recursive = input.boolean('Recursive');
    const withDecryption = input.boolean('WithDecryption');
    const limit = input.integer('MaxResults', 1, 10) ?? DEFAULT_PAGE;
    const token = input.string('NextToken', { max: 1024 });
    checkPath(path);
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const after = token === undefined ? undefined : Buffer.from(token, 'base64url').toString('utf8');
    if (token !== undefined && !after) throw validation('The specified token is not valid.');
    const page = await store.table(parameters).list([region], { limit, partial: prefix, after });
    const shown = page.items.filter((p) => recursive || !p.Name.slice(prefix.length).includes('/'));
    return {
      Parameters: shown.map((p) => parameterToApi(p, accountId, withDecryption)),
      ...(page.next ? { NextToken: Buffer.from(page.next, 'utf8').toString('base64url') } : {}),
    };
  };
}
