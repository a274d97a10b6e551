// The contract between the parts of src/iac/: what a loaded template is, where its parts came from in the file, and
// how an error names that place. Loaders (./load/) produce LoadedTemplate; the resolver (./intrinsics/) reads it;
// the planner and resource providers (./resources/) act on resolved properties.

/** A CloudFormation template in long form: every short-form tag (`!Ref`) already `{ "Ref": ... }`. */
export interface Template {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Transform?: unknown;
  Parameters?: Record<string, ParameterDeclaration>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, ResourceDeclaration>;
  Outputs?: Record<string, OutputDeclaration>;
}

export interface ParameterDeclaration {
  Type: string;
  Default?: unknown;
  AllowedValues?: unknown[];
  AllowedPattern?: string;
  MinLength?: number;
  MaxLength?: number;
  MinValue?: number;
  MaxValue?: number;
  NoEcho?: boolean;
  Description?: string;
  ConstraintDescription?: string;
}

export interface ResourceDeclaration {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Metadata?: Record<string, unknown>;
}

export interface OutputDeclaration {
  Value: unknown;
  Description?: string;
  Condition?: string;
  Export?: { Name: unknown };
}

/** A place in a file, 1-based as editors show it. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** A path into the template: `['Resources', 'Pool', 'Properties', 'Schema', 0, 'Name']`. */
export type PropertyPath = (string | number)[];

export interface LoadedTemplate {
  /** The file the template was read from (as given, relative paths stay relative). */
  file: string;
  template: Template;
  /**
   * Where `path` was written: its own position when known, else its nearest ancestor's, else the file's start.
   * For a compiled serverless.yml, positions point into serverless.yml where the part came from.
   */
  locate(path: PropertyPath): SourceLocation;
}

/** A template read back from the store (a journal, the last good one): no positions, errors point at its start. */
export const unlocated = (file: string, template: Template): LoadedTemplate => ({ file, template, locate: () => ({ file, line: 1, column: 1 }) });

/** An error in a template, written as DESIGN.md §3 says: `<file>:<line>:<col> <reason>`. */
export class TemplateError extends Error {
  constructor(
    readonly location: SourceLocation,
    readonly reason: string,
  ) {
    super(`${location.file}:${location.line}:${location.column} ${reason}`);
    this.name = 'TemplateError';
  }
}

/** The error for `path` in `loaded`, with the logical ID and property path in the reason when it is a resource's. */
export function templateError(loaded: Pick<LoadedTemplate, 'locate'>, path: PropertyPath, reason: string): TemplateError {
  return new TemplateError(loaded.locate(path), `${describePath(path)}: ${reason}`);
}

/** `Resources.Pool.Properties.Schema[0].Name` */
export function describePath(path: PropertyPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}
