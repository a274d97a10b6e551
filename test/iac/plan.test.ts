import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decide, deletionOrder, withDependents } from '../../src/iac/plan.js';
import type { StackResource } from '../../src/iac/stacks/stackRecord.js';

const POOL = 'AWS::Cognito::UserPool';

const applied = (properties: Record<string, unknown>, type = POOL, dependsOn: string[] = []): StackResource => ({
  Type: type,
  PhysicalId: 'id',
  Attributes: {},
  Properties: properties,
  DependsOn: dependsOn,
});

/** Replaces when `Name` changes, like a create-only property. */
const byName = { replaces: (previous: Record<string, unknown>, next: Record<string, unknown>) => previous.Name !== next.Name };

test('plan: a resource applied before is created', () => {
  assert.is(decide(undefined, POOL, { Name: 'a' }, byName), 'create');
});

test('plan: equal properties, however nested and in any key order, are unchanged', () => {
  const previous = applied({ Name: 'a', Policies: { PasswordPolicy: { MinimumLength: 8, RequireNumbers: true } } });
  const next = { Policies: { PasswordPolicy: { RequireNumbers: true, MinimumLength: 8 } }, Name: 'a' };
  assert.is(decide(previous, POOL, next, byName), 'unchanged');
});

test('plan: a change the provider can make in place is an update, one it cannot is a replacement', () => {
  assert.is(decide(applied({ Name: 'a', Size: 1 }), POOL, { Name: 'a', Size: 2 }, byName), 'update');
  assert.is(decide(applied({ Name: 'a' }), POOL, { Name: 'b' }, byName), 'replace');
});

test('plan: a removed or added property is a change, an order change in a list too', () => {
  assert.is(decide(applied({ Name: 'a', Size: 1 }), POOL, { Name: 'a' }, byName), 'update');
  assert.is(decide(applied({ Name: 'a', List: [1, 2] }), POOL, { Name: 'a', List: [2, 1] }, byName), 'update');
});

test('plan: a new type under the same logical ID is a replacement, even with the same properties', () => {
  const never = { replaces: () => false };
  assert.is(decide(applied({ Name: 'a' }, 'AWS::IAM::Role'), POOL, { Name: 'a' }, never), 'replace');
  assert.is(decide(applied({ Name: 'a' }), 'AWS::IAM::Role', { Name: 'a' }, never), 'replace');
});

test('plan: deletionOrder keeps what the template still has and deletes dependents first', () => {
  const previous = {
    Pool: applied({}),
    Group: applied({}, 'AWS::Cognito::UserPoolGroup', ['Pool']),
    User: applied({}, 'AWS::Cognito::UserPoolUser', ['Pool']),
    Attachment: applied({}, 'AWS::Cognito::UserPoolUserToGroupAttachment', ['Pool', 'Group', 'User']),
    Client: applied({}, 'AWS::Cognito::UserPoolClient', ['Pool']),
  };
  const order = deletionOrder(previous, new Set(['Client']));
  assert.equal([...order].sort(), ['Attachment', 'Group', 'Pool', 'User']);
  const at = (id: string) => order.indexOf(id);
  assert.ok(at('Attachment') < at('Group') && at('Attachment') < at('User'), order.join());
  assert.ok(at('Group') < at('Pool') && at('User') < at('Pool'), order.join());
});

test('plan: deletionOrder follows dependencies whatever the record order', () => {
  const previous = {
    A: applied({}),
    B: applied({}, POOL, ['A']),
    C: applied({}, POOL, ['B']),
  };
  assert.equal(deletionOrder(previous, new Set()), ['C', 'B', 'A']);
  const reversed = { C: previous.C, B: previous.B, A: previous.A };
  assert.equal(deletionOrder(reversed, new Set()), ['C', 'B', 'A']);
});

test('plan: deletionOrder ignores dependents that stay and deletes nothing when all stay', () => {
  const previous = { Pool: applied({}), Group: applied({}, 'AWS::Cognito::UserPoolGroup', ['Pool']) };
  assert.equal(deletionOrder(previous, new Set(['Group'])), ['Pool']);
  assert.equal(deletionOrder(previous, new Set(['Pool', 'Group'])), []);
});

test('plan: a pin the resource does not have replaces it, the pin it has or a removed pin changes nothing', () => {
  const pinned = { ...applied({ Name: 'a' }), PhysicalId: 'us-east-1_pinned' };
  assert.is(decide(pinned, POOL, { Name: 'a' }, byName, 'us-east-1_pinned'), 'unchanged');
  assert.is(decide(pinned, POOL, { Name: 'a' }, byName, 'us-east-1_other'), 'replace');
  assert.is(decide(pinned, POOL, { Name: 'a' }, byName), 'unchanged');
});

test('plan: withDependents gives a resource and everything depending on it, dependents first', () => {
  const previous = {
    Pool: applied({}),
    Domain: applied({}, 'AWS::Cognito::UserPoolDomain', ['Pool']),
    Group: applied({}, 'AWS::Cognito::UserPoolGroup', ['Pool']),
    Attachment: applied({}, 'AWS::Cognito::UserPoolUserToGroupAttachment', ['Group']),
    Other: applied({}),
  };
  assert.equal(withDependents(previous, 'Group'), ['Attachment', 'Group']);
  const all = withDependents(previous, 'Pool');
  assert.equal([...all].sort(), ['Attachment', 'Domain', 'Group', 'Pool']);
  assert.ok(all.indexOf('Attachment') < all.indexOf('Group') && all.at(-1) === 'Pool', all.join());
});

test.run();
