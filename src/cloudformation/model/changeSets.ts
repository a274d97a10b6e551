import type { Change, ChangeSetStatus, ChangeSetType, ExecutionStatus, Tag } from '@aws-sdk/client-cloudformation';
import type { Store, TableSpec } from '../../store/store.js';

// Change sets, by stack and name (names are unique per stack), and by their ARN.

export interface ChangeSetRecord {
  ChangeSetId: string;
  ChangeSetName: string;
  StackId: string;
  StackName: string;
  ChangeSetType: ChangeSetType;
  Status: ChangeSetStatus;
  StatusReason?: string;
  ExecutionStatus: ExecutionStatus;
  CreationTime: string;
  Description?: string;
  TemplateBody: string;
  ParameterValues: Record<string, string>;
  Tags: Tag[];
  Capabilities: string[];
  NotificationARNs: string[];
  Changes: Change[];
  ClientRequestToken?: string;
  /** cogniform's own time to execute it (the engine's work and the events), for benchmarks. */
  ExecutionDurationMs?: number;
}

export const changeSets: TableSpec<ChangeSetRecord> = {
  name: 'cfnChangeSets',
  key: (c) => [c.StackId, c.ChangeSetName],
  indexes: { id: (c) => [[c.ChangeSetId]] },
};

export async function changeSetsOf(store: Store, stackId: string): Promise<ChangeSetRecord[]> {
  const { items } = await store.table(changeSets).list([stackId], { limit: 10_000 });
  return items;
}

export async function putChangeSet(store: Store, record: ChangeSetRecord): Promise<void> {
  await store.transact(`cfn-cs\0${record.StackId}`, (tx) => tx.put(store.table(changeSets), record));
}

export async function deleteChangeSets(store: Store, records: ChangeSetRecord[]): Promise<void> {
  if (!records.length) return;
  await store.transact(`cfn-cs\0${records[0]!.StackId}`, async (tx) => {
    for (const record of records) await tx.delete(store.table(changeSets), record);
  });
}
