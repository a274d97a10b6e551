import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveIn, templateErrorOf } from './scopeFixture.js';

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

const head = `
Parameters:
  Callbacks:
    Type: CommaDelimitedList
    Default: https://a.example,https://b.example
Conditions:
  IsProd: !Equals [prod, prod]
  IsDev: !Not [!Condition IsProd]
`;

test('Fn::Join: joins strings and numbers, including a list parameter', () => {
  assert.is(resolveIn(withValue('!Join ["-", [a, 1, true]]')), 'a-1-true');
  assert.is(resolveIn(withValue('!Join [" ", !Ref Callbacks]', head)), 'https://a.example https://b.example');
});

test('Fn::Join: wrong arity and a non-list are errors', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('!Join [",", a, b]'))), /Fn::Join: expects \[delimiter, \[values\]\], got a list of 3/);
  assert.match(templateErrorOf(() => resolveIn(withValue('!Join [",", a]'))), /Fn::Join: the values must be a list, got "a"/);
  assert.match(templateErrorOf(() => resolveIn(withValue('!Join [",", [{ a: 1 }]]'))), /Fn::Join: value 0 must be a string, got a map \{a\}/);
});

test('Fn::Select: picks by index, written as a number or a string', () => {
  assert.is(resolveIn(withValue('!Select [1, [a, b, c]]')), 'b');
  assert.is(resolveIn(withValue('!Select ["2", !GetAZs ""]')), 'eu-west-1c');
});

test('Fn::Select: an index out of range or not a whole number is an error', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('!Select [3, [a, b]]'))),
    /Fn::Select: cannot select nonexistent value at index 3 \(the list has 2\)/);
  assert.match(templateErrorOf(() => resolveIn(withValue('!Select [-1, [a, b]]'))), /Fn::Select: the index must be a whole number, got "-1"/);
  assert.match(templateErrorOf(() => resolveIn(withValue('!Select [0]'))), /Fn::Select: expects \[index, \[values\]\]/);
});

test('Fn::Split: splits a string, also one built by another function', () => {
  assert.equal(resolveIn(withValue('!Split [",", "a,b,,c"]')), ['a', 'b', '', 'c']);
  assert.equal(resolveIn(withValue('!Split ["/", !Sub "${AWS::Region}/x"]')), ['eu-west-1', 'x']);
});

test('Fn::Split: an empty delimiter or a non-string source is an error', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('!Split ["", abc]'))), /Fn::Split: the delimiter must not be empty/);
  assert.match(templateErrorOf(() => resolveIn(withValue('!Split [",", [a]]'))), /Fn::Split: the source must be a string, got a list of 1/);
});

test('Fn::If: resolves only the chosen branch', () => {
  // The other branch refers to a resource that is not created: resolving it would throw Unresolved.
  assert.is(resolveIn(withValue('!If [IsProd, live, !Ref Pool]', head)), 'live');
  assert.is(resolveIn(withValue('!If [IsDev, !Ref Pool, local]', head)), 'local');
});

test('Fn::If: AWS::NoValue in the chosen branch removes the property', () => {
  assert.equal(resolveIn(withValue('{ A: !If [IsProd, !Ref AWS::NoValue, x], B: 1 }', head)), { B: 1 });
});

test('Fn::If: an unknown condition or wrong arity is an error', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('!If [IsStaging, a, b]', head))), /Fn::If: condition 'IsStaging' is not defined in Conditions/);
  assert.match(templateErrorOf(() => resolveIn(withValue('!If [IsProd, a]', head))),
    /Fn::If: expects \[condition name, value if true, value if false\], got a list of 2/);
});

test('Fn::Equals, Fn::And, Fn::Or, Fn::Not: give booleans when used as values', () => {
  assert.is(resolveIn(withValue('!Equals [!Ref AWS::Region, eu-west-1]')), true);
  assert.is(resolveIn(withValue('!And [!Condition IsProd, !Condition IsDev]', head)), false);
  assert.is(resolveIn(withValue('!Or [!Condition IsProd, !Condition IsDev]', head)), true);
  assert.is(resolveIn(withValue('!Not [!Equals [1, "1"]]')), false);
});

test('Fn::Base64: encodes the UTF-8 bytes', () => {
  assert.is(resolveIn(withValue('!Base64 { "Fn::Sub": "héllo ${AWS::Region}" }')),
    Buffer.from('héllo eu-west-1').toString('base64'));
  assert.match(templateErrorOf(() => resolveIn(withValue('!Base64 [a]'))), /Fn::Base64: the value to encode must be a string/);
});

test('Fn::Cidr: splits a block into consecutive subnets (the documented /24 into six /27)', () => {
  assert.equal(resolveIn(withValue('!Cidr ["192.168.0.0/24", 6, 5]')), [
    '192.168.0.0/27', '192.168.0.32/27', '192.168.0.64/27', '192.168.0.96/27', '192.168.0.128/27', '192.168.0.160/27',
  ]);
  assert.equal(resolveIn(withValue('!Cidr ["10.0.0.0/16", "3", "8"]')), ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
});

test('Fn::Cidr: starts from the network address and crosses octets', () => {
  assert.equal(resolveIn(withValue('!Cidr ["10.1.255.7/16", 2, 15]')), ['10.1.0.0/17', '10.1.128.0/17']);
});

test('Fn::Cidr: impossible splits, bad blocks and IPv6 are errors', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('!Cidr ["10.0.0.0/24", 3, 7]'))), /Fn::Cidr: 10\.0\.0\.0\/24 holds only 2 subnets of \/25, 3 were asked for/);
  assert.match(templateErrorOf(() => resolveIn(withValue('!Cidr ["10.0.0.0/24", 1, 9]'))), /Fn::Cidr: cidrBits must be between 1 and 8 for a \/24 block, got '9'/);
  assert.match(templateErrorOf(() => resolveIn(withValue('!Cidr ["10.0.0.0/24", 0, 2]'))), /Fn::Cidr: the count must be between 1 and 256, got '0'/);
  assert.match(templateErrorOf(() => resolveIn(withValue('!Cidr ["10.0.300.0/24", 1, 2]'))), /Fn::Cidr: '10\.0\.300\.0\/24' is not an IPv4 CIDR block/);
  assert.match(templateErrorOf(() => resolveIn(withValue('!Cidr ["2001:db8::/56", 1, 64]'))), /Fn::Cidr: IPv6 blocks are not supported locally/);
});

test('Fn::ToJsonString and Fn::Length: compact JSON and list length', () => {
  assert.is(resolveIn(withValue('!ToJsonString { a: !Ref AWS::Region, b: [1] }')), '{"a":"eu-west-1","b":[1]}');
  assert.is(resolveIn(withValue('!Length { Ref: Callbacks }', head)), 2);
});

test('resolveValue: an unknown Fn:: function and Fn::Transform are errors naming them', () => {
  assert.match(templateErrorOf(() => resolveIn(withValue('{ "Fn::Nope": 1 }'))), /Fn::Nope: Encountered unsupported function: Fn::Nope/);
  assert.match(templateErrorOf(() => resolveIn(withValue('!Transform { Name: AWS::Include }'))), /Fn::Transform: macros run inside AWS only/);
});

test('resolveValue: a map with other keys besides Ref is data, not a function', () => {
  assert.equal(resolveIn(withValue('{ Ref: x, Other: !Ref AWS::Region }')), { Ref: 'x', Other: 'eu-west-1' });
});

test.run();
