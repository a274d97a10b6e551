import type { FastifyInstance, FastifyReply } from 'fastify';
import { ConfirmForgotPassword } from '../../cognito/operations/passwords/confirmForgotPassword.js';
import { ForgotPassword } from '../../cognito/operations/passwords/forgotPassword.js';
import type { OAuthDeps } from '../authorization.js';
import { render } from './render/html.js';
import { csrfField } from './csrf.js';
import { clientFields, formOf, openPage, operationContext, pageUrl, queryValue, type HostedPage } from './hostedRequest.js';
import { backToLogin, usernameLabel } from './login.js';
import { errorBlock, messageOf } from './render/messages.js';
import { sendPage } from './render/page.js';

// /forgotPassword (ForgotPassword sends a code, the UserMigration trigger may run) and /confirmForgotPassword
// (ConfirmForgotPassword with the code and a new password), then sign-in on /login.

function sendForgotPage(reply: FastifyReply, page: HostedPage, username = '', error?: string): FastifyReply {
  const content = render('forgotPassword', {
    csrf: csrfField(reply),
    usernameLabel: usernameLabel(page.authorization.pool),
    usernameText: usernameLabel(page.authorization.pool).toLowerCase(),
    error: errorBlock(error),
    action: pageUrl('/forgotPassword', page.query),
    username,
    loginUrl: pageUrl('/login', page.query),
  });
  return sendPage(reply, 'Forgot your password?', content, page.branding, error === undefined ? 200 : 400);
}

function sendResetPage(reply: FastifyReply, page: HostedPage, username: string, destination?: string, error?: string): FastifyReply {
  const content = render('confirmForgotPassword', {
    csrf: csrfField(reply),
    description: destination
      ? `We have sent a password reset code to ${destination}. Enter it below to reset your password.`
      : 'Enter the password reset code we sent you, and a new password.',
    error: errorBlock(error),
    action: pageUrl('/confirmForgotPassword', page.query),
    username,
    loginUrl: pageUrl('/login', page.query),
  });
  return sendPage(reply, 'Reset your password', content, page.branding, error === undefined ? 200 : 400);
}

export function registerForgotPassword(app: FastifyInstance, deps: OAuthDeps): void {
  const forgotPassword = ForgotPassword(deps);
  const confirmForgotPassword = ConfirmForgotPassword(deps);

  app.get('/forgotPassword', async (request, reply) => {
    const page = await openPage(deps, request, reply);
    return page ? sendForgotPage(reply, page) : reply;
  });

  app.post('/forgotPassword', async (request, reply) => {
    const page = await openPage(deps, request, reply);
    if (!page) return reply;
    const { username = '' } = formOf(request);
    try {
      const { CodeDeliveryDetails: sent } = await forgotPassword(operationContext(deps, page), { ...clientFields(page, username), Username: username });
      return sendResetPage(reply, page, username, sent?.Destination);
    } catch (error) {
      return sendForgotPage(reply, page, username, messageOf(error));
    }
  });

  app.get('/confirmForgotPassword', async (request, reply) => {
    const page = await openPage(deps, request, reply);
    return page ? sendResetPage(reply, page, queryValue(request, 'username') ?? '') : reply;
  });

  app.post('/confirmForgotPassword', async (request, reply) => {
    const page = await openPage(deps, request, reply);
    if (!page) return reply;
    const { username = '', code = '', password = '' } = formOf(request);
    try {
      const call = { ...clientFields(page, username), Username: username, ConfirmationCode: code, Password: password };
      await confirmForgotPassword(operationContext(deps, page), call);
    } catch (error) {
      return sendResetPage(reply, page, username, undefined, messageOf(error));
    }
    return backToLogin(reply, page, username, 'passwordReset');
  });
}
