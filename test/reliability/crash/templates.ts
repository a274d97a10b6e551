import type { Random } from './random.js';

// The two templates the crash load reconciles: one `cogniform start` watches (rewritten during the load, so the
// watcher reconciles it), one sent to `POST /_cogniform/deploy`. Each version draws its groups and clients at random,
// so that a reconcile creates, updates and deletes resources; the deployed one now and then moves its pool to
// another pinned id, a replacement that takes every group and client with it.

export const WATCHED_POOL = 'us-east-1_CrashWatched';
/** The watched template's pinned client that the API load signs up and signs in through. */
export const LOAD_CLIENT = 'crashloadclient';
const GROUP_NAMES = ['a', 'b', 'c', 'd', 'e', 'f'];
const CLIENT_IDS = ['ClientX', 'ClientY', 'ClientZ'];

/** One version of a template: what the stack must hold once it is applied. */
export interface TemplateVersion {
  text: string;
  poolId: string;
  /** GroupName of each group resource. */
  groups: string[];
  /** Logical IDs of the unpinned clients (their ids are generated). */
  clients: string[];
}

const pick = <T>(random: Random, items: T[]) => items.filter(() => random.next() < 0.5);

function resources(random: Random, prefix: string, poolId: string, revision: number) {
  const groups = pick(random, GROUP_NAMES).map((name) => `${prefix}-${name}`);
  const clients = pick(random, CLIENT_IDS);
  const text = [
    ...groups.map((name) => `  Group${name.replace(/\W/g, '')}:
    Type: AWS::Cognito::UserPoolGroup
    Properties:
      UserPoolId: !Ref Pool
      GroupName: ${name}
      Description: revision ${revision}
      Precedence: ${revision % 7}
`),
    ...clients.map((id) => `  ${id}:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      ClientName: ${prefix}-${id}-${revision % 3}
`),
  ].join('');
  return { groups, clients, text };
}

export function watchedTemplate(random: Random, revision: number): TemplateVersion {
  const drawn = resources(random, 't', WATCHED_POOL, revision);
  const text = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Metadata:
      cogniform:
        id: ${WATCHED_POOL}
    Properties:
      UserPoolName: crash-watched
  LoadClient:
    Type: AWS::Cognito::UserPoolClient
    Metadata:
      cogniform:
        id: ${LOAD_CLIENT}
    Properties:
      UserPoolId: !Ref Pool
      ClientName: load
      ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
${drawn.text}`;
  return { text, poolId: WATCHED_POOL, groups: drawn.groups, clients: drawn.clients };
}

export function deployedTemplate(random: Random, revision: number): TemplateVersion {
  const poolId = `us-east-1_CrashDeployed${random.next() < 0.25 ? 2 : 1}`;
  const drawn = resources(random, 'd', poolId, revision);
  const text = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Metadata:
      cogniform:
        id: ${poolId}
    Properties:
      UserPoolName: crash-deployed
${drawn.text}`;
  return { text, poolId, groups: drawn.groups, clients: drawn.clients };
}
