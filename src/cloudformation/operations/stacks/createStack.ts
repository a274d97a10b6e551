import { randomUUID } from 'node:crypto';
import type { CreateStackOutput } from '@aws-sdk/client-cloudformation';
import { readStack } from '../../../iac/stacks/stackRecord.js';
import { memberList, type QueryCall } from '../../../server/query.js';
import { alreadyExists, checkName, required } from '../../errors.js';
import type { CloudFormationDeps } from '../../index.js';
import { capabilities, checkCapabilities, loadTemplate, parameterValues, tags, templateText } from '../../input.js';
import { startDeployment } from '../../lifecycle.js';
import { findStackMeta, newStackMeta, putStackMeta } from '../../model/stacks.js';

// CreateStack: answers the new StackId at once; the stack is created after (CREATE_IN_PROGRESS → CREATE_COMPLETE,
// or a rollback), as the serverless CLI's `deploymentMethod: direct` expects (reference §5.4).
export async function CreateStack(deps: CloudFormationDeps, call: QueryCall): Promise<CreateStackOutput> {
  const { params } = call;
  const stackName = checkName(required(params, 'StackName', 'stackName'), 'stackName');
  const text = await templateText(deps, params);
  const loaded = loadTemplate(stackName, text);
  const given = capabilities(params);
  checkCapabilities(loaded, given);
  const values = parameterValues(loaded, params);
  if ((await findStackMeta(deps.store, stackName)) || (await readStack(deps.store, stackName))) {
    throw alreadyExists(`Stack [${stackName}] already exists`);
  }
  const meta = newStackMeta({
    StackName: stackName,
    Region: call.region,
    StackStatus: 'CREATE_IN_PROGRESS',
    Tags: tags(params),
    Capabilities: given,
    NotificationARNs: memberList(params, 'NotificationARNs'),
    // OnFailure DO_NOTHING is DisableRollback by another name (CreateStack reference).
    DisableRollback: params.DisableRollback === 'true' || params.OnFailure === 'DO_NOTHING',
    CreationTime: deps.clock.now().toISOString(),
    accountId: deps.accountId,
    id: randomUUID(),
  });
  await putStackMeta(deps.store, meta);
  await startDeployment(deps, {
    kind: 'CREATE', meta, templateBody: text, loaded, parameterValues: values, tags: meta.Tags, capabilities: given,
    clientRequestToken: params.ClientRequestToken,
  });
  return { StackId: meta.StackId };
}
