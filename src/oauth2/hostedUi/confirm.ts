import type { FastifyInstance, FastifyReply } from 'fastify';
import { ConfirmSignUp } from '../../cognito/operations/signUp/confirmSignUp.js';
import { ResendConfirmationCode } from '../../cognito/operations/signUp/resendConfirmationCode.js';
import type { OAuthDeps } from '../authorization.js';
import { render } from './render/html.js';
import { csrfField } from './csrf.js';
import { clientFields, formOf, openPage, operationContext, pageUrl, queryValue, type HostedPage } from './hostedRequest.js';
import { backToLogin, usernameLabel } from './login.js';
import { errorBlock, messageOf, noticeBlock } from './render/messages.js';
import { sendPage } from './render/page.js';

// /confirm: the code sent at sign-up typed back (ConfirmSignUp), or a new one asked for (ResendConfirmationCode);
// a confirmed user then signs in on /login.

interface ConfirmForm {
  username: string;
  error?: string | undefined;
  notice?: string | undefined;
}

function sendConfirmPage(reply: FastifyReply, page: HostedPage, form: ConfirmForm): FastifyReply {
  const content = render('confirm', {
    csrf: csrfField(reply),
    description: 'We have sent a code to you. Enter it below to confirm your account.',
    usernameLabel: usernameLabel(page.authorization.pool),
    notice: noticeBlock(form.notice),
    error: errorBlock(form.error),
    action: pageUrl('/confirm', page.query),
    resendAction: pageUrl('/resendCode', page.query),
    username: form.username,
  });
  return sendPage(reply, 'Confirm your account', content, page.branding, form.error === undefined ? 200 : 400);
}

export function registerConfirm(app: FastifyInstance, deps: OAuthDeps): void {
  const confirmSignUp = ConfirmSignUp(deps);
  const resend = ResendConfirmationCode(deps);

  app.get('/confirm', async (request, reply) => {
    const page = await openPage(deps, request, reply);
    if (!page) return reply;
    return sendConfirmPage(reply, page, { username: queryValue(request, 'username') ?? '' });
  });

  app.post('/confirm', async (request, reply) => {
    const page = await openPage(deps, request, reply);
    if (!page) return reply;
    const { username = '', code = '' } = formOf(request);
    try {
      await confirmSignUp(operationContext(deps, page), { ...clientFields(page, username), Username: username, ConfirmationCode: code });
    } catch (error) {
      return sendConfirmPage(reply, page, { username, error: messageOf(error) });
    }
    return backToLogin(reply, page, username, 'confirmed');
  });

  app.post('/resendCode', async (request, reply) => {
    const page = await openPage(deps, request, reply);
    if (!page) return reply;
    const { username = '' } = formOf(request);
    try {
      const { CodeDeliveryDetails: sent } = await resend(operationContext(deps, page), { ...clientFields(page, username), Username: username });
      return sendConfirmPage(reply, page, { username, notice: `We have sent a new code to ${sent?.Destination ?? 'you'}.` });
    } catch (error) {
      return sendConfirmPage(reply, page, { username, error: messageOf(error) });
    }
  });
}
