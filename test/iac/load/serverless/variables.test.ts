import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveVariables, type VariableOptions } from '../../../../src/iac/load/serverless/variables.js';
import { parseYamlDocument } from '../../../../src/iac/load/yamlDocument.js';
import { TemplateError } from '../../../../src/iac/template.js';

const fixtures = fileURLToPath(new URL('../../fixtures/serverless/variables/', import.meta.url));

const options = (overrides: Partial<VariableOptions> = {}): VariableOptions => ({
  stage: 'local',
  region: 'eu-west-1',
  accountId: '123456789012',
  env: { COGNIFORM_NAME: 'from-env', EMPTY: '' },
  readFile: (file) => readFile(fixtures + file, 'utf8'),
  ...overrides,
});

/** Resolves the serverless.yml-like `yaml` and returns its `custom` section. */
async function custom(yaml: string, overrides: Partial<VariableOptions> = {}): Promise<Record<string, unknown>> {
  const document = parseYamlDocument('serverless.yml', yaml);
  const resolved = (await resolveVariables(document.value, document.locate, options(overrides))) as Record<string, unknown>;
  return resolved.custom as Record<string, unknown>;
}

async function failure(yaml: string, overrides: Partial<VariableOptions> = {}): Promise<string> {
  try {
    await custom(yaml, overrides);
  } catch (error) {
    assert.instance(error, TemplateError);
    return (error as TemplateError).message;
  }
  throw new Error('resolved without error');
}

test('variables: self reads other properties, including the service and provider.stage', async () => {
  const result = await custom(`
service: demo
provider: { stage: dev }
custom:
  a: \${self:custom.b}
  b: \${self:service}-\${self:provider.stage}
  list:
    - \${self:custom.b}
`);
  assert.equal(result, { a: 'demo-dev', b: 'demo-dev', list: ['demo-dev'] });
});

test('variables: opt:stage and sls:stage are the stage option; opt:region the region option', async () => {
  const result = await custom(`custom: { s: "\${opt:stage}", t: "\${sls:stage}", r: "\${opt:region}", d: "\${opt:stage, 'dev'}" }`, { stage: 'qa' });
  assert.equal(result, { s: 'qa', t: 'qa', r: 'eu-west-1', d: 'qa' });
});

test('variables: aws:region prefers provider.region, aws:accountId is the account option', async () => {
  assert.equal(await custom('provider: { region: ap-south-1 }\ncustom: { r: "${aws:region}", a: "${aws:accountId}" }'), {
    r: 'ap-south-1', a: '123456789012',
  });
  assert.equal(await custom('custom: { r: "${aws:region}" }'), { r: 'eu-west-1' });
});

test('variables: env reads the environment; an empty value is a value', async () => {
  assert.equal(await custom(`custom: { n: "\${env:COGNIFORM_NAME}", e: "\${env:EMPTY, 'x'}" }`), { n: 'from-env', e: '' });
});

test('variables: defaults are literals or other variables, tried in order', async () => {
  const result = await custom(`
custom:
  fallback: value
  quoted: \${env:NOPE, 'the default'}
  doubleQuoted: \${env:NOPE, "double"}
  chain: \${env:NOPE, self:custom.missing, self:custom.fallback}
  number: \${env:NOPE, 42}
  boolean: \${env:NOPE, false}
`);
  assert.equal(result, { fallback: 'value', quoted: 'the default', doubleQuoted: 'double', chain: 'value', number: 42, boolean: false });
});

test('variables: variables inside strings are joined; numbers are written out', async () => {
  assert.equal(await custom('custom: { port: 3000, url: "http://localhost:${self:custom.port}/${sls:stage}" }'), {
    port: 3000, url: 'http://localhost:3000/local',
  });
});

test('variables: nested variables resolve the inner one first', async () => {
  const result = await custom(`
custom:
  domains: { local: local.example.com, prod: example.com }
  domain: \${self:custom.domains.\${opt:stage}}
`);
  assert.equal(result.domain, 'local.example.com');
});

test('variables: file reads YAML (with CloudFormation tags) and JSON next to serverless.yml, with an address', async () => {
  const result = await custom(`
custom:
  all: \${file(./settings.yml)}
  level: \${file(./settings.yml):logLevel}
  deep: \${file(./settings.yml):nested.region}
  origin: \${file(./settings.json):origin}
  port: \${file(./settings.json):ports.1}
  missing: \${file(./nope.yml), 'none'}
`);
  assert.equal(result.all, {
    logLevel: 'info', nested: { region: 'eu-west-1' }, poolArn: { 'Fn::GetAtt': ['CognitoUserPoolMain', 'Arn'] },
  });
  assert.equal([result.level, result.deep, result.origin, result.port, result.missing], ['info', 'eu-west-1', 'http://localhost:3000', 3001, 'none']);
});

test('variables: self reads into a value that came from a file', async () => {
  const result = await custom('custom: { settings: "${file(./settings.yml)}", level: "${self:custom.settings.logLevel}" }');
  assert.is(result.level, 'info');
});

test('variables: CloudFormation ${} references and escaped variables are left as written', async () => {
  const result = await custom(`
custom:
  sub: !Sub 'arn:\${AWS::Partition}:cognito-idp:\${AWS::Region}:\${AWS::AccountId}:userpool/\${CognitoUserPoolMain}'
  escaped: 'keep \\\${self:custom.x}'
`);
  assert.equal(result.sub, { 'Fn::Sub': 'arn:${AWS::Partition}:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/${CognitoUserPoolMain}' });
  assert.is(result.escaped, 'keep ${self:custom.x}');
});

test('variables: an unresolvable variable names itself and its place in the file', async () => {
  const file = `${fixtures}unresolved.yml`;
  const document = parseYamlDocument(file, await readFile(file, 'utf8'));
  try {
    await resolveVariables(document.value, document.locate, options());
    assert.unreachable('resolved');
  } catch (error) {
    assert.instance(error, TemplateError);
    assert.is(
      (error as TemplateError).message,
      `${file}:6:7 custom.callbackUrl[0]: cannot resolve \${env:COGNIFORM_TEST_UNSET_CALLBACK}: ` +
        'environment variable COGNIFORM_TEST_UNSET_CALLBACK is not set, and there is no default',
    );
  }
});

test('variables: a circular reference is an error, not a hang', async () => {
  const message = await failure('custom:\n  a: ${self:custom.b}\n  b: ${self:custom.a}');
  assert.match(message, /^serverless\.yml:\d+:\d+ custom\.\w: .*circular/);
});

test('variables: an object inside a longer string is an error', async () => {
  const message = await failure('custom:\n  o: { x: 1 }\n  s: "prefix-${self:custom.o}"');
  assert.match(message, /^serverless\.yml:3:\d+ custom\.s: \$\{self:custom\.o\} is inside a string but resolves to an object/);
});

test('variables: sources cogniform cannot answer use their default, or say they are not available', async () => {
  assert.equal(await custom(`custom: { p: "\${ssm:/app/param, 'local-default'}" }`), { p: 'local-default' });
  assert.match(await failure('custom: { p: "${cf:other-stack.Output}" }'), /cf:other-stack\.Output is not available locally/);
});

test.run();
