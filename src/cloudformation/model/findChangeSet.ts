import type { Store } from '../../store/store.js';
import { changeSetNotFound } from '../errors.js';
import { findStack } from '../views.js';
import { changeSets, type ChangeSetRecord } from './changeSets.js';

/** A change set by its ARN, or by name within the stack StackName names; ChangeSetNotFound otherwise. */
export async function findChangeSet(store: Store, nameOrId: string, stackName: string | undefined): Promise<ChangeSetRecord> {
  const found = await lookUpChangeSet(store, nameOrId, stackName);
  if (!found) throw changeSetNotFound(nameOrId);
  return found;
}

export async function lookUpChangeSet(store: Store, nameOrId: string, stackName: string | undefined): Promise<ChangeSetRecord | undefined> {
  const table = store.table(changeSets);
  if (nameOrId.startsWith('arn:')) return table.findOne('id', [nameOrId]);
  const view = stackName ? await findStack(store, stackName) : undefined;
  return view ? table.get([view.meta.StackId, nameOrId]) : undefined;
}
