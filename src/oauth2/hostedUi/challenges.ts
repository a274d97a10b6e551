import type { FastifyInstance, FastifyReply } from 'fastify';
import { findUser } from '../../cognito/model/user.js';
import { answerSelectMfaType } from '../../cognito/operations/signIn/challenges/mfaChallenge.js';
import { userFactors } from '../../cognito/operations/signIn/challenges/mfaFactors.js';
import type { OAuthDeps } from '../authorization.js';
import { postedAttributes } from './render/attributeFields.js';
import { answerCode, answerNewPassword, answerTotp, missingRequired, responsesFor, type Answered } from './challengeAnswers.js';
import { formOf, openPage, type HostedPage } from './hostedRequest.js';
import { messageOf } from './render/messages.js';
import { sendErrorPage } from './render/page.js';
import { mfaOrDone } from './signIn.js';
import { isCodeChallenge, sendCodePage, sendNewPasswordPage, sendSelectMfaPage, showStep, type CodeChallenge } from './stepPages.js';

// The answers to a sign-in's later steps: a new password, the choice of an MFA factor, an MFA code. A wrong answer
// shows the same page again under the same session (the API leaves it open for another try, within the lockout).

type Form = Record<string, string>;

/** A step's page opened with the authorize parameters and the session fields present; else an error page. */
async function openStep(deps: OAuthDeps, request: Parameters<typeof formOf>[0], reply: FastifyReply) {
  const page = await openPage(deps, request, reply);
  if (!page) return undefined;
  const form = formOf(request);
  if (!form.session || !form.username) {
    sendErrorPage(reply, 400, 'Invalid session for the user.', page.branding);
    return undefined;
  }
  return { page, form: form as Form & { session: string; username: string } };
}

async function answered(deps: OAuthDeps, reply: FastifyReply, page: HostedPage, answer: Answered): Promise<FastifyReply> {
  return showStep(deps, reply, page, await mfaOrDone(deps, page.authorization, answer));
}

export function registerChallenges(app: FastifyInstance, deps: OAuthDeps): void {
  app.post('/mfa', async (request, reply) => {
    const opened = await openStep(deps, request, reply);
    if (!opened) return reply;
    const { page, form } = opened;
    const challenge: CodeChallenge = isCodeChallenge(form.challenge ?? '') ? (form.challenge as CodeChallenge) : 'SOFTWARE_TOKEN_MFA';
    const code = form.code ?? '';
    try {
      const answer =
        challenge === 'SOFTWARE_TOKEN_MFA'
          ? await answerTotp(deps, page.authorization, form.session, form.username, code)
          : await answerCode(deps, page.authorization, challenge, form.session, form.username, code);
      // The code was the last factor: no further challenge can follow it.
      return await showStep(deps, reply, page, { done: answer });
    } catch (error) {
      return sendCodePage(reply, page, challenge, { ...form, error: messageOf(error) }, form.destination);
    }
  });

  app.post('/selectMfa', async (request, reply) => {
    const opened = await openStep(deps, request, reply);
    if (!opened) return reply;
    const { page, form } = opened;
    const responses = responsesFor(page.authorization, form.username, { ANSWER: form.factor ?? '' });
    const user = await findUser(deps.store, page.authorization.pool, form.username);
    try {
      // answerSelectMfaType refuses a session that is not this user's.
      const next = await answerSelectMfaType(deps, page.authorization, form.session, responses);
      return await showStep(deps, reply, page, { challenge: next, user: user! });
    } catch (error) {
      const factors = user ? userFactors(page.authorization.pool, user) : [];
      return sendSelectMfaPage(reply, page, { ...form, error: messageOf(error) }, factors);
    }
  });

  app.post('/newPassword', async (request, reply) => {
    const opened = await openStep(deps, request, reply);
    if (!opened) return reply;
    const { page, form } = opened;
    const attributes = postedAttributes(form);
    try {
      const answer = await answerNewPassword(deps, page.authorization, form.session, form.username, form.password ?? '', attributes);
      return await answered(deps, reply, page, answer);
    } catch (error) {
      const message = messageOf(error);
      const user = await findUser(deps.store, page.authorization.pool, form.username);
      const required = user ? missingRequired(page.authorization.pool, user) : [];
      return sendNewPasswordPage(reply, page, { ...form, error: message }, required, form);
    }
  });
}
