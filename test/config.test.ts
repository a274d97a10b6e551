import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, DEFAULTS, resolveConfig } from '../src/config.js';

test('Config: defaults are localhost:4566, ./.cogniform, us-east-1, 000000000000', () => {
  const config = resolveConfig({}, {});
  assert.equal({ ...config, dataDir: DEFAULTS.dataDir }, DEFAULTS);
  assert.is(config.dataDir, path.resolve('.cogniform'));
});

test('Config: environment variables apply, flags win over them', () => {
  const env = { COGNIFORM_PORT: '5000', COGNIFORM_DATA_DIR: '/tmp/x', COGNIFORM_REGION: 'eu-west-1', COGNIFORM_IN_MEMORY: '1' };
  const config = resolveConfig({ port: 6000 }, env);
  assert.is(config.port, 6000);
  assert.is(config.dataDir, '/tmp/x');
  assert.is(config.region, 'eu-west-1');
  assert.is(config.inMemory, true);
});

test('Config: a bad port, region or account id is a ConfigError naming the option', () => {
  assert.throws(() => resolveConfig({}, { COGNIFORM_PORT: 'abc' }), (e: Error) => e instanceof ConfigError && /COGNIFORM_PORT/.test(e.message));
  assert.throws(() => resolveConfig({ region: 'moon' }, {}), (e: Error) => e instanceof ConfigError && /--region/.test(e.message));
  assert.throws(() => resolveConfig({ accountId: '12' }, {}), (e: Error) => e instanceof ConfigError && /--account-id/.test(e.message));
});

test.run();
