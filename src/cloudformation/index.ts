import type { Clock, Logger } from '../cognito/deps.js';
import type { Templates } from '../iac/templates.js';
import type { LocalS3 } from '../s3/index.js';
import type { QueryCall, QuerySurface } from '../server/query.js';
import type { Store } from '../store/store.js';
import { CreateChangeSet } from './operations/changeSets/createChangeSet.js';
import { CreateStack } from './operations/stacks/createStack.js';
import { DeleteChangeSet } from './operations/changeSets/deleteChangeSet.js';
import { DeleteStack } from './operations/stacks/deleteStack.js';
import { DescribeChangeSet } from './operations/changeSets/describeChangeSet.js';
import { DescribeStackEvents } from './operations/stacks/describeStackEvents.js';
import { DescribeStackResource } from './operations/stacks/describeStackResource.js';
import { DescribeStackResources } from './operations/stacks/describeStackResources.js';
import { DescribeStacks } from './operations/stacks/describeStacks.js';
import { ExecuteChangeSet } from './operations/changeSets/executeChangeSet.js';
import { GetTemplate } from './operations/templates/getTemplate.js';
import { GetTemplateSummary } from './operations/templates/getTemplateSummary.js';
import { ListChangeSets } from './operations/changeSets/listChangeSets.js';
import { ListExports } from './operations/templates/listExports.js';
import { ListStackResources } from './operations/stacks/listStackResources.js';
import { ListStacks } from './operations/stacks/listStacks.js';
import { settleInterrupted } from './restart.js';
import { UpdateStack } from './operations/stacks/updateStack.js';
import { ValidateTemplate } from './operations/templates/validateTemplate.js';

// The CloudFormation query API over the template engine (src/iac/): what `serverless deploy`, the AWS CLI's
// `cloudformation deploy` and SDK clients need. Stacks deployed here are reconciled by the same engine as template
// files, in the same queue; one file per action under ./operations/<area>/ (stacks, changeSets, templates).

export interface CloudFormationDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  accountId: string;
  /** The template engine (src/iac/templates.ts): one reconcile at a time, whoever asks. */
  templates: () => Templates;
  /** TemplateURL objects are read from the local S3. */
  s3: LocalS3;
}

export const CLOUDFORMATION_NAMESPACE = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

type Operation = (deps: CloudFormationDeps, call: QueryCall) => Promise<object | undefined>;

const OPERATIONS: Record<string, Operation> = {
  CreateStack, UpdateStack, DeleteStack, DescribeStacks, ListStacks, DescribeStackEvents, DescribeStackResource,
  DescribeStackResources, ListStackResources, GetTemplate, GetTemplateSummary, ValidateTemplate, ListExports, CreateChangeSet,
  DescribeChangeSet, ExecuteChangeSet, DeleteChangeSet, ListChangeSets,
};

export interface CloudFormationSurface extends QuerySurface {
  /**
   * At start, once the templates' engine runs: ends the operations a crash cut off (./restart.ts). Returns one
   * line per stack for the log.
   */
  settleInterrupted(): Promise<string[]>;
}

export function cloudFormationSurface(deps: CloudFormationDeps): CloudFormationSurface {
  return {
    settleInterrupted: () => settleInterrupted(deps),
    service: 'cloudformation',
    namespace: CLOUDFORMATION_NAMESPACE,
    actions: new Set(Object.keys(OPERATIONS)),
    async handle(action, call) {
      const operation = OPERATIONS[action];
      if (!operation) return undefined;
      return (await operation(deps, call)) as Record<string, unknown> | undefined;
    },
  };
}
