import type { Export, ListExportsOutput } from '@aws-sdk/client-cloudformation';
import type { QueryCall } from '../../../server/query.js';
import type { CloudFormationDeps } from '../../index.js';
import { allStacks, page } from '../../views.js';

// ListExports: every export of the region's live stacks, with the stack that exports it.
export async function ListExports(deps: CloudFormationDeps, call: QueryCall): Promise<ListExportsOutput> {
  const exports: Export[] = [];
  for (const { meta, record } of await allStacks(deps.store, call.region)) {
    for (const [name, value] of Object.entries(record?.Exports ?? {})) exports.push({ ExportingStackId: meta.StackId, Name: name, Value: value });
  }
  const { items, NextToken } = page(exports, call.params.NextToken, 100);
  return { Exports: items, NextToken };
}
