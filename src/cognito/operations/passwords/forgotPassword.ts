import type { ForgotPasswordRequest, ForgotPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Deps, Operation } from '../../deps.js';
import { sendToUser } from '../signUp/publicClient.js';
import { sendResetCode } from './passwordReset.js';

/**
 * Sends a password-reset code (valid one hour) to the user's verified recovery contact. The user keeps their
 * status and password until ConfirmForgotPassword. With PreventUserExistenceErrors an unknown user gets a delivery
 * that looks real (API reference, "Managing user existence error responses").
 */
export const ForgotPassword =
  ({ store, clock, ids, inbox, fixedCode }: Pick<Deps, 'store' | 'clock' | 'ids' | 'inbox' | 'fixedCode'>): Operation<
    ForgotPasswordRequest,
    ForgotPasswordResponse
  > =>
  async (_ctx, request) => ({
    CodeDeliveryDetails: await sendToUser(store, request, (tx, pool, user) =>
      sendResetCode({ store, inbox, ids, fixedCode }, tx, pool, user, clock.now()),
    ),
  });
