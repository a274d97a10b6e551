import type { FastifyReply } from 'fastify';
import type { OAuthDeps } from '../authorization.js';
import { attributeFields, labelOf } from './render/attributeFields.js';
import { html, render } from './render/html.js';
import { csrfField } from './csrf.js';
import { pageUrl, type HostedPage } from './hostedRequest.js';
import { errorBlock } from './render/messages.js';
import { sendErrorPage, sendPage } from './render/page.js';
import { finishSignIn, type Step } from './signIn.js';

// The pages of a sign-in's later steps. Each carries the auth session's id and the user's stored name in hidden
// fields; the session alone decides which challenge may be answered (src/cognito/auth/sessions.ts).

interface ChallengeForm {
  session: string;
  username: string;
  error?: string | undefined;
}

/** A page shown again for a wrong answer is a 400. */
const statusOf = (form: ChallengeForm) => (form.error === undefined ? 200 : 400);

/** How each code factor is described; the destination is the masked one the API's CODE_DELIVERY_DESTINATION gives. */
const CODE_PAGES = {
  SMS_MFA: { heading: 'Enter the code we sent', description: (to: string) => `We have sent a code by SMS to ${to}. Enter it to sign in.` },
  EMAIL_OTP: { heading: 'Enter the code we sent', description: (to: string) => `We have sent a code by email to ${to}. Enter it to sign in.` },
  SOFTWARE_TOKEN_MFA: { heading: 'Enter your authenticator code', description: () => 'Enter the code from your authenticator app.' },
};
export type CodeChallenge = keyof typeof CODE_PAGES;
export const isCodeChallenge = (name: string): name is CodeChallenge => name in CODE_PAGES;

const FACTOR_NAMES: Record<string, string> = { SMS_MFA: 'Text message (SMS)', EMAIL_OTP: 'Email', SOFTWARE_TOKEN_MFA: 'Authenticator app' };

export function sendCodePage(reply: FastifyReply, page: HostedPage, challenge: CodeChallenge, form: ChallengeForm, destination = ''): FastifyReply {
  const text = CODE_PAGES[challenge];
  const content = render('mfa', {
    csrf: csrfField(reply),
    heading: text.heading,
    description: text.description(destination || 'you'),
    error: errorBlock(form.error),
    action: pageUrl('/mfa', page.query),
    session: form.session,
    username: form.username,
    challenge,
    destination,
  });
  return sendPage(reply, 'Sign in', content, page.branding, statusOf(form));
}

export function sendNewPasswordPage(reply: FastifyReply, page: HostedPage, form: ChallengeForm, required: string[], values: Record<string, string> = {}): FastifyReply {
  const content = render('newPassword', {
    csrf: csrfField(reply),
    error: errorBlock(form.error),
    action: pageUrl('/newPassword', page.query),
    session: form.session,
    username: form.username,
    fields: attributeFields(required, values),
  });
  return sendPage(reply, 'Change your password', content, page.branding, statusOf(form));
}

export function sendSelectMfaPage(reply: FastifyReply, page: HostedPage, form: ChallengeForm, factors: string[]): FastifyReply {
  const choices = factors.map(
    (factor, i) =>
      html`<label class="choice"><input type="radio" name="factor" value="${factor}" ${i === 0 ? html`checked` : undefined}> ${FACTOR_NAMES[factor] ?? labelOf(factor)}</label>`,
  );
  const content = render('selectMfa', {
    csrf: csrfField(reply),
    error: errorBlock(form.error),
    action: pageUrl('/selectMfa', page.query),
    session: form.session,
    username: form.username,
    choices,
  });
  return sendPage(reply, 'Sign in', content, page.branding, statusOf(form));
}

/** The page the step asks for next, or the end of the sign-in. */
export async function showStep(deps: OAuthDeps, reply: FastifyReply, page: HostedPage, step: Step): Promise<FastifyReply> {
  if ('done' in step) return finishSignIn(deps, reply, page, step.done);
  const { ChallengeName: name = '', Session: session = '', ChallengeParameters: parameters = {} } = step.challenge;
  const form = { session, username: step.user.Username };
  if (isCodeChallenge(name)) return sendCodePage(reply, page, name, form, parameters.CODE_DELIVERY_DESTINATION);
  if (name === 'NEW_PASSWORD_REQUIRED') {
    const required = (JSON.parse(parameters.requiredAttributes ?? '[]') as string[]).map((a) => a.replace(/^userAttributes\./, ''));
    return sendNewPasswordPage(reply, page, form, required);
  }
  if (name === 'SELECT_MFA_TYPE') return sendSelectMfaPage(reply, page, form, JSON.parse(parameters.MFAS_CAN_CHOOSE ?? '[]') as string[]);
  // MFA_SETUP: registering an authenticator app needs a QR code page the hosted UI does not have yet.
  return sendErrorPage(
    reply,
    400,
    'This user pool requires MFA, and the user has no MFA method set up. cogniform\'s hosted UI cannot set up an authenticator app yet: use AssociateSoftwareToken and VerifySoftwareToken.',
    page.branding,
  );
}
