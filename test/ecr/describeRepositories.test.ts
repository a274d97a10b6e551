import { DescribeRepositoriesCommand, ECRClient, ListImagesCommand } from '@aws-sdk/client-ecr';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { awsClient, rejection, withEmulator } from '../helpers/emulator.js';
import { awsService } from '../helpers/awsCli.js';

const ecr = withEmulator(test, (emulator) => awsClient(ECRClient, emulator), { options: { accountId: '123456789012' } });

test('DescribeRepositories: without names lists no repositories', async () => {
  const answer = await ecr.client.send(new DescribeRepositoriesCommand({}));
  assert.equal(answer.repositories, []);
});

test('DescribeRepositories: a named repository is not found, in AWS words', async () => {
  const error = await rejection(ecr.client.send(new DescribeRepositoriesCommand({ repositoryNames: ['serverless-app-local'] })));
  assert.is(error.name, 'RepositoryNotFoundException');
  assert.is(error.message, "The repository with name 'serverless-app-local' does not exist in the registry with id '123456789012'");
});

test('DescribeRepositories: the message names the registry asked for', async () => {
  const error = await rejection(ecr.client.send(new DescribeRepositoriesCommand({ registryId: '210987654321', repositoryNames: ['x1'] })));
  assert.match(error.message, "registry with id '210987654321'");
});

test('DescribeRepositories: the AWS CLI exits 254 with the message', async () => {
  const result = await awsService(ecr.emulator.url, 'ecr')('describe-repositories', '--repository-names', 'serverless-app-local');
  assert.is(result.code, 254);
  assert.match(result.stderr, 'RepositoryNotFoundException');
  assert.match(result.stderr, "The repository with name 'serverless-app-local' does not exist in the registry with id '123456789012'");
});

test('DescribeRepositories: bad names and bad types are InvalidParameterException', async () => {
  for (const repositoryNames of [[], ['Upper'], ['a'], ['ok-name', 'bad name']]) {
    const error = await rejection(ecr.client.send(new DescribeRepositoriesCommand({ repositoryNames })));
    assert.is(error.name, 'InvalidParameterException', JSON.stringify(repositoryNames));
    assert.match(error.message, "Invalid parameter at 'repositoryNames'");
  }
  for (const body of [{ repositoryNames: 'x' }, { registryId: 'nope' }, { maxResults: 0 }, '[1]']) {
    const response = await ecr.emulator.app.inject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonEC2ContainerRegistry_V20150921.DescribeRepositories' },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
    assert.is(response.statusCode, 400, JSON.stringify(body));
    assert.is(JSON.parse(response.body).__type, 'InvalidParameterException', JSON.stringify(body));
  }
});

test('DescribeRepositories: other ECR operations answer UnknownOperationException', async () => {
  const error = await rejection(ecr.client.send(new ListImagesCommand({ repositoryName: 'x1' })));
  assert.is(error.name, 'UnknownOperationException');
});

test.run();
