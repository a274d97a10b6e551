import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveValue, Unresolved } from '../../../src/iac/intrinsics/index.js';
import { load, resolveIn, scopeFor, templateErrorOf } from './scopeFixture.js';

const pool = { ref: 'eu-west-1_abc123', attributes: { Arn: 'arn:aws:cognito-idp:eu-west-1:000000000000:userpool/eu-west-1_abc123', 'Endpoint.Address': 'db.local' } };
const resources = { Pool: pool };

/** A template whose resource R has `Value: <value>` (one line of YAML), after `head` (other sections). */
function withValue(value: string, head = ''): string {
  return `${head}
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  R:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      Value: ${value}
`;
}

const parameters = `
Parameters:
  Stage:
    Type: String
    Default: dev
  Zones:
    Type: CommaDelimitedList
    Default: a,b
  AttributeName:
    Type: String
    Default: Arn
`;

test('Ref: a parameter gives its value, a list parameter its items', () => {
  assert.is(resolveIn(withValue('!Ref Stage', parameters)), 'dev');
  assert.equal(resolveIn(withValue('!Ref Zones', parameters)), ['a', 'b']);
});

test('Ref: pseudo parameters give the stack\'s values', () => {
  const names = ['Region', 'AccountId', 'StackName', 'StackId', 'Partition', 'URLSuffix', 'NotificationARNs'];
  const values = names.map((name) => resolveIn(withValue(`!Ref AWS::${name}`)));
  assert.equal(values, ['eu-west-1', '000000000000', 'demo', 'arn:aws:cloudformation:eu-west-1:000000000000:stack/demo/1',
    'aws', 'amazonaws.com', []]);
});

test('Ref: an unknown pseudo parameter is an error', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('!Ref AWS::Nowhere'))), /Ref: 'AWS::Nowhere' is not a pseudo parameter/);
});

test('Ref: a resource gives its physical ID', () => {
  assert.is(resolveIn(withValue('!Ref Pool'), { resources }), 'eu-west-1_abc123');
});

test('Ref: an unknown name is an error at the Ref, naming it', () => {
  assert.is(templateErrorOf(() => resolveIn(withValue('!Ref Nope'))),
    "template.yaml:8:7 Resources.R.Properties.Value: Ref: 'Nope' is neither a parameter nor a resource defined in the template");
});

test('Ref: a resource not created yet throws Unresolved with its logical ID', () => {
  try {
    resolveIn(withValue('!Ref Pool'));
    assert.unreachable('resolved a resource that does not exist yet');
  } catch (error) {
    assert.instance(error, Unresolved);
    assert.is((error as Unresolved).logicalId, 'Pool');
  }
});

test('Ref: a resource whose condition is false is an error', () => {
  const text = `
Conditions:
  Never: !Equals [a, b]
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Condition: Never
  R:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      Value: !Ref Pool
`;
  assert.match(templateErrorOf(() => resolveIn(text, { resources })),
    /Ref: resource 'Pool' is not created because its condition 'Never' is false/);
});

test('Ref: AWS::NoValue removes a property, a list item, or the whole value', () => {
  assert.equal(resolveIn(withValue('{ Keep: 1, Drop: !Ref AWS::NoValue }')), { Keep: 1 });
  assert.equal(resolveIn(withValue('[1, !Ref AWS::NoValue, 2]')), [1, 2]);
  assert.is(resolveIn(withValue('!Ref AWS::NoValue')), undefined);
});

test('Ref: the argument must be a name', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('{ Ref: [Pool] }'))), /Ref: expects a logical ID or parameter name, got a list of 1/);
});

test('Fn::GetAtt: reads an attribute, in the list and dotted forms', () => {
  assert.is(resolveIn(withValue('!GetAtt Pool.Arn'), { resources }), pool.attributes.Arn);
  assert.is(resolveIn(withValue('!GetAtt [Pool, Arn]'), { resources }), pool.attributes.Arn);
  assert.is(resolveIn(withValue('!GetAtt Pool.Endpoint.Address'), { resources }), 'db.local');
  assert.is(resolveIn(withValue('{ "Fn::GetAtt": "Pool.Arn" }'), { resources }), pool.attributes.Arn);
});

test('Fn::GetAtt: the attribute name may be a Ref to a parameter', () => {
  assert.is(resolveIn(withValue('!GetAtt [Pool, !Ref AttributeName]', parameters), { resources }), pool.attributes.Arn);
});

test('Fn::GetAtt: an unknown resource is an error naming it', () => {
  assert.is(templateErrorOf(() => resolveIn(withValue('!GetAtt UserPoolX.Arn'), { resources })),
    "template.yaml:8:7 Resources.R.Properties.Value: Fn::GetAtt: resource 'UserPoolX' is not defined in the template");
});

test('Fn::GetAtt: an attribute the resource does not have is an error naming both', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('!GetAtt Pool.Nope'), { resources })),
    /Fn::GetAtt: resource 'Pool' \(AWS::Cognito::UserPool\) does not support attribute type 'Nope'/);
});

test('Fn::GetAtt: wrong arity is an error showing the expected shape', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('!GetAtt [Pool]'), { resources })),
    /Fn::GetAtt: expects \[logicalId, attributeName\], got a list of 1/);
});

test('Fn::Sub: replaces parameters, pseudo parameters, resources, attributes, and keeps ${!Literal}', () => {
  const value = '!Sub "${Stage}/${AWS::Region}/${Pool}/${Pool.Arn}/${!Literal}"';
  assert.is(resolveIn(withValue(value, parameters), { resources }), `dev/eu-west-1/eu-west-1_abc123/${pool.attributes.Arn}/\${Literal}`);
});

test('Fn::Sub: the list form takes variables from its map first, resolving them', () => {
  const value = '!Sub ["${Name}-${Stage}", { Name: !Join ["-", [a, b]], Stage: prod }]';
  assert.is(resolveIn(withValue(value, parameters)), 'a-b-prod');
});

test('Fn::Sub: an unknown variable is an error naming it', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('!Sub "${Missing}-x"'))),
    /Fn::Sub: variable 'Missing' is not a parameter, a resource or a key of the variable map/);
});

test('Fn::Sub: a list parameter cannot be substituted', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('!Sub "${Zones}"', parameters))),
    /Fn::Sub: \$\{Zones\} is a list of 2, not a string/);
});

test('Fn::Sub: a malformed argument is an error', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('!Sub [a, b, c]'))), /Fn::Sub: expects a string or \[string, \{ Name: value \}\]/);
});

const mappings = `
Mappings:
  Sizes:
    dev: { Min: 1, Names: [a, b] }
    prod: { Min: 3 }
`;

test('Fn::FindInMap: reads a value, with keys that may be Refs', () => {
  assert.is(resolveIn(withValue('!FindInMap [Sizes, !Ref Stage, Min]', mappings + parameters)), 1);
  assert.equal(resolveIn(withValue('!FindInMap [Sizes, dev, Names]', mappings)), ['a', 'b']);
});

test('Fn::FindInMap: an unknown mapping, top-level key or second-level key is an error naming it', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('!FindInMap [Nope, dev, Min]', mappings))), /Fn::FindInMap: mapping 'Nope' is not defined in Mappings/);
  assert.match(templateErrorOf(() => resolveIn(withValue('!FindInMap [Sizes, test, Min]', mappings))), /Fn::FindInMap: key 'test' is not in mapping 'Sizes'/);
  assert.match(templateErrorOf(() => resolveIn(withValue('!FindInMap [Sizes, prod, Names]', mappings))),
    /Fn::FindInMap: key 'Names' is not under 'prod' in mapping 'Sizes'/);
});

test('Fn::FindInMap: DefaultValue is used when a key is missing', () => {
  assert.is(resolveIn(withValue('!FindInMap [Sizes, test, Min, { DefaultValue: 5 }]', mappings)), 5);
  assert.match(templateErrorOf(() => resolveIn(withValue('!FindInMap [Sizes, test, Min, 5]', mappings))),
    /Fn::FindInMap: the fourth argument must be \{ DefaultValue: \.\.\. \}/);
});

test('Fn::FindInMap: wrong arity is an error', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('!FindInMap [Sizes, dev]', mappings))),
    /Fn::FindInMap: expects \[MapName, TopLevelKey, SecondLevelKey\], got a list of 2/);
});

test('Fn::ImportValue: reads another stack\'s export, or says none has it', () => {
  const exports = { 'shared-dev-pool': 'eu-west-1_shared' };
  assert.is(resolveIn(withValue('!ImportValue { "Fn::Sub": "shared-${Stage}-pool" }', parameters), { exports }), 'eu-west-1_shared');
  assert.match(templateErrorOf(() => resolveIn(withValue('!ImportValue other', parameters), { exports })),
    /Fn::ImportValue: No export named other found\./);
});

test('Fn::GetAZs: three zones of the stack\'s region, or of the region given', () => {
  assert.equal(resolveIn(withValue("!GetAZs ''")), ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  assert.equal(resolveIn(withValue('!GetAZs { Ref: AWS::Region }')), ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  assert.equal(resolveIn(withValue('!GetAZs us-east-2')), ['us-east-2a', 'us-east-2b', 'us-east-2c']);
});

test('resolveValue: the planner can resolve one resource at a time as others are created', () => {
  const loaded = load(withValue('!Ref Pool'));
  const created: Record<string, typeof pool> = {};
  const scope = { ...scopeFor(loaded), resource: (id: string) => created[id] };
  const path = ['Resources', 'R', 'Properties', 'Value'];
  assert.throws(() => resolveValue({ Ref: 'Pool' }, scope, path), (error: unknown) => error instanceof Unresolved);
  created.Pool = pool;
  assert.is(resolveValue({ Ref: 'Pool' }, scope, path), pool.ref);
});

test.run();
