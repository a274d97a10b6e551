import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { evaluateConditions, isActive, resolveParameters } from '../../../src/iac/intrinsics/index.js';
import { load, pseudo, scopeFor, templateErrorOf } from './scopeFixture.js';

const fixtures = new URL('../fixtures/cloudformation/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');

function conditions(text: string, overrides: Record<string, string> = {}) {
  const loaded = load(text);
  const parameters = resolveParameters(loaded, overrides);
  return evaluateConditions(loaded, { pseudo, parameters, importValue: () => undefined });
}

test('evaluateConditions: Fn::Equals, Fn::And, Fn::Or, Fn::Not and Condition references, from parameters and mappings', () => {
  const text = fixture('conditions.yaml');
  assert.equal(conditions(text), {
    IsProd: false, IsEurope: true, ProdInEurope: false, ProdOrEurope: true, NotProd: true, BigEnough: true,
  });
  assert.equal(conditions(text, { Stage: 'prod' }), {
    IsProd: true, IsEurope: true, ProdInEurope: true, ProdOrEurope: true, NotProd: false, BigEnough: true,
  });
});

test('evaluateConditions: a cycle between conditions is an error naming them', () => {
  assert.is(templateErrorOf(() => conditions(fixture('conditionCycle.yaml'))),
    'template.yaml:3:3 Conditions.A: Conditions: circular reference between conditions: A -> B -> A');
});

test('evaluateConditions: a condition naming an undefined one is an error at the reference', () => {
  assert.match(templateErrorOf(() => conditions('Conditions:\n  A: !Not [!Condition Nope]\nResources:\n  P:\n    Type: T\n')),
    /^template\.yaml:2:\d+ Conditions\.A\.Fn::Not\[0\]\.Condition: Condition: condition 'Nope' is not defined in Conditions/);
});

test('evaluateConditions: conditions may not use resources', () => {
  assert.match(templateErrorOf(() => conditions('Conditions:\n  A: !Equals [!Ref P, x]\nResources:\n  P:\n    Type: T\n')),
    /Ref: conditions can use parameters, pseudo parameters and mappings, not resource 'P'/);
});

test('evaluateConditions: something other than a condition function is an error', () => {
  assert.match(templateErrorOf(() => conditions('Conditions:\n  A: !And [true, !Equals [a, a]]\nResources:\n  P:\n    Type: T\n')),
    /Condition: expects Fn::Equals, Fn::And, Fn::Or, Fn::Not or \{ Condition: name \}, got true/);
  assert.match(templateErrorOf(() => conditions('Conditions:\n  A: !And [!Equals [a, a]]\nResources:\n  P:\n    Type: T\n')),
    /Fn::And: expects a list of 2 to 10 conditions, got a list of 1/);
  assert.match(templateErrorOf(() => conditions('Conditions:\n  A: !Equals [a]\nResources:\n  P:\n    Type: T\n')),
    /Fn::Equals: expects \[value1, value2\], got a list of 1/);
});

test('evaluateConditions: a resource or output naming an undefined condition is an error at its Condition', () => {
  assert.is(templateErrorOf(() => conditions('Resources:\n  P:\n    Type: T\n    Condition: Missing\n')),
    "template.yaml:4:5 Resources.P.Condition: condition 'Missing' is not defined in Conditions");
});

test('isActive: a resource or output without Condition is active, with one it follows the condition', () => {
  const loaded = load(fixture('conditions.yaml'));
  const { conditions: values } = scopeFor(loaded);
  assert.is(isActive(loaded.template.Resources.Always!, values), true);
  assert.is(isActive(loaded.template.Resources.ProdOnly!, values), false);
  assert.is(isActive(loaded.template.Outputs!.EuropeOutput!, values), true);
});

test.run();
