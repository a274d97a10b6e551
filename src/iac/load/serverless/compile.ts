// The resolved serverless.yml → the CloudFormation template `sls package` writes to
// .serverless/cloudformation-template-update-stack.json, for the parts cogniform cares about, in the framework's
// order of steps (osls 3.77.1 lib/plugins/aws/package: lib/generate-core-template.js, compile/functions.js,
// compile/events/*, lib/merge-custom-provider-resources.js, lib/add-export-name-for-outputs.js).
import type { ResourceDeclaration } from '../../template.js';
import { asObject, Compilation, type Config } from './compilation.js';
import { compileCognitoUserPools } from './compileCognito.js';
import { compileFunctions } from './compileFunctions.js';
import { compileHttpApi } from './compileHttpApi.js';
import { compileRestApi } from './compileRestApi.js';
import { naming } from './naming.js';
import type { Locate } from './variables.js';

export interface CompileOptions {
  /** The serverless.yml path: function code is mounted from its folder. */
  file: string;
  stage: string;
  /** `--region`, used when provider.region is not set. */
  region: string;
  /** Where each path of the resolved configuration was written. */
  locate: Locate;
}

export function compileService(config: Config, options: CompileOptions): Compilation {
  const provider = asObject(config.provider);
  // `service: { name: x }` is the older object form, still accepted by v3.
  const service = typeof config.service === 'string' ? config.service : asObject(config.service).name;
  if (typeof service !== 'string' || !service) {
    throw new Compilation(config, '', options.stage, options.region, options.locate).error(['service'], 'the service needs a name (`service:`)');
  }
  const region = typeof provider.region === 'string' ? provider.region : options.region;
  const c = new Compilation(config, service, options.stage, region, options.locate);
  if (provider.name !== undefined && provider.name !== 'aws') throw c.error(['provider', 'name'], 'only the aws provider is supported');

  compileDeploymentBucket(c);
  compileFunctions(c, options.file);
  compileRestApi(c);
  compileCognitoUserPools(c);
  compileHttpApi(c);
  mergeUserResources(c);
  for (const [key, output] of Object.entries(c.template.Outputs ?? {})) {
    output.Export ??= { Name: `sls-${service}-${c.stage}-${key}` };
  }
  return c;
}

/** The bucket `sls deploy` uploads to; none when provider.deploymentBucket names an existing one. */
function compileDeploymentBucket(c: Compilation): void {
  if (c.provider.deploymentBucket !== undefined) return;
  const bucketArn = (suffix: string) => ({
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: naming.deploymentBucket }, ...(suffix ? [suffix] : [])]],
  });
  c.addResource(naming.deploymentBucket, {
    Type: 'AWS::S3::Bucket',
    Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } },
  }, ['provider']);
  c.addResource(naming.deploymentBucketPolicy, {
    Type: 'AWS::S3::BucketPolicy',
    Properties: {
      Bucket: { Ref: naming.deploymentBucket },
      PolicyDocument: {
        Statement: [{
          Action: 's3:*', Effect: 'Deny', Principal: '*', Resource: [bucketArn('/*'), bucketArn('')],
          Condition: { Bool: { 'aws:SecureTransport': false } },
        }],
      },
    },
  }, ['provider']);
  c.addOutput('ServerlessDeploymentBucketName', { Value: { Ref: naming.deploymentBucket } });
}

/**
 * `resources:` deep-merged over the generated template (Resources, Outputs, Conditions, ...), then
 * `resources.extensions` applied to generated resources (merge-custom-provider-resources.js).
 */
function mergeUserResources(c: Compilation): void {
  const { extensions, ...resources } = asObject(c.config.resources);
  // On a copy: generated resources share small objects (`{ Ref: ApiGatewayRestApi }`) that a merge must not edit.
  const merged = structuredClone(c.template);
  deepMerge(merged as unknown as Config, resources);
  Object.assign(c.template, merged);
  for (const [logicalId, extension] of Object.entries(asObject(extensions))) {
    const resource: ResourceDeclaration | undefined = c.template.Resources[logicalId];
    const at = ['resources', 'extensions', logicalId];
    if (!resource) throw c.error(at, `cannot extend ${logicalId}: the service generates no such resource`);
    for (const [attribute, value] of Object.entries(asObject(extension))) {
      if (attribute === 'Properties' || attribute === 'Metadata') {
        resource[attribute] = { ...resource[attribute], ...asObject(value) };
      } else if (attribute === 'DependsOn') {
        resource.DependsOn = [...[resource.DependsOn ?? []].flat(), ...[value as string | string[]].flat()];
      } else if (['Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'CreationPolicy', 'UpdatePolicy'].includes(attribute)) {
        (resource as unknown as Config)[attribute] = value;
      } else {
        throw c.error([...at, attribute], `extending ${attribute} is not supported`);
      }
    }
  }
}

/** Plain objects merge key by key, lists item by item, anything else is replaced (utils/merge-plain-objects.js). */
function deepMerge(target: Config | unknown[], source: Config | unknown[]): void {
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    const index = Array.isArray(target) ? Number(key) : key;
    const current = (target as Record<string | number, unknown>)[index];
    const bothLists = Array.isArray(current) && Array.isArray(value);
    const bothObjects = isPlainObject(current) && isPlainObject(value);
    if (bothLists || bothObjects) deepMerge(current as Config, value as Config);
    else (target as Record<string | number, unknown>)[index] = structuredClone(value);
  }
}

function isPlainObject(value: unknown): value is Config {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
