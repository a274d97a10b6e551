import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// Every implemented operation, fed bad input generated from the service model in the SDK: nothing may answer 500.
// A 4xx must carry an AWS error (`__type`); some inputs are valid and answer 200, which is fine too.

type Schema = number | unknown[] | (() => Schema);

let emulator: TestEmulator;
let real: Record<string, string>;

test.before(async () => {
  emulator = await startTestEmulator();
  const pool = await emulator.call('CreateUserPool', { PoolName: 'fuzz', AliasAttributes: ['email'] });
  const UserPoolId = pool.body.UserPool.Id;
  const client = await emulator.call('CreateUserPoolClient', { UserPoolId, ClientName: 'c', GenerateSecret: true });
  await emulator.call('AdminCreateUser', { UserPoolId, Username: 'alice', MessageAction: 'SUPPRESS' });
  await emulator.call('CreateGroup', { UserPoolId, GroupName: 'g' });
  real = {
    UserPoolId,
    ClientId: client.body.UserPoolClient.ClientId,
    Username: 'alice',
    GroupName: 'g',
    ResourceArn: pool.body.UserPool.Arn,
  };
});
test.after(async () => {
  await emulator.close();
});

function resolve(schema: Schema): number | unknown[] {
  let s = schema;
  while (typeof s === 'function') s = s();
  if (Array.isArray(s) && s.length === 2 && typeof s[1] !== 'string') return resolve(s[0] as Schema);
  return s as number | unknown[];
}

/** A value of the member's type that is unlikely to be valid, or (wrong) one of another type. */
function sample(schema: Schema, variant: number, depth = 0): unknown {
  const s = resolve(schema);
  if (typeof s === 'number') {
    if (s & 64) return variant === 2 ? [] : [sample(s & 63, variant, depth + 1)];
    if (s & 128) return { k: sample(s & 127, variant, depth + 1) };
    if (s === 0) return ['', 'x'.repeat(3000), '?*\u0000 ../', '-1'][variant % 4];
    if (s === 1) return [-1, 0, 1e12, 1.5][variant % 4];
    if (s === 2) return variant % 2 === 0;
    return 0;
  }
  if (s[0] === 3) {
    if (depth > 3) return {};
    const names = s[4] as string[];
    const members = s[5] as Schema[];
    return Object.fromEntries(names.map((name, i) => [name, sample(members[i]!, variant, depth + 1)]));
  }
  if (s[0] === 1) return [sample(s[4] as Schema, variant, depth + 1)];
  if (s[0] === 2) return { k: sample(s[5] as Schema, variant, depth + 1) };
  return sample(s[4] as Schema, variant, depth);
}

function wrongTypes(schema: Schema): Record<string, unknown> {
  const s = resolve(schema) as unknown[];
  const names = s[4] as string[];
  const members = s[5] as Schema[];
  return Object.fromEntries(names.map((name, i) => {
    const m = resolve(members[i]!);
    return [name, typeof m === 'number' && m === 0 ? 7 : 'not-this-type'];
  }));
}

async function implemented(): Promise<string[]> {
  const { buildOperations } = await import('../../src/cognito/operations/registry.js');
  const names = [...buildOperations({} as never).keys()];
  return names.sort();
}

test('Every operation: bad input answers an AWS 4xx error or a 200, never a 500', async () => {
  const operations = await implemented();
  assert.ok(operations.length >= 45, `only ${operations.length} operations found`);
  let calls = 0;
  for (const operation of operations) {
    const schema = (sdk as unknown as Record<string, Schema>)[`${operation}Request$`]!;
    const inputs: unknown[] = [{}, wrongTypes(schema)];
    for (let variant = 0; variant < 4; variant++) {
      const generated = sample(schema, variant) as Record<string, unknown>;
      inputs.push(generated);
      // The same with the real pool, client, user and group, to reach past the not-found checks.
      const grounded = { ...generated };
      for (const [name, value] of Object.entries(real)) if (name in grounded) grounded[name] = value;
      inputs.push(grounded);
    }
    // One odd member at a time on an otherwise grounded request, to reach each member's own checks.
    const base = sample(schema, 1) as Record<string, unknown>;
    for (const [name, value] of Object.entries(real)) if (name in base) base[name] = value;
    const s = resolve(schema) as unknown[];
    (s[4] as string[]).forEach((name, i) => {
      for (let variant = 0; variant < 4; variant++) {
        inputs.push({ ...base, [name]: sample((s[5] as Schema[])[i]!, variant) });
      }
    });
    for (const input of inputs) {
      const result = await emulator.call(operation, input);
      calls++;
      assert.ok(result.status < 500, `${operation} answered ${result.status} to ${JSON.stringify(input).slice(0, 300)}: ${JSON.stringify(result.body)}`);
      if (result.status >= 400) assert.type(result.body.__type, 'string', `${operation}: no __type`);
    }
  }
  assert.ok(calls > 1000, `only ${calls} calls`);
});

test.run();
