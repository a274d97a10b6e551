import type {
  AdminRespondToAuthChallengeRequest,
  AdminRespondToAuthChallengeResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Operation } from '../../deps.js';
import type { SignInDeps } from './flow/outcome.js';
import { respondToChallenge } from './flow/respond.js';
import { clientInPool } from './flow/signInClient.js';

/** The same challenges as RespondToAuthChallenge, SRP included (LocalStack #12945 refused PASSWORD_VERIFIER here). */
export const AdminRespondToAuthChallenge =
  (deps: SignInDeps): Operation<AdminRespondToAuthChallengeRequest, AdminRespondToAuthChallengeResponse> =>
  async (_ctx, { UserPoolId, ClientId, ChallengeName, Session, ChallengeResponses, ClientMetadata }) =>
    respondToChallenge(
      deps,
      await clientInPool(deps.store, UserPoolId!, ClientId!),
      ChallengeName!,
      Session,
      ChallengeResponses,
      ClientMetadata,
    );
