import {
  ConfirmSignUpCommand, CreateUserPoolClientCommand, ListUserPoolsCommand, SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertRejects } from '../../helpers/assert.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { sentCodes } from './triggerFixtures.js';

// The sign-up and message triggers as a project writes them: functions of a serverless.yml, wired into the pool's
// LambdaConfig with `Fn::GetAtt: [<Fn>LambdaFunction, Arn]`, run by the real local Lambda runtime. The functions
// write what they saw to files in the project folder, where the test reads it.

const SERVERLESS = (out: string) => `
service: triggers
provider:
  name: aws
  runtime: nodejs20.x
  environment:
    OUT_DIR: ${JSON.stringify(out)}
functions:
  preSignUp:
    handler: handler.preSignUp
  postConfirmation:
    handler: handler.postConfirmation
  customMessage:
    handler: handler.customMessage
  emailSender:
    handler: handler.emailSender
resources:
  Resources:
    Users:
      Type: AWS::Cognito::UserPool
      Properties:
        UserPoolName: template-users
        AutoVerifiedAttributes: [email]
        LambdaConfig:
          PreSignUp: { Fn::GetAtt: [PreSignUpLambdaFunction, Arn] }
          PostConfirmation: { Fn::GetAtt: [PostConfirmationLambdaFunction, Arn] }
          CustomMessage: { Fn::GetAtt: [CustomMessageLambdaFunction, Arn] }
    Senders:
      Type: AWS::Cognito::UserPool
      Properties:
        UserPoolName: template-senders
        AutoVerifiedAttributes: [email]
        LambdaConfig:
          KMSKeyID: local-key
          CustomEmailSender:
            LambdaVersion: V1_0
            LambdaArn: { Fn::GetAtt: [EmailSenderLambdaFunction, Arn] }
`;

// The decryption is the README's recipe ("Custom sender triggers"), written out as a handler would.
const HANDLER = `
const { writeFileSync } = require('node:fs');
const { createDecipheriv, createHash } = require('node:crypto');
const out = (name, value) => writeFileSync(require('node:path').join(process.env.OUT_DIR, name), JSON.stringify(value));

exports.preSignUp = async (event) => {
  if (event.request.userAttributes.email.endsWith('@blocked.test')) throw new Error('Domain not allowed');
  event.response.autoConfirmUser = event.request.clientMetadata?.trusted === 'yes';
  return event;
};
exports.postConfirmation = async (event) => {
  out('post-' + event.userName + '.json', event);
  return event;
};
exports.customMessage = async (event) => {
  event.response.emailSubject = 'Welcome';
  event.response.emailMessage = 'Hi ' + event.userName + ' (' + event.triggerSource + '): ' + event.request.codeParameter;
  return event;
};
exports.emailSender = async (event) => {
  const bytes = Buffer.from(event.request.code, 'base64');
  const key = createHash('sha256').update('cogniform-local-kms:' + 'local-key').digest();
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  const code = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString();
  out('sent-' + event.userName + '.json', { triggerSource: event.triggerSource, code });
};
`;

let emulator: TestEmulator;
let dir: string;
const pools: Record<string, { poolId: string; clientId: string }> = {};

test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cogniform-triggers-'));
  await writeFile(join(dir, 'serverless.yml'), SERVERLESS(dir));
  await writeFile(join(dir, 'handler.js'), HANDLER);
  emulator = await startTestEmulator({
    code: '123456',
    templates: { paths: [dir], watch: false, stage: 'local', parameters: {} },
  });
  const { UserPools } = await emulator.client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  for (const name of ['template-users', 'template-senders']) {
    const poolId = UserPools!.find((p) => p.Name === name)!.Id!;
    const { UserPoolClient } = await emulator.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app' }));
    pools[name] = { poolId, clientId: UserPoolClient!.ClientId! };
  }
});
test.after(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

const signUp = (pool: string, Username: string, ClientMetadata?: Record<string, string>) =>
  emulator.client.send(new SignUpCommand({
    ClientId: pools[pool]!.clientId, Username, Password: 'Passw0rd!',
    UserAttributes: [{ Name: 'email', Value: Username.includes('@') ? Username : `${Username}@example.com` }],
    ...(ClientMetadata ? { ClientMetadata } : {}),
  }));

const eventually = async (file: string) => {
  for (let i = 0; i < 200; i++) {
    const text = await readFile(join(dir, file), 'utf8').catch(() => undefined);
    if (text) return JSON.parse(text);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${file} never written`);
};

test('PreSignUp: a template function rejects a sign-up with AWS wording', async () => {
  await assertRejects(signUp('template-users', 'x@blocked.test'), 'UserLambdaValidationException', 'PreSignUp failed with error Domain not allowed.');
});

test('PreSignUp: a template function auto-confirms, and the template PostConfirmation hears of it', async () => {
  const answer = await signUp('template-users', 'alice', { trusted: 'yes' });
  assert.is(answer.UserConfirmed, true);
  const event = await eventually('post-alice.json');
  assert.is(event.triggerSource, 'PostConfirmation_ConfirmSignUp');
  assert.is(event.userPoolId, pools['template-users']!.poolId);
  assert.equal(event.request.clientMetadata, { trusted: 'yes' });
  assert.is(event.request.userAttributes['cognito:user_status'], 'CONFIRMED');
});

test('CustomMessage: a template function writes the message the inbox keeps; ConfirmSignUp then fires PostConfirmation', async () => {
  const { poolId, clientId } = pools['template-users']!;
  await signUp('template-users', 'bob');
  const [sent] = await sentCodes(emulator, poolId, 'bob');
  assert.is(sent.message, 'Hi bob (CustomMessage_SignUp): 123456');
  assert.is(sent.subject, 'Welcome');
  await emulator.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'bob', ConfirmationCode: '123456' }));
  assert.is((await eventually('post-bob.json')).request.userAttributes.email_verified, 'true');
});

test('CustomEmailSender: a template function decrypts the code with the documented recipe', async () => {
  await signUp('template-senders', 'carol');
  assert.equal(await eventually('sent-carol.json'), { triggerSource: 'CustomEmailSender_SignUp', code: '123456' });
});

test.run();
