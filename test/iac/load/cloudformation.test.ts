import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCloudFormation } from '../../../src/iac/load/cloudformation.js';
import { TemplateError, type LoadedTemplate } from '../../../src/iac/template.js';

const fixtures = new URL('../fixtures/cloudformation/', import.meta.url);

function load(name: string): LoadedTemplate {
  return loadCloudFormation(name, readFileSync(new URL(name, fixtures), 'utf8'));
}

/** The TemplateError loading `name` throws, as `file:line:col reason`. */
function loadError(name: string): string {
  try {
    load(name);
  } catch (error) {
    assert.instance(error, TemplateError);
    return (error as TemplateError).message;
  }
  throw new Error(`${name} loaded without error`);
}

test('loadCloudFormation: every short-form tag becomes its long form', () => {
  const { template } = load('shortForms.yaml');
  assert.equal(template.Conditions, {
    IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] },
    NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    Both: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'NotProd' }] },
    Either: { 'Fn::Or': [{ Condition: 'IsProd' }, { Condition: 'NotProd' }] },
  });
  assert.equal(template.Resources.Pool!.Properties, {
    PoolName: { 'Fn::Sub': '${AWS::StackName}-pool' },
    Ref: { Ref: 'Stage' },
    GetAttScalar: { 'Fn::GetAtt': ['Pool', 'Arn'] },
    GetAttNested: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
    GetAttList: { 'Fn::GetAtt': ['Pool', 'ProviderName'] },
    SubList: { 'Fn::Sub': ['${A}', { A: 'x' }] },
    Join: { 'Fn::Join': [',', ['a', 'b']] },
    Select: { 'Fn::Select': [0, { 'Fn::Split': [',', 'a,b'] }] },
    If: { 'Fn::If': ['IsProd', 'yes', 'no'] },
    FindInMap: { 'Fn::FindInMap': ['Map', 'Top', 'Second'] },
    ImportValue: { 'Fn::ImportValue': 'shared-pool' },
    Base64: { 'Fn::Base64': 'text' },
    GetAZs: { 'Fn::GetAZs': '' },
    Cidr: { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] },
    Transform: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://bucket/file' } } },
    ToJsonString: { 'Fn::ToJsonString': { a: 1 } },
    Length: { 'Fn::Length': [1, 2] },
  });
});

test('loadCloudFormation: the format version stays a string (YAML 1.2 core schema, no dates)', () => {
  assert.is(load('shortForms.yaml').template.AWSTemplateFormatVersion, '2010-09-09');
});

test('loadCloudFormation: reads JSON, tabs included, with positions', () => {
  const loaded = load('json.template.json');
  assert.equal(loaded.template.Resources.Client!.Properties, { UserPoolId: { Ref: 'Pool' }, ClientName: 'web' });
  assert.equal(loaded.locate(['Resources', 'Client', 'Properties', 'UserPoolId']),
    { file: 'json.template.json', line: 13, column: 5 });
});

test('locate: a map entry is found at its key, a list item at itself', () => {
  const loaded = load('shortForms.yaml');
  assert.equal(loaded.locate(['Resources', 'Pool', 'Properties', 'Join']), { file: 'shortForms.yaml', line: 21, column: 7 });
  assert.equal(loaded.locate(['Resources', 'Pool', 'Properties', 'Join', 'Fn::Join', 1, 1]),
    { file: 'shortForms.yaml', line: 21, column: 29 });
});

test('locate: a short form\'s long-form key points at the tagged value', () => {
  const loaded = load('shortForms.yaml');
  assert.equal(loaded.locate(['Resources', 'Pool', 'Properties', 'Ref', 'Ref']), { file: 'shortForms.yaml', line: 16, column: 17 });
});

test('locate: an unknown path falls back to its nearest known ancestor, then to 1:1', () => {
  const loaded = load('shortForms.yaml');
  assert.equal(loaded.locate(['Resources', 'Pool', 'Properties', 'Missing', 3]), { file: 'shortForms.yaml', line: 14, column: 5 });
  assert.equal(loaded.locate(['Nowhere']), { file: 'shortForms.yaml', line: 1, column: 1 });
});

test('loadCloudFormation: anchors, aliases and merge keys are read', () => {
  const { template } = load('anchors.yaml');
  assert.equal(template.Resources.Editors!.Properties, { UserPoolId: { Ref: 'Pool' }, Precedence: 2 });
  assert.equal(template.Resources.Admins!.Properties, { UserPoolId: { Ref: 'Pool' }, Precedence: 1 });
});

test('loadCloudFormation: a syntax error names the line and column where YAML found it', () => {
  assert.is(loadError('syntaxError.yaml'),
    'syntaxError.yaml:5:17 invalid YAML: Nested mappings are not allowed in compact mappings');
});

test('loadCloudFormation: an unknown tag is an error at the tag, listing the short forms', () => {
  assert.match(loadError('unknownTag.yaml'), /^unknownTag\.yaml:5:17 Unresolved tag: !Reff \(CloudFormation's short forms are !Ref, /);
});

test('loadCloudFormation: two short forms on one node are refused with the long-form way out', () => {
  assert.match(loadError('nestedShortForms.yaml'), /^nestedShortForms\.yaml:5:\d+ invalid YAML: a node can have one tag only; write the inner function in long form/);
});

test('loadCloudFormation: more than one YAML document is refused', () => {
  assert.match(loadError('twoDocuments.yaml'), /^twoDocuments\.yaml:4:1 invalid YAML: a template is one document/);
});

test('loadCloudFormation: a template without Resources is refused', () => {
  assert.is(loadError('missingResources.yaml'),
    'missingResources.yaml:1:1 : Template format error: At least one Resources member must be defined.');
});

test('loadCloudFormation: Resources that is not a map is refused at Resources', () => {
  assert.match(loadError('resourcesNotMap.yaml'), /^resourcesNotMap\.yaml:1:1 Resources: Template format error: Resources must be a map/);
});

test('loadCloudFormation: a resource without Type is refused at that resource', () => {
  assert.is(loadError('resourceWithoutType.yaml'),
    'resourceWithoutType.yaml:2:3 Resources.Pool: Template format error: Every Resources object must contain a Type member.');
});

test('loadCloudFormation: DependsOn must be a logical ID or a list of them', () => {
  assert.match(loadError('dependsOnMap.yaml'), /^dependsOnMap\.yaml:6:5 Resources\.Client\.DependsOn: .*DependsOn must be/);
});

test('loadCloudFormation: an unknown top-level section is refused with CloudFormation\'s message', () => {
  assert.is(loadError('unknownSection.yaml'),
    'unknownSection.yaml:4:1 Output: Template format error: Invalid template property or properties [Output]');
});

test('loadCloudFormation: a misspelt resource attribute is refused', () => {
  assert.is(loadError('unknownResourceKey.yaml'),
    "unknownResourceKey.yaml:4:5 Resources.Pool.Propertes: Invalid template resource property 'Propertes'");
});

test('loadCloudFormation: logical IDs must be alphanumeric', () => {
  assert.match(loadError('nonAlphanumericId.yaml'), /^nonAlphanumericId\.yaml:2:3 .*Resource name Pool-1 is non alphanumeric/);
});

test('loadCloudFormation: an output without a Value is refused with CloudFormation\'s message, never a TypeError', () => {
  const text = 'Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\nOutputs:\n  PoolId:\n';
  try {
    loadCloudFormation('broken.yaml', text);
    assert.unreachable('loaded');
  } catch (error) {
    assert.instance(error, TemplateError);
    assert.match((error as Error).message, /^broken\.yaml:5:3 Outputs\.PoolId: Template format error: Every Outputs member must contain a Value object/);
  }
});

test.run();
