// What the compile steps share: the resolved service, the template being built, and where in serverless.yml each
// generated resource came from (so that errors in compiled resources point at the function or event that made them).
import { TemplateError, type OutputDeclaration, type PropertyPath, type ResourceDeclaration, type Template } from '../../template.js';
import { describeConfigPath, type Locate } from './variables.js';

export type Config = Record<string, unknown>;

/** A function as the compile steps use it, defaults applied. */
export interface ServerlessFunction {
  key: string;
  /** The deployed name: `name:`, else `<service>-<stage>-<key>`. */
  name: string;
  handler: string;
  runtime: string;
  environment: Record<string, unknown>;
  logicalId: string;
  /** The function's own configuration block. */
  config: Config;
}

export class Compilation {
  readonly template: Template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'The AWS CloudFormation template for this Serverless application',
    Resources: {},
    Outputs: {},
  };
  /** Logical ID → the serverless.yml path it was generated from. */
  readonly origins = new Map<string, PropertyPath>();
  functions: ServerlessFunction[] = [];

  constructor(
    readonly config: Config,
    readonly service: string,
    readonly stage: string,
    readonly region: string,
    private readonly locateConfig: Locate,
  ) {}

  get provider(): Config {
    return asObject(this.config.provider);
  }

  addResource(logicalId: string, resource: ResourceDeclaration, origin: PropertyPath): void {
    this.template.Resources[logicalId] = resource;
    this.origins.set(logicalId, origin);
  }

  addOutput(key: string, output: OutputDeclaration): void {
    this.template.Outputs![key] = output;
  }

  /** An error in serverless.yml at `at` (a configuration path). */
  error(at: PropertyPath, reason: string): TemplateError {
    return new TemplateError(this.locateConfig(at), `${describeConfigPath(at)}: ${reason}`);
  }
}

export function asObject(value: unknown): Config {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Config) : {};
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `Fn::GetAtt [<Fn>LambdaFunction, Arn]`: how the framework points at a function (utils/resolve-lambda-target.js). */
export function functionArn(fn: ServerlessFunction): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [fn.logicalId, 'Arn'] };
}

/** The execute-api source ARN of a Lambda permission for API `apiLogicalId`, as the framework writes it. */
export function executeApiSourceArn(apiLogicalId: string, suffix: string): unknown {
  return {
    'Fn::Join': ['', [
      'arn:', { Ref: 'AWS::Partition' }, ':execute-api:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':',
      { Ref: apiLogicalId }, suffix,
    ]],
  };
}

/** `arn:<partition>:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations` */
export function lambdaInvocationUri(arn: unknown): unknown {
  return {
    'Fn::Join': ['', [
      'arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/',
      arn, '/invocations',
    ]],
  };
}
