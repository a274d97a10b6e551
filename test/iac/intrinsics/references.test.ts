import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCloudFormation } from '../../../src/iac/load/cloudformation.js';
import { dependencies, references, topologicalOrder } from '../../../src/iac/intrinsics/index.js';
import { templateErrorOf } from './scopeFixture.js';

const fixtures = new URL('../fixtures/cloudformation/', import.meta.url);
const load = (name: string) => loadCloudFormation(name, readFileSync(new URL(name, fixtures), 'utf8'));

test('references: Ref, GetAtt and both Fn::Sub forms name resources; parameters, pseudo parameters and Sub variables do not', () => {
  const { template } = load('dependencies.yaml');
  const value = {
    a: { Ref: 'Pool' }, b: { Ref: 'Stage' }, c: { Ref: 'AWS::Region' },
    d: { 'Fn::Sub': '${Group}-${User.Arn}-${Stage}-${AWS::StackName}-${!Client}' },
    e: { 'Fn::Sub': ['${Domain}-${Local}', { Local: { 'Fn::GetAtt': ['Client', 'Name'] } }] },
  };
  assert.equal([...references(value, template).resources].sort(), ['Client', 'Domain', 'Group', 'Pool', 'User']);
});

test('dependencies: from properties (every branch of Fn::If included) and DependsOn', () => {
  const graph = dependencies(load('dependencies.yaml'));
  const asLists = Object.fromEntries([...graph].map(([id, needs]) => [id, [...needs].sort()]));
  assert.equal(asLists, {
    Attachment: ['Group', 'Pool', 'User'],
    Group: ['Pool'],
    User: ['Group', 'Pool'],
    Domain: ['Client', 'Pool'],
    Client: ['Pool'],
    Pool: [],
  });
});

test('topologicalOrder: every resource after those it needs, otherwise in template order', () => {
  const loaded = load('dependencies.yaml');
  assert.equal(topologicalOrder(loaded, dependencies(loaded)), ['Pool', 'Group', 'Client', 'User', 'Domain', 'Attachment']);
});

test('topologicalOrder: a cycle is an error naming the resources in it', () => {
  const loaded = load('dependencyCycle.yaml');
  assert.is(templateErrorOf(() => topologicalOrder(loaded, dependencies(loaded))),
    'dependencyCycle.yaml:4:3 Resources.Client: Circular dependency between resources: [Client, Domain]');
});

test('dependencies: a Ref to an undefined name is an error at the Ref', () => {
  assert.is(templateErrorOf(() => dependencies(load('refUnknown.yaml'))),
    "refUnknown.yaml:7:7 Resources.Client.Properties.UserPoolId: Ref: 'UserPoolX' is neither a parameter nor a resource defined in the template");
});

test('dependencies: a GetAtt of an undefined resource is an error at the GetAtt', () => {
  assert.is(templateErrorOf(() => dependencies(load('getAttUnknown.yaml'))),
    "getAttUnknown.yaml:7:7 Resources.Client.Properties.UserPoolId: Fn::GetAtt: resource 'UserPoolX' is not defined in the template");
});

test('dependencies: a GetAtt of a parameter is an error', () => {
  assert.match(templateErrorOf(() => dependencies(load('getAttParameter.yaml'))),
    /^getAttParameter\.yaml:9:7 .*Fn::GetAtt: 'Stage' is a parameter, not a resource/);
});

test('dependencies: DependsOn an undefined resource is an error at that item', () => {
  assert.is(templateErrorOf(() => dependencies(load('dependsOnUnknown.yaml'))),
    "dependsOnUnknown.yaml:6:23 Resources.Client.DependsOn[1]: DependsOn: resource 'Poool' is not defined in the template");
});

test('dependencies: a Fn::Sub variable that names nothing is an error', () => {
  assert.match(templateErrorOf(() => dependencies(load('subUnknown.yaml'))),
    /^subUnknown\.yaml:5:7 Resources\.Pool\.Properties\.PoolName: Fn::Sub: 'Prefix' is neither a parameter nor a resource/);
});

test.run();
