import type { UpdateStackOutput } from '@aws-sdk/client-cloudformation';
import type { QueryCall } from '../../../server/query.js';
import { changesNothing, plannedChanges } from '../../changes.js';
import { cannotUpdate, validationError } from '../../errors.js';
import type { CloudFormationDeps } from '../../index.js';
import { capabilities, checkCapabilities, formatError, loadTemplate, parameterValues, tags, templateText } from '../../input.js';
import { startDeployment } from '../../lifecycle.js';
import { UPDATABLE } from '../../model/stacks.js';
import { mustBeApiStack, mustFindStack } from '../../views.js';

// UpdateStack: the serverless CLI's `deploymentMethod: direct` update; "No updates are to be performed." is its
// no-op signal (reference §5.4).
export async function UpdateStack(deps: CloudFormationDeps, call: QueryCall): Promise<UpdateStackOutput> {
  const { params } = call;
  const view = await mustFindStack(deps.store, params.StackName);
  mustBeApiStack(view);
  const { meta } = view;
  if (!UPDATABLE.has(meta.StackStatus)) throw cannotUpdate(meta.StackId, meta.StackStatus);
  const text = params.UsePreviousTemplate === 'true' ? meta.TemplateBody : await templateText(deps, params);
  const loaded = loadTemplate(meta.StackName, text);
  const given = params['Capabilities.member.1'] !== undefined || params.Capabilities !== undefined ? capabilities(params) : meta.Capabilities;
  checkCapabilities(loaded, given);
  const values = parameterValues(loaded, params, meta.ParameterValues);
  const changes = await plannedChanges(deps, meta, loaded, values).catch((error: unknown) => {
    throw formatError(error);
  });
  if (changesNothing(meta, loaded, values, changes)) throw validationError('No updates are to be performed.');
  await startDeployment(deps, {
    kind: 'UPDATE', meta, templateBody: text, loaded, parameterValues: values,
    tags: params['Tags.member.1'] !== undefined ? tags(params) : meta.Tags, capabilities: given,
    clientRequestToken: params.ClientRequestToken,
  });
  return { StackId: meta.StackId };
}
