import type { FastifyInstance, FastifyReply } from 'fastify';
import type { UserPoolRecord } from '../../cognito/model/userPool.js';
import { UserNotConfirmedException } from '../../cognito/errors.js';
import { completeAuthorization, hostedSession, type OAuthDeps } from '../authorization.js';
import { html, render } from './render/html.js';
import { csrfField } from './csrf.js';
import { formOf, openPage, pageUrl, queryValue, type HostedPage } from './hostedRequest.js';
import { errorBlock, messageOf, noticeBlock } from './render/messages.js';
import { sendPage } from './render/page.js';
import { passwordStep } from './signIn.js';
import { showStep } from './stepPages.js';

// /login (also where /oauth2/authorize sends a browser without a session): the sign-in form, and its answer.

/** What the username field asks for: the pool's UsernameAttributes sign users in by email or phone number. */
export function usernameLabel(pool: UserPoolRecord): string {
  const by = pool.UsernameAttributes ?? [];
  if (by.includes('email') && by.includes('phone_number')) return 'Email or phone number';
  if (by.includes('email')) return 'Email';
  if (by.includes('phone_number')) return 'Phone number';
  return 'Username';
}

/**
 * What the pages that end on /login say there (Post/Redirect/Get: `?notice=<key>`); a key, never text from the
 * query, so that no one can make the page say something else.
 */
const NOTICES = {
  confirmed: 'Your account is confirmed. Sign in to continue.',
  passwordReset: 'Your password has been reset. Sign in with your new password.',
};

/** Back to /login after `notice`, the username filled in. */
export function backToLogin(reply: FastifyReply, page: HostedPage, username: string, notice: keyof typeof NOTICES): FastifyReply {
  return reply.redirect(pageUrl('/login', page.query, { username, notice }), 302);
}

interface LoginForm {
  username?: string | undefined;
  error?: string | undefined;
  notice?: string | undefined;
}

export function sendLoginPage(reply: FastifyReply, page: HostedPage, form: LoginForm = {}, status = 200): FastifyReply {
  const { pool } = page.authorization;
  // "AllowAdminCreateUserOnly ... Set to True if only the administrator is allowed to create user profiles"; the
  // hosted UI then offers no sign-up link (developer guide, "Managed login").
  const signUp = pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly
    ? undefined
    : html`<p class="links">Need an account? <a class="redirect-customizable" href="${pageUrl('/signup', page.query)}">Sign up</a></p>`;
  const content = render('login', {
    csrf: csrfField(reply),
    usernameLabel: usernameLabel(pool),
    usernameText: usernameLabel(pool).toLowerCase(),
    notice: noticeBlock(form.notice),
    error: errorBlock(form.error),
    action: pageUrl('/login', page.query),
    username: form.username ?? '',
    forgotPasswordUrl: pageUrl('/forgotPassword', page.query),
    signUp,
  });
  return sendPage(reply, 'Sign in', content, page.branding, status);
}

export function registerLogin(app: FastifyInstance, deps: OAuthDeps): void {
  app.get('/login', async (request, reply) => {
    const page = await openPage(deps, request, reply);
    if (!page) return reply;
    // A browser that signed in within the hour skips the form (the hosted UI's session cookie); PostAuthentication
    // ran at that sign-in, so straight to the redirect.
    const session = await hostedSession(deps, request, page.authorization.pool);
    if (session) return completeAuthorization(deps, reply, page.authorization, session.user, session.authTime);
    const notice = queryValue(request, 'notice');
    return sendLoginPage(reply, page, {
      username: queryValue(request, 'username'),
      notice: notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : undefined,
    });
  });

  app.post('/login', async (request, reply) => {
    const page = await openPage(deps, request, reply);
    if (!page) return reply;
    const { username = '', password = '' } = formOf(request);
    if (!username || !password) return sendLoginPage(reply, page, { username, error: 'Please enter your username and password.' }, 400);
    try {
      return await showStep(deps, reply, page, await passwordStep(deps, page.authorization, username, password));
    } catch (error) {
      // The hosted UI sends an unconfirmed user (whose password was right) on to enter the code.
      if (error instanceof UserNotConfirmedException) return reply.redirect(pageUrl('/confirm', page.query, { username }), 302);
      return sendLoginPage(reply, page, { username, error: messageOf(error) }, 400);
    }
  });
}
