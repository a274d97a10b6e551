import type { ForgotPasswordRequest, ForgotPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { sendToUser } from '../signUp/publicClient.js';
import { migrateForForgotPassword } from '../users/records/migratedUser.js';
import { sendResetCode } from './passwordReset.js';

/**
 * Sends a password-reset code (valid one hour) to the user's verified recovery contact. The user keeps their
 * status and password until ConfirmForgotPassword. With PreventUserExistenceErrors an unknown user gets a delivery
 * that looks real (API reference, "Managing user existence error responses").
 */
export const ForgotPassword =
  (deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'inbox' | 'fixedCode' | 'functions' | 'log'>): Operation<
    ForgotPasswordRequest,
    ForgotPasswordResponse
  > =>
  async (_ctx, request) => ({
    // An unknown user may first be migrated by the pool's UserMigration trigger (../users/records/migratedUser.ts).
    CodeDeliveryDetails: await migrateForForgotPassword(deps, request).then(() => sendToUser(deps.store, request, (tx, pool, user) =>
      sendResetCode(deps, tx, pool, user, deps.clock.now(), {
        clientId: request.ClientId,
        clientMetadata: request.ClientMetadata,
      }),
    )),
  });
