import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveParameters } from '../../../src/iac/intrinsics/index.js';
import { load, templateErrorOf } from './scopeFixture.js';

/** Parameters of one template, `declarations` being the YAML under `Parameters:` (indented by 2). */
function values(declarations: string, overrides: Record<string, string> = {}) {
  return resolveParameters(load(`Parameters:\n${declarations}\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n`), overrides);
}

test('resolveParameters: Default is used, an override wins, numbers become strings', () => {
  const declarations = '  Stage:\n    Type: String\n    Default: dev\n  Size:\n    Type: Number\n    Default: 3';
  assert.equal(values(declarations), { Stage: 'dev', Size: '3' });
  assert.equal(values(declarations, { Stage: 'prod', Unrelated: 'x' }), { Stage: 'prod', Size: '3' });
});

test('resolveParameters: CommaDelimitedList and List<...> become lists', () => {
  const declarations = '  Urls:\n    Type: CommaDelimitedList\n    Default: a,b\n  Ports:\n    Type: List<Number>\n    Default: "80,443"';
  assert.equal(values(declarations), { Urls: ['a', 'b'], Ports: ['80', '443'] });
  assert.equal(values(declarations, { Urls: 'x' }), { Urls: ['x'], Ports: ['80', '443'] });
});

test('resolveParameters: a parameter without a value names itself and --param', () => {
  assert.is(templateErrorOf(() => values('  Domain:\n    Type: String')),
    'template.yaml:2:3 Parameters.Domain: Parameters: [Domain] must have values; give one with --param Domain=VALUE');
});

test('resolveParameters: AllowedValues are enforced on the default and on overrides', () => {
  const declarations = '  Stage:\n    Type: String\n    Default: dev\n    AllowedValues: [dev, prod]';
  assert.equal(values(declarations, { Stage: 'prod' }), { Stage: 'prod' });
  assert.is(templateErrorOf(() => values(declarations, { Stage: 'test' })),
    "template.yaml:2:3 Parameters.Stage: Parameter 'Stage' must be one of AllowedValues [dev, prod], got 'test'");
});

test('resolveParameters: a bad Default is reported at the Default', () => {
  assert.match(templateErrorOf(() => values('  Stage:\n    Type: String\n    Default: qa\n    AllowedValues: [dev]')),
    /^template\.yaml:4:5 Parameters\.Stage\.Default: Parameter 'Stage' must be one of AllowedValues/);
});

test('resolveParameters: AllowedPattern must match the whole value, each list item', () => {
  const declarations = '  Names:\n    Type: CommaDelimitedList\n    Default: ab,cd\n    AllowedPattern: "[a-z]+"';
  assert.equal(values(declarations), { Names: ['ab', 'cd'] });
  assert.match(templateErrorOf(() => values(declarations, { Names: 'ab,c1' })), /Parameter 'Names' must match pattern \[a-z\]\+/);
  assert.match(templateErrorOf(() => values('  Bad:\n    Type: String\n    Default: x\n    AllowedPattern: "[a-"')),
    /Parameters\.Bad\.AllowedPattern: Parameter 'Bad': AllowedPattern is not a valid regular expression/);
});

test('resolveParameters: MinLength, MaxLength, MinValue, MaxValue and Number are checked', () => {
  const text = '  Name:\n    Type: String\n    Default: abc\n    MinLength: 2\n    MaxLength: 3\n  Size:\n    Type: Number\n    Default: 5\n    MinValue: 1\n    MaxValue: 9';
  assert.equal(values(text), { Name: 'abc', Size: '5' });
  assert.match(templateErrorOf(() => values(text, { Name: 'a' })), /Parameter 'Name' must contain at least 2 characters/);
  assert.match(templateErrorOf(() => values(text, { Name: 'abcd' })), /Parameter 'Name' must contain at most 3 characters/);
  assert.match(templateErrorOf(() => values(text, { Size: '0' })), /Parameter 'Size' must be a number not less than 1/);
  assert.match(templateErrorOf(() => values(text, { Size: '10' })), /Parameter 'Size' must be a number not greater than 9/);
  assert.match(templateErrorOf(() => values(text, { Size: 'five' })), /Parameter 'Size' must be a number, got 'five'/);
});

test('resolveParameters: ConstraintDescription replaces the message, as CloudFormation does', () => {
  const text = '  Stage:\n    Type: String\n    Default: x\n    AllowedValues: [dev]\n    ConstraintDescription: pick dev';
  assert.match(templateErrorOf(() => values(text)), /Parameter 'Stage' failed to satisfy constraint: pick dev$/);
});

test('resolveParameters: SSM parameter types need an override, then act as their value type', () => {
  const text = '  Domain:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /app/domain\n  Ids:\n    Type: AWS::SSM::Parameter::Value<List<String>>\n    Default: /app/ids';
  assert.match(templateErrorOf(() => values(text)),
    /^template\.yaml:3:5 Parameters\.Domain\.Type: Parameter 'Domain' reads its value from SSM Parameter Store .* not available locally; give the value with --param Domain=VALUE/);
  assert.equal(values(text, { Domain: 'example.com', Ids: 'a,b' }), { Domain: 'example.com', Ids: ['a', 'b'] });
});

test('resolveParameters: a parameter without a Type is an error', () => {
  assert.match(templateErrorOf(() => values('  Stage:\n    Default: dev')), /Parameter 'Stage' must declare a Type/);
});

test.run();
