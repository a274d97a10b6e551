import { randomUUID } from 'node:crypto';
import type { Store, TableSpec } from '../../store/store.js';

// A stack's events, newest first as DescribeStackEvents answers them: the key orders them that way (a descending
// sequence), so that a page is a plain range scan and NextToken the last key read.

/** A StackEvent as stored (root events carry stack statuses, so statuses are plain strings here). */
export interface EventRecord {
  StackId: string;
  StackName: string;
  EventId: string;
  LogicalResourceId: string;
  PhysicalResourceId: string;
  ResourceType: string;
  ResourceStatus: string;
  ResourceStatusReason?: string;
  ResourceProperties?: string;
  ClientRequestToken?: string;
  /** Descending, fixed width: newer events sort first. */
  Seq: string;
  Timestamp: string;
}

export const stackEvents: TableSpec<EventRecord> = { name: 'cfnEvents', key: (e) => [e.StackId, e.Seq] };

const TOP = 9_000_000_000_000_000;
let last = 0;
/** Microseconds since the epoch, strictly increasing in this process (and across restarts, as time moves on). */
function nextSequence(now: Date): string {
  last = Math.max(now.getTime() * 1000, last + 1);
  return String(TOP - last).padStart(16, '0');
}

/** Root events are the stack's own: LogicalResourceId is its name, PhysicalResourceId its ARN. */
export const ROOT_TYPE = 'AWS::CloudFormation::Stack';

export type NewEvent = Pick<EventRecord, 'LogicalResourceId' | 'PhysicalResourceId' | 'ResourceType' | 'ResourceStatus'>
  & Partial<Pick<EventRecord, 'ResourceStatusReason' | 'ResourceProperties'>>;

/**
 * Events of one stack collected as the work happens and written in batches (`flush`), so that a 45-resource stack
 * costs a few writes rather than a hundred.
 */
export class EventLog {
  private pending: EventRecord[] = [];

  constructor(
    private readonly store: Store,
    private readonly stack: { StackId: string; StackName: string },
    private readonly now: () => Date,
    private readonly clientRequestToken?: string,
  ) {}

  add(event: NewEvent): EventRecord {
    const at = this.now();
    const record: EventRecord = {
      StackId: this.stack.StackId,
      StackName: this.stack.StackName,
      // AWS's root events have a UUID, resource events `<LogicalId>-<UUID>`; unique either way.
      EventId: event.ResourceType === ROOT_TYPE ? randomUUID() : `${event.LogicalResourceId}-${randomUUID()}`,
      Seq: nextSequence(at),
      Timestamp: at.toISOString(),
      ...event,
      ...(this.clientRequestToken ? { ClientRequestToken: this.clientRequestToken } : {}),
    };
    this.pending.push(record);
    return record;
  }

  async flush(): Promise<void> {
    const batch = this.pending.splice(0);
    if (!batch.length) return;
    const table = this.store.table(stackEvents);
    await this.store.transact(`cfn-events\0${this.stack.StackId}`, async (tx) => {
      for (const event of batch) await tx.put(table, event);
    });
  }
}

/** A page of a stack's events, newest first. */
export async function eventPage(store: Store, stackId: string, after: string | undefined, limit: number) {
  return store.table(stackEvents).list([stackId], { limit, after });
}
