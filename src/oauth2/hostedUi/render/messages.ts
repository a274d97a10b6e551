import { CognitoError } from '../../../cognito/errors.js';
import { html, type Html } from './html.js';

// What a page shows of a failed step: AWS's own message (the hosted UI shows the same words the API answers, e.g.
// "Incorrect username or password.", "User is disabled.", "Password attempts exceeded"). Anything that is not a
// Cognito error is a bug and goes on to the error handler.

export function messageOf(error: unknown): string {
  if (error instanceof CognitoError) return error.message;
  throw error;
}

export const errorBlock = (message: string | undefined): Html | undefined =>
  message === undefined ? undefined : html`<p class="errorMessage-customizable" role="alert">${message}</p>`;

export const noticeBlock = (message: string | undefined): Html | undefined =>
  message === undefined ? undefined : html`<p class="notice" role="status">${message}</p>`;
