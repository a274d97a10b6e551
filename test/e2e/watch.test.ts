import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AdminCreateUserCommand, DescribeUserPoolClientCommand, DescribeUserPoolDomainCommand, ListGroupsCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startCli, type ChildEmulator } from '../helpers/child.js';
import { eventually } from '../helpers/eventually.js';

// Watch mode through the real CLI: `cogniform start FOLDER` on a serverless.yml, edited while it runs. Saves add,
// change and remove resources in place (IDs and users kept); a broken save names its file and line and keeps the
// last good state; a burst of saves ends on the last one; deleting the file deletes the stack.

const POOL_ID = 'us-east-1_WatchPool1';

function serverlessYml(options: { flows?: string[]; groups?: string[]; broken?: boolean } = {}): string {
  const groups = (options.groups ?? ['admins']).map((name) => `
    Group${name}:
      Type: AWS::Cognito::UserPoolGroup
      Properties:
        UserPoolId: !Ref UserPool
        GroupName: ${name}`).join('');
  return `service: watched
provider:
  name: aws
  runtime: nodejs20.x
resources:
  Resources:
    UserPool:
      Type: AWS::Cognito::UserPool
      Metadata:
        cogniform:
          id: ${POOL_ID}
      Properties:
        UserPoolName: watched-\${sls:stage}
    WebClient:
      Type: AWS::Cognito::UserPoolClient
      Properties:
        UserPoolId: ${options.broken ? '!Ref NoSuchPool' : '!Ref UserPool'}
        ClientName: web
        ExplicitAuthFlows: [${(options.flows ?? ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']).join(', ')}]
    Domain:
      Type: AWS::Cognito::UserPoolDomain
      Properties:
        UserPoolId: !Ref UserPool
        Domain: watched-\${sls:stage}${groups}
  Outputs:
    ClientId:
      Value: !Ref WebClient
`;
}

let folder: string;
let file: string;
let cli: ChildEmulator;

interface StacksAnswer {
  stacks: { name: string; outputs: Record<string, string>; resources: { logicalId: string; physicalId: string }[] }[];
}
const stacks = async () => ((await (await fetch(`${cli.url}/_cogniform/stacks`)).json()) as StacksAnswer).stacks;

const groupNames = async () =>
  ((await cli.client.send(new ListGroupsCommand({ UserPoolId: POOL_ID }))).Groups ?? []).map((g) => g.GroupName).sort();

test.before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cogniform-watch-'));
  file = path.join(folder, 'serverless.yml');
  await writeFile(file, serverlessYml());
  cli = await startCli(path.join(folder, '.cogniform'), [folder]);
});
test.after(async () => {
  await cli?.kill();
  await rm(folder, { recursive: true, force: true });
});

test('start: the serverless.yml in the folder is reconciled before the emulator reports healthy', async () => {
  const [stack] = await stacks();
  assert.is(stack!.name, 'watched-local');
  assert.ok(stack!.resources.some((r) => r.logicalId === 'UserPool' && r.physicalId === POOL_ID));
  assert.equal(await groupNames(), ['admins']);
  const { DomainDescription } = await cli.client.send(new DescribeUserPoolDomainCommand({ Domain: 'watched-local' }));
  assert.is(DomainDescription!.UserPoolId, POOL_ID);
  assert.match(cli.output().stdout, /\+ UserPool AWS::Cognito::UserPool us-east-1_WatchPool1/);
});

test('watch: a save changes the client in place and adds a group; IDs and users are kept', async () => {
  const clientId = (await stacks())[0]!.outputs.ClientId!;
  await cli.client.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'kept', MessageAction: 'SUPPRESS' }));
  await writeFile(file, serverlessYml({ flows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], groups: ['admins', 'editors'] }));
  await eventually(async () => assert.equal(await groupNames(), ['admins', 'editors']));
  const { UserPoolClient } = await cli.client.send(new DescribeUserPoolClientCommand({ UserPoolId: POOL_ID, ClientId: clientId }));
  assert.equal(UserPoolClient!.ExplicitAuthFlows, ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
  assert.is((await stacks())[0]!.outputs.ClientId, clientId);
  const { Users } = await cli.client.send(new ListUsersCommand({ UserPoolId: POOL_ID }));
  assert.equal(Users!.map((u) => u.Username), ['kept']);
  assert.match(cli.output().stdout, /~ WebClient AWS::Cognito::UserPoolClient/);
});

test('watch: a broken save names file and line and keeps the last good state; the next good save recovers', async () => {
  await writeFile(file, serverlessYml({ groups: ['admins'], broken: true }));
  await eventually(async () => assert.match(cli.output().stderr, /serverless\.yml:\d+:\d+ .*NoSuchPool/));
  assert.equal(await groupNames(), ['admins', 'editors']);
  await writeFile(file, serverlessYml({ groups: ['admins'] }));
  await eventually(async () => assert.equal(await groupNames(), ['admins']));
});

test('watch: a burst of saves ends on the content of the last one', async () => {
  for (const groups of [['a1'], ['a1', 'a2'], ['a2', 'a3'], ['b1', 'b2']]) await writeFile(file, serverlessYml({ groups }));
  await eventually(async () => assert.equal(await groupNames(), ['b1', 'b2']));
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(await groupNames(), ['b1', 'b2']);
});

test('watch: deleting the file deletes its stack and what it made', async () => {
  await unlink(file);
  await eventually(async () => assert.equal(await stacks(), []));
  const describe = cli.client.send(new ListGroupsCommand({ UserPoolId: POOL_ID }));
  await describe.then(
    () => assert.unreachable('the pool should be gone'),
    (error: Error) => assert.is(error.name, 'ResourceNotFoundException'),
  );
});

test.run();
