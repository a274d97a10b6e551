import { readFile } from 'node:fs/promises';
import type { Output, Stack, StackResourceSummary } from '@aws-sdk/client-cloudformation';
import { listStacks, readStack, type StackRecord } from '../iac/stacks/stackRecord.js';
import type { Store } from '../store/store.js';
import { stackNotFound, validationError } from './errors.js';
import { findStackMeta, isStackArn, listStackMetas, type StackMeta } from './model/stacks.js';

// Stacks as the API shows them. Stacks deployed through the API have a record of their own (./model/stacks.ts);
// stacks of template files (`cogniform start PATH`) are shown too, read-only, so that DescribeStacks,
// `${cf:stack.Output}` and `aws cloudformation describe-stacks` see every stack cogniform runs.

export interface StackView {
  meta: StackMeta;
  /** The applied resources (none yet in REVIEW_IN_PROGRESS, none after a rollback or delete). */
  record: StackRecord | undefined;
  /** The template file of a stack cogniform reconciles from a file; undefined for the API's stacks. */
  file?: string;
}

function fileStackMeta(record: StackRecord): StackMeta {
  const at = record.LastReconcile?.at ?? new Date(0).toISOString();
  return {
    StackId: record.StackId,
    StackName: record.Name,
    Region: record.Region,
    StackStatus: record.Status,
    TemplateBody: '',
    ParameterValues: {},
    Parameters: [],
    Tags: [],
    Capabilities: [],
    NotificationARNs: [],
    DisableRollback: false,
    CreationTime: at,
    LastUpdatedTime: at,
    Outputs: outputsOf(record, undefined),
    Resources: Object.fromEntries(Object.keys(record.Resources).map((id) => [id, { ResourceStatus: 'CREATE_COMPLETE', Timestamp: at }])),
  };
}

export async function findStack(store: Store, nameOrId: string): Promise<StackView | undefined> {
  const meta = await findStackMeta(store, nameOrId);
  if (meta) return { meta, record: meta.StackStatus === 'DELETE_COMPLETE' ? undefined : await readStack(store, meta.StackName) };
  const record = isStackArn(nameOrId)
    ? (await listStacks(store)).find((s) => s.StackId === nameOrId)
    : await readStack(store, nameOrId);
  if (!record || record.Origin === 'api') return undefined;
  return { meta: fileStackMeta(record), record, file: record.Source };
}

/** The stack, or the ValidationError AWS answers for a missing or deleted one asked by name. */
export async function mustFindStack(store: Store, nameOrId: string | undefined): Promise<StackView> {
  if (!nameOrId) throw validationError('1 validation error detected: Value null at \'stackName\' failed to satisfy constraint: Member must not be null');
  const view = await findStack(store, nameOrId);
  if (!view) throw stackNotFound(nameOrId);
  return view;
}

/** A stack of a template file cannot be changed through the API: its file is its source of truth. */
export function mustBeApiStack(view: StackView): void {
  if (view.file) throw validationError(`Stack ${view.meta.StackName} is reconciled from the template file ${view.file}; edit the file instead`);
}

/** Every stack of `region`, the API's (deleted ones too) and the files'. */
export async function allStacks(store: Store, region: string): Promise<StackView[]> {
  const metas = await listStackMetas(store);
  const records = await listStacks(store);
  const byName = new Map(records.map((r) => [r.Name, r]));
  const views: StackView[] = metas.map((meta) => ({ meta, record: meta.StackStatus === 'DELETE_COMPLETE' ? undefined : byName.get(meta.StackName) }));
  for (const record of records) if (record.Origin !== 'api') views.push({ meta: fileStackMeta(record), record, file: record.Source });
  return views.filter((v) => v.meta.Region === region).sort((a, b) => b.meta.CreationTime.localeCompare(a.meta.CreationTime));
}

/** The outputs with their descriptions (from the template, when known) and export names. */
export function outputsOf(record: StackRecord | undefined, descriptions: Record<string, string> | undefined): Output[] {
  if (!record) return [];
  return Object.entries(record.Outputs).map(([key, value]) => ({
    OutputKey: key,
    OutputValue: value,
    ...(descriptions?.[key] !== undefined ? { Description: descriptions[key] } : {}),
    ...(record.ExportNames?.[key] !== undefined ? { ExportName: record.ExportNames[key] } : {}),
  }));
}

/** The Stack shape of DescribeStacks. */
export function stackToApi(meta: StackMeta): Stack {
  return {
    StackId: meta.StackId,
    StackName: meta.StackName,
    ChangeSetId: undefined,
    Description: meta.Description,
    Parameters: meta.Parameters,
    CreationTime: new Date(meta.CreationTime),
    DeletionTime: meta.DeletionTime ? new Date(meta.DeletionTime) : undefined,
    LastUpdatedTime: meta.LastUpdatedTime ? new Date(meta.LastUpdatedTime) : undefined,
    RollbackConfiguration: {},
    StackStatus: meta.StackStatus,
    StackStatusReason: meta.StackStatusReason,
    DisableRollback: meta.DisableRollback,
    NotificationARNs: meta.NotificationARNs,
    Capabilities: meta.Capabilities as Stack['Capabilities'],
    Outputs: meta.Outputs,
    Tags: meta.Tags,
    EnableTerminationProtection: false,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

/** The applied resources with their status, in the order they were applied. */
export function resourcesOf(view: StackView): (StackResourceSummary & { LastUpdatedTimestamp: Date })[] {
  return Object.entries(view.record?.Resources ?? {}).map(([id, resource]) => {
    const state = view.meta.Resources[id];
    return {
      LogicalResourceId: id,
      PhysicalResourceId: resource.PhysicalId,
      ResourceType: resource.Type,
      LastUpdatedTimestamp: new Date(state?.Timestamp ?? view.meta.LastUpdatedTime ?? view.meta.CreationTime),
      ResourceStatus: (state?.ResourceStatus ?? 'CREATE_COMPLETE') as StackResourceSummary['ResourceStatus'],
      ...(state?.ResourceStatusReason ? { ResourceStatusReason: state.ResourceStatusReason } : {}),
      DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
    };
  });
}

/** The template a file stack was loaded from, for GetTemplate. */
export async function templateBodyOf(view: StackView): Promise<string> {
  return view.file ? readFile(view.file, 'utf8').catch(() => '') : view.meta.TemplateBody;
}

/** Offset paging for lists built in memory: NextToken is the offset, opaque to the caller. */
export function page<T>(items: T[], token: string | undefined, size: number): { items: T[]; NextToken?: string } {
  const text = token ? Buffer.from(token, 'base64url').toString('utf8') : '0';
  if (!/^\d+$/.test(text)) throw validationError('Invalid NextToken');
  const start = Number(text);
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length ? { NextToken: Buffer.from(String(end)).toString('base64url') } : {}) };
}
