import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import type { UserPoolRecord } from '../../cognito/model/userPool.js';
import { SignUp } from '../../cognito/operations/signUp/signUp.js';
import type { OAuthDeps } from '../authorization.js';
import { attributeFields, field, postedAttributes } from './render/attributeFields.js';
import { render } from './render/html.js';
import { csrfField } from './csrf.js';
import { clientFields, formOf, openPage, operationContext, pageUrl, type HostedPage } from './hostedRequest.js';
import { usernameLabel } from './login.js';
import { errorBlock, messageOf } from './render/messages.js';
import { sendErrorPage, sendPage } from './render/page.js';
import { passwordStep } from './signIn.js';
import { showStep } from './stepPages.js';

// /signup: SignUp as an API client calls it (PreSignUp runs, the code is sent); an auto-confirmed user is signed in
// at once, anyone else goes on to /confirm with the code.

/** The attribute the username field also sets in a pool that signs users in by email or phone number. */
function usernameAttribute(pool: UserPoolRecord, username: string): string | undefined {
  const by = pool.UsernameAttributes ?? [];
  if (by.includes('email') && (username.includes('@') || !by.includes('phone_number'))) return 'email';
  return by.includes('phone_number') ? 'phone_number' : undefined;
}

/** Every attribute the schema requires, but those the username field stands for. */
function requiredAttributes(pool: UserPoolRecord): string[] {
  const by = new Set<string>(pool.UsernameAttributes ?? []);
  return (pool.SchemaAttributes ?? []).filter((s) => s.Required && s.Name !== 'sub' && !by.has(s.Name!)).map((s) => s.Name!);
}

function sendSignUpPage(reply: FastifyReply, page: HostedPage, form: Record<string, string> = {}, error?: string): FastifyReply {
  const { pool } = page.authorization;
  const label = usernameLabel(pool);
  const kind = label === 'Email' ? 'email' : label === 'Phone number' ? 'phone_number' : 'username';
  const content = render('signup', {
    csrf: csrfField(reply),
    error: errorBlock(error),
    action: pageUrl('/signup', page.query),
    fields: [field(kind, 'username', label, form.username ?? ''), ...attributeFields(requiredAttributes(pool), form)],
    loginUrl: pageUrl('/login', page.query),
  });
  return sendPage(reply, 'Sign up', content, page.branding, error === undefined ? 200 : 400);
}

export function registerSignUp(app: FastifyInstance, deps: OAuthDeps): void {
  const signUp = SignUp(deps);

  app.get('/signup', async (request, reply) => {
    const page = await openPage(deps, request, reply);
    if (!page) return reply;
    if (page.authorization.pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly) {
      return sendErrorPage(reply, 400, 'SignUp is not permitted for this user pool', page.branding);
    }
    return sendSignUpPage(reply, page);
  });

  app.post('/signup', async (request, reply) => {
    const page = await openPage(deps, request, reply);
    if (!page) return reply;
    const form = formOf(request);
    const { username = '', password = '' } = form;
    const attributes = postedAttributes(form);
    const own = usernameAttribute(page.authorization.pool, username);
    if (own) attributes[own] = username;
    const UserAttributes: AttributeType[] = Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
    let confirmed: boolean;
    try {
      const request = { ...clientFields(page, username), Username: username, Password: password, UserAttributes };
      confirmed = Boolean((await signUp(operationContext(deps, page), request)).UserConfirmed);
    } catch (error) {
      return sendSignUpPage(reply, page, form, messageOf(error));
    }
    if (!confirmed) return reply.redirect(pageUrl('/confirm', page.query, { username }), 302);
    // PreSignUp confirmed the user: they sign in with the password just chosen.
    try {
      return await showStep(deps, reply, page, await passwordStep(deps, page.authorization, username, password));
    } catch (error) {
      return sendErrorPage(reply, 400, messageOf(error), page.branding);
    }
  });
}
