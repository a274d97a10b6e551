import { writeFile } from 'node:fs/promises';
import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  InitiateAuthCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { ChildEmulator } from '../../helpers/child.js';
import { Fact, type LoadModel } from './model.js';
import type { Random } from './random.js';
import { deployedTemplate, LOAD_CLIENT, WATCHED_POOL, watchedTemplate, type TemplateVersion } from './templates.js';

// The mixed load a round runs until the kill: sign-ups, attribute updates (admin and with the user's own token),
// group changes and template reconciles (the watched file rewritten, `POST /_cogniform/deploy`). Each loop owns the
// entities it changes, so at most one call per fact is in flight when the kill comes.

export const PASSWORD = 'Crash-Passw0rd!';
/** Users created once, whose group memberships the group loop changes. */
export const MEMBERS = Array.from({ length: 8 }, (_, i) => `member-${i}`);

export interface Templates {
  watchedFile: string;
  deployedFile: string;
  watched: TemplateVersion;
  /** The deployed template the emulator last acknowledged, and the one in flight at the kill. */
  deployed: { value: TemplateVersion; pending?: TemplateVersion | undefined };
  revision: number;
}

export interface LoadContext {
  emulator: ChildEmulator;
  model: LoadModel;
  templates: Templates;
  random: Random;
  round: number;
  /** Set once the kill is sent: a call failing after it was cut off; before it, the failure is a defect. */
  killed(): boolean;
  failures: string[];
}

/** Sends one write for `facts`, moving them to their pending values first and acknowledging them on a 2xx. */
async function write(ctx: LoadContext, what: string, facts: [Fact<any>, unknown][], call: () => Promise<unknown>): Promise<boolean> {
  for (const [fact, value] of facts) fact.start(value);
  try {
    await call();
  } catch (error) {
    if (!ctx.killed()) ctx.failures.push(`${what} failed before the kill: ${String(error)}`);
    return false;
  }
  for (const [fact] of facts) fact.ack();
  ctx.model.acknowledged++;
  return true;
}

async function signUp(ctx: LoadContext, Username: string): Promise<boolean> {
  const facts = ctx.model.user(Username);
  const email = `${Username}@example.com`;
  return write(ctx, `SignUp ${Username}`, [[facts.exists, true], [facts.email, email]], () =>
    ctx.emulator.client.send(new SignUpCommand({
      ClientId: LOAD_CLIENT, Username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }],
    })));
}

/** Sign-ups, each followed now and then by an AdminUpdateUserAttributes of one of this loop's users. */
async function signUpLoop(ctx: LoadContext, loop: number): Promise<void> {
  const mine: string[] = [];
  for (let n = 0; !ctx.killed(); n++) {
    const name = `user-${ctx.round}-${loop}-${n}`;
    if (!(await signUp(ctx, name))) return;
    mine.push(name);
    if (ctx.random.next() < 0.5) {
      const Username = ctx.random.one(mine);
      const email = `${Username}+${n}@example.com`;
      const ok = await write(ctx, `AdminUpdateUserAttributes ${Username}`, [[ctx.model.user(Username).email, email]], () =>
        ctx.emulator.client.send(new AdminUpdateUserAttributesCommand({
          UserPoolId: WATCHED_POOL, Username, UserAttributes: [{ Name: 'email', Value: email }],
        })));
      if (!ok) return;
    }
  }
}

/** A user's own attribute update: sign up, confirm, sign in, UpdateUserAttributes with the access token. */
async function selfServiceLoop(ctx: LoadContext): Promise<void> {
  const { client } = ctx.emulator;
  for (let n = 0; !ctx.killed(); n++) {
    const Username = `self-${ctx.round}-${n}`;
    if (!(await signUp(ctx, Username))) return;
    let AccessToken: string | undefined;
    try {
      await client.send(new AdminConfirmSignUpCommand({ UserPoolId: WATCHED_POOL, Username }));
      const auth = await client.send(new InitiateAuthCommand({
        ClientId: LOAD_CLIENT, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: Username, PASSWORD },
      }));
      AccessToken = auth.AuthenticationResult!.AccessToken!;
    } catch (error) {
      if (!ctx.killed()) ctx.failures.push(`sign-in of ${Username} failed before the kill: ${String(error)}`);
      return;
    }
    const email = `${Username}+self@example.com`;
    const ok = await write(ctx, `UpdateUserAttributes ${Username}`, [[ctx.model.user(Username).email, email]], () =>
      client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: email }] })));
    if (!ok) return;
  }
}

/** CreateGroup, DeleteGroup, AdminAddUserToGroup and AdminRemoveUserFromGroup on the API's own groups. */
async function groupLoop(ctx: LoadContext): Promise<void> {
  const { client } = ctx.emulator;
  const { model, random } = ctx;
  for (let n = 0; !ctx.killed(); n++) {
    const live = model.liveGroups();
    let ok: boolean;
    if (live.length < 3 || (live.length < 6 && random.next() < 0.2)) {
      const GroupName = `api-${ctx.round}-${n}`;
      const fact = model.groups.get(GroupName) ?? model.groups.set(GroupName, new Fact(false)).get(GroupName)!;
      ok = await write(ctx, `CreateGroup ${GroupName}`, [[fact, true]], () =>
        client.send(new CreateGroupCommand({ UserPoolId: WATCHED_POOL, GroupName })));
    } else if (random.next() < 0.08) {
      const GroupName = random.one(live);
      ok = await write(ctx, `DeleteGroup ${GroupName}`, [[model.groups.get(GroupName)!, false]], () =>
        client.send(new DeleteGroupCommand({ UserPoolId: WATCHED_POOL, GroupName })));
      if (ok) for (const user of MEMBERS) model.member(GroupName, user).settle(false);
    } else {
      const GroupName = random.one(live);
      const Username = random.one(MEMBERS);
      const fact = model.member(GroupName, Username);
      const join = !fact.value;
      const request = { UserPoolId: WATCHED_POOL, GroupName, Username };
      ok = await write(ctx, `${join ? 'AdminAddUserToGroup' : 'AdminRemoveUserFromGroup'} ${Username} ${GroupName}`, [[fact, join]], () =>
        client.send(join ? new AdminAddUserToGroupCommand(request) : new AdminRemoveUserFromGroupCommand(request)));
    }
    if (!ok) return;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rewrites the watched template (the watcher reconciles it) every 100-300 ms. */
async function watchLoop(ctx: LoadContext): Promise<void> {
  const { templates } = ctx;
  while (!ctx.killed()) {
    await pause(ctx.random.int(100, 300));
    if (ctx.killed()) return;
    templates.watched = watchedTemplate(ctx.random, ++templates.revision);
    await writeFile(templates.watchedFile, templates.watched.text);
  }
}

/** Deploys a new version of the second template through `POST /_cogniform/deploy`, one at a time. */
async function deployLoop(ctx: LoadContext): Promise<void> {
  const { templates } = ctx;
  while (!ctx.killed()) {
    await pause(ctx.random.int(50, 200));
    const next = deployedTemplate(ctx.random, ++templates.revision);
    await writeFile(templates.deployedFile, next.text);
    templates.deployed.pending = next;
    const ok = await deploy(ctx.emulator, templates.deployedFile).then(
      () => true,
      (error: unknown) => {
        if (!ctx.killed()) ctx.failures.push(`deploy failed before the kill: ${String(error)}`);
        return false;
      },
    );
    if (!ok) return;
    templates.deployed = { value: next };
    ctx.model.acknowledged++;
  }
}

export async function deploy(emulator: ChildEmulator, file: string): Promise<void> {
  const response = await fetch(`${emulator.url}/_cogniform/deploy`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: file }),
  });
  if (response.status !== 200) throw new Error(`deploy answered ${response.status}: ${await response.text()}`);
}

/** Every loop of the mixed load; resolves once each has stopped (at the kill, or at a failure). */
export function runLoad(ctx: LoadContext): Promise<void> {
  return Promise.all([signUpLoop(ctx, 0), signUpLoop(ctx, 1), selfServiceLoop(ctx), groupLoop(ctx), watchLoop(ctx), deployLoop(ctx)]).then(() => {});
}

/** The state the rounds start from: the members the group loop moves between groups. */
export async function createMembers(client: CognitoIdentityProviderClient, model: LoadModel): Promise<void> {
  for (const Username of MEMBERS) {
    await client.send(new AdminCreateUserCommand({
      UserPoolId: WATCHED_POOL, Username, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }],
    }));
    const facts = model.user(Username);
    facts.exists.settle(true);
    facts.email.settle(`${Username}@example.com`);
  }
}
