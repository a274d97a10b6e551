import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DescribeUserPoolCommand, ListGroupsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startCli, type ChildEmulator } from '../helpers/child.js';
import { eventually } from '../helpers/eventually.js';

// Watch mode on a plain CloudFormation template: parameters (with `--param`), a condition, outputs written to
// `--outputs FILE`, and a broken edit that keeps the last good state.

function template(options: { withGroup: string; minLength: number; broken?: boolean }): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
  WithGroup:
    Type: String
    Default: '${options.withGroup}'
Conditions:
  MakeGroup: !Equals [!Ref WithGroup, 'yes']
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub 'app-\${Env}'
      Policies:
        PasswordPolicy:
          MinimumLength: ${options.broken ? '!GetAtt Nowhere.Arn' : options.minLength}
  Testers:
    Type: AWS::Cognito::UserPoolGroup
    Condition: MakeGroup
    Properties:
      UserPoolId: !Ref Pool
      GroupName: testers
Outputs:
  PoolId:
    Value: !Ref Pool
    Export:
      Name: !Sub '\${AWS::StackName}-PoolId'
  PoolArn:
    Value: !GetAtt Pool.Arn
`;
}

let folder: string;
let file: string;
let outputs: string;
let cli: ChildEmulator;

const readOutputs = async () => JSON.parse(await readFile(outputs, 'utf8')) as Record<string, Record<string, string>>;
const poolId = async () => (await readOutputs()).auth!.PoolId!;
const groups = async () => ((await cli.client.send(new ListGroupsCommand({ UserPoolId: await poolId() }))).Groups ?? []).map((g) => g.GroupName);
const minLength = async () =>
  (await cli.client.send(new DescribeUserPoolCommand({ UserPoolId: await poolId() }))).UserPool!.Policies!.PasswordPolicy!.MinimumLength;

test.before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cogniform-cfn-'));
  file = path.join(folder, 'auth.template.yaml');
  outputs = path.join(folder, 'outputs.json');
  await writeFile(file, template({ withGroup: 'no', minLength: 8 }));
  cli = await startCli(path.join(folder, '.cogniform'), [file, '--param', 'Env=dev', '--outputs', outputs]);
});
test.after(async () => {
  await cli?.kill();
  await rm(folder, { recursive: true, force: true });
});

test('start: a CloudFormation template with --param; outputs written to --outputs', async () => {
  const auth = (await readOutputs()).auth!;
  assert.match(auth.PoolId!, /^us-east-1_/);
  assert.is(auth.PoolArn, `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${auth.PoolId}`);
  const { UserPool } = await cli.client.send(new DescribeUserPoolCommand({ UserPoolId: auth.PoolId }));
  assert.is(UserPool!.Name, 'app-dev');
  assert.equal(await groups(), []);
});

test('watch: a condition turned on adds its resource; a property changes in place; the pool id stays', async () => {
  const before = await poolId();
  await writeFile(file, template({ withGroup: 'yes', minLength: 12 }));
  await eventually(async () => assert.equal(await groups(), ['testers']));
  assert.is(await minLength(), 12);
  assert.is(await poolId(), before);
});

test('watch: a broken edit is reported at its line and changes nothing', async () => {
  await writeFile(file, template({ withGroup: 'no', minLength: 6, broken: true }));
  await eventually(async () => assert.match(cli.output().stderr, /auth\.template\.yaml:\d+:\d+ .*Nowhere/));
  assert.equal(await groups(), ['testers']);
  assert.is(await minLength(), 12);
});

test.run();
