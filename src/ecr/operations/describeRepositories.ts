import type { DescribeRepositoriesRequest, DescribeRepositoriesResponse } from '@aws-sdk/client-ecr';
import { JsonServiceError } from '../../server/edge.js';
import { invalidParameter, isRecord } from '../errors.js';

// cogniform keeps no container images, so the registry is always empty: listing answers no repositories and
// naming one answers RepositoryNotFoundException, which is what `serverless remove` needs to go on
// (../shared/reference/serverless-deploy.md §5.4). Message as ECR words it (ECR API reference, DescribeRepositories).

// RepositoryName in the ECR model: 2..256 characters of this pattern.
const NAME_PATTERN = '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*';
const NAME = new RegExp(`^${NAME_PATTERN}$`);

export function DescribeRepositories(accountId: string) {
  return (body: unknown): DescribeRepositoriesResponse => {
    const request = check(body);
    const registry = request.registryId ?? accountId;
    const missing = request.repositoryNames?.[0];
    if (missing !== undefined) {
      throw new JsonServiceError(
        'RepositoryNotFoundException',
        `The repository with name '${missing}' does not exist in the registry with id '${registry}'`,
      );
    }
    return { repositories: [] };
  };
}

function check(body: unknown): DescribeRepositoriesRequest {
  if (!isRecord(body)) throw invalidParameter('request', 'must be a JSON object');
  const { repositoryNames: names, registryId, maxResults } = body;
  if (names !== undefined) {
    if (!Array.isArray(names) || names.length < 1 || names.length > 100) {
      throw invalidParameter('repositoryNames', 'must have length between 1 and 100');
    }
    for (const name of names) {
      if (typeof name !== 'string' || name.length < 2 || name.length > 256 || !NAME.test(name)) {
        throw invalidParameter('repositoryNames', `must satisfy regular expression pattern: ${NAME_PATTERN}`);
      }
    }
  }
  if (registryId !== undefined && (typeof registryId !== 'string' || !/^[0-9]{12}$/.test(registryId))) {
    throw invalidParameter('registryId', "must satisfy regular expression pattern: [0-9]{12}");
  }
  if (maxResults !== undefined && (typeof maxResults !== 'number' || maxResults < 1 || maxResults > 1000)) {
    throw invalidParameter('maxResults', 'must be between 1 and 1000');
  }
  return body as DescribeRepositoriesRequest;
}
