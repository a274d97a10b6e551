import type { Output, Parameter, StackStatus, Tag } from '@aws-sdk/client-cloudformation';
import type { Store, TableSpec } from '../../store/store.js';

// What the CloudFormation API keeps about a stack beside the engine's record (src/iac/stacks/stackRecord.ts, which
// holds the applied resources): status, template text, parameters, tags, outputs and each resource's status. Kept by
// StackId, so that a deleted stack still answers by its ARN (DELETE_COMPLETE) while a new one takes its name.

export interface ResourceState {
  ResourceStatus: string;
  ResourceStatusReason?: string;
  /** ISO time of its last event. */
  Timestamp: string;
}

export interface StackMeta {
  StackId: string;
  StackName: string;
  Region: string;
  StackStatus: StackStatus;
  StackStatusReason?: string;
  Description?: string;
  /** The template last applied (or being applied), as given. */
  TemplateBody: string;
  /** The values given for the template's parameters (UsePreviousValue reads them; a failed update goes back to them). */
  ParameterValues: Record<string, string>;
  /**
   * While an update runs: the template and values it replaces, which a rollback goes back to. Kept in the record,
   * not only in memory, so that an update a crash cut off is rolled back on the next start (../restart.ts).
   */
  Previous?: Pick<StackMeta, 'TemplateBody' | 'ParameterValues'>;
  /** Every declared parameter with its value, as DescribeStacks shows them (NoEcho ones masked). */
  Parameters: Parameter[];
  Tags: Tag[];
  Capabilities: string[];
  NotificationARNs: string[];
  DisableRollback: boolean;
  CreationTime: string;
  LastUpdatedTime?: string;
  DeletionTime?: string;
  Outputs: Output[];
  /** By logical ID, from the stack's events. */
  Resources: Record<string, ResourceState>;
}

export const stackMetas: TableSpec<StackMeta> = {
  name: 'cfnStacks',
  key: (s) => [s.StackId],
  // A deleted stack keeps its record under its ARN only; the name is free for a new stack.
  indexes: { name: (s) => (s.StackStatus === 'DELETE_COMPLETE' ? [] : [[s.StackName]]) },
};

export const isStackArn = (nameOrId: string) => nameOrId.startsWith('arn:');

/** A live stack by name, or any stack (deleted ones too) by its StackId. */
export async function findStackMeta(store: Store, nameOrId: string): Promise<StackMeta | undefined> {
  const table = store.table(stackMetas);
  return isStackArn(nameOrId) ? table.get([nameOrId]) : table.findOne('name', [nameOrId]);
}

export async function listStackMetas(store: Store): Promise<StackMeta[]> {
  const { items } = await store.table(stackMetas).list([], { limit: 100_000 });
  return items;
}

export async function putStackMeta(store: Store, meta: StackMeta): Promise<void> {
  await store.transact(`cfn\0${meta.StackId}`, (tx) => tx.put(store.table(stackMetas), meta));
}

/** Read, change and write one stack's record under its lock, so that two changes never lose one another. */
export async function updateStackMeta(store: Store, stackId: string, change: (meta: StackMeta) => void): Promise<StackMeta> {
  return store.transact(`cfn\0${stackId}`, async (tx) => {
    const stored = await tx.get(store.table(stackMetas), [stackId]);
    if (!stored) throw new Error(`stack ${stackId} vanished`);
    // A copy: the transaction finds the old index entries (the name) through the record it read.
    const meta = structuredClone(stored);
    change(meta);
    await tx.put(store.table(stackMetas), meta);
    return meta;
  });
}

/** A new stack's record; `arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>` (Stack reference). */
export function newStackMeta(fields: Pick<StackMeta, 'StackName' | 'Region' | 'StackStatus' | 'Tags' | 'Capabilities' | 'NotificationARNs' | 'DisableRollback' | 'CreationTime'> & { accountId: string; id: string }): StackMeta {
  const { accountId, id, ...rest } = fields;
  return {
    ...rest,
    StackId: `arn:aws:cloudformation:${fields.Region}:${accountId}:stack/${fields.StackName}/${id}`,
    TemplateBody: '',
    ParameterValues: {},
    Parameters: [],
    Outputs: [],
    Resources: {},
  };
}

/** Statuses from which a stack can be updated; any other refuses (ROLLBACK_COMPLETE can only be deleted). */
export const UPDATABLE = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE']);
