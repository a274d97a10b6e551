import type { RespondToAuthChallengeRequest, RespondToAuthChallengeResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation } from '../../deps.js';
import type { SignInDeps } from './flow/outcome.js';
import { respondToChallenge } from './flow/respond.js';
import { clientById } from './flow/signInClient.js';

export const RespondToAuthChallenge =
  (deps: SignInDeps): Operation<RespondToAuthChallengeRequest, RespondToAuthChallengeResponse> =>
  async (_ctx, { ClientId, ChallengeName, Session, ChallengeResponses, ClientMetadata }) =>
    respondToChallenge(deps, await clientById(deps.store, ClientId!), ChallengeName!, Session, ChallengeResponses, ClientMetadata);
