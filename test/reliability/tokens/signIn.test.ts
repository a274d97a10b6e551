import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CALLBACK, postForm } from '../../oauth2/protocol/harness.js';
import { srpClient, srpTimestamp } from '../../cognito/operations/signIn/srpClient.js';
import { PASSWORD, startAuthApp, type AuthApp } from './app.js';

// What cannot be replayed or forged on the way to tokens: authorization codes, sign-in sessions, SRP proofs; and
// what a failed sign-in's timing tells about whether the user exists.

let app: AuthApp;
test.before(async () => {
  app = await startAuthApp();
});
test.after(async () => {
  await app?.close();
});

const answerOf = ({ status, body }: { status: number; body: Record<string, any> }) =>
  status === 200 ? (body.AuthenticationResult ? 'tokens' : `challenge ${body.ChallengeName}`) : `${status} ${body.__type}: ${body.message}`;

async function codeFor(username: string): Promise<string> {
  const { location } = await app.pages.complete(username, { response_type: 'code', client_id: app.webClient, redirect_uri: CALLBACK, scope: 'openid' });
  return new URL(location).searchParams.get('code')!;
}

const redeem = async (code: string) => {
  const response = await postForm(app.emulator, '/oauth2/token', { grant_type: 'authorization_code', client_id: app.webClient, code, redirect_uri: CALLBACK });
  const body = (await response.json()) as Record<string, string>;
  return response.status === 200 && body.id_token ? 'tokens' : `${response.status} ${body.error}`;
};

test('/oauth2/token: a used authorization code is refused, and of 8 parallel redemptions exactly one gets tokens', async () => {
  const username = await app.newUser();
  const code = await codeFor(username);
  assert.is(await redeem(code), 'tokens');
  assert.is(await redeem(code), '400 invalid_grant');
  const raced = await Promise.all(Array.from({ length: 8 }, async () => redeem(await codeFor(username))));
  assert.is(raced.filter((answer) => answer === 'tokens').length, 8, 'eight codes, eight redemptions');
  const shared = await codeFor(username);
  const answers = await Promise.all(Array.from({ length: 8 }, () => redeem(shared)));
  assert.equal(answers.sort(), ['400 invalid_grant', '400 invalid_grant', '400 invalid_grant', '400 invalid_grant', '400 invalid_grant', '400 invalid_grant', '400 invalid_grant', 'tokens']);
});

/** USER_SRP_AUTH's first step for `username`: the SRP client and the PASSWORD_VERIFIER challenge. */
async function srpStart(username: string) {
  const srp = srpClient(app.poolId);
  const started = await app.emulator.call('InitiateAuth', {
    ClientId: app.webClient, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: srp.A },
  });
  assert.is(answerOf(started), 'challenge PASSWORD_VERIFIER');
  return { srp, session: started.body.Session as string, parameters: started.body.ChallengeParameters as Record<string, string> };
}

const respond = (session: string, responses: Record<string, string>) =>
  app.emulator.call('RespondToAuthChallenge', {
    ClientId: app.webClient, ChallengeName: 'PASSWORD_VERIFIER', Session: session, ChallengeResponses: responses,
  });

test('RespondToAuthChallenge: a used Session cannot be answered again, not even in parallel', async () => {
  const username = await app.newUser();
  const first = await srpStart(username);
  const proof = first.srp.answer(first.parameters, PASSWORD);
  assert.is(answerOf(await respond(first.session, proof)), 'tokens');
  assert.is(answerOf(await respond(first.session, proof)), '403 NotAuthorizedException: Invalid session for the user.');
  const second = await srpStart(username);
  const secondProof = second.srp.answer(second.parameters, PASSWORD);
  const raced = (await Promise.all(Array.from({ length: 6 }, () => respond(second.session, secondProof)))).map(answerOf);
  assert.is(raced.filter((answer) => answer === 'tokens').length, 1, raced.join('; '));
  assert.ok(raced.filter((answer) => answer !== 'tokens').every((answer) => answer === '403 NotAuthorizedException: Invalid session for the user.'), raced.join('; '));
});

test('RespondToAuthChallenge: SRP with a wrong password fails, and so do forged PASSWORD_CLAIM_SIGNATUREs', async () => {
  const username = await app.newUser();
  const incorrect = '403 NotAuthorizedException: Incorrect username or password.';
  const wrong = await srpStart(username);
  assert.is(answerOf(await respond(wrong.session, wrong.srp.answer(wrong.parameters, `${PASSWORD}x`))), incorrect);

  const forgeries: Record<string, (proof: Record<string, string>) => Record<string, string>> = {
    'random signature': (proof) => ({ ...proof, PASSWORD_CLAIM_SIGNATURE: randomBytes(32).toString('base64') }),
    'a signature of the wrong length': (proof) => ({ ...proof, PASSWORD_CLAIM_SIGNATURE: randomBytes(16).toString('base64') }),
    'signature of another timestamp': (proof) => ({ ...proof, TIMESTAMP: srpTimestamp(new Date(Date.now() + 60_000)) }),
    'another secret block': (proof) => ({ ...proof, PASSWORD_CLAIM_SECRET_BLOCK: randomBytes(64).toString('base64') }),
    'one bit of the signature flipped': (proof) => {
      const signature = Buffer.from(proof.PASSWORD_CLAIM_SIGNATURE!, 'base64');
      signature[0]! ^= 1;
      return { ...proof, PASSWORD_CLAIM_SIGNATURE: signature.toString('base64') };
    },
  };
  // Each forgery on a user of its own (lockout counts failures), whose right proof then still signs in: the
  // refusal came from the forgery, not from a broken setup.
  const failures: string[] = [];
  for (const [name, forge] of Object.entries(forgeries)) {
    const victim = await app.newUser();
    const { srp, session, parameters } = await srpStart(victim);
    const answer = answerOf(await respond(session, forge(srp.answer(parameters, PASSWORD))));
    if (answer !== incorrect) failures.push(`${name}: ${answer}`);
    const right = await srpStart(victim);
    const control = answerOf(await respond(right.session, right.srp.answer(right.parameters, PASSWORD)));
    if (control !== 'tokens') failures.push(`${name}, then the right proof: ${control}`);
  }
  assert.equal(failures, []);
});

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

test('InitiateAuth: with PreventUserExistenceErrors, a failed sign-in takes as long for an unknown user as for a wrong password', async () => {
  const ROUNDS = 30;
  // One known user per attempt, so that no lockout (5 failures) changes the known users' answers.
  const known = await Promise.all(Array.from({ length: ROUNDS + 5 }, () => app.newUser()));
  const attempt = async (username: string) => {
    const started = process.hrtime.bigint();
    const answer = answerOf(await app.emulator.call('InitiateAuth', {
      ClientId: app.webClient, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: 'Wrong-Passw0rd!' },
    }));
    return { answer, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  };
  const times = { unknown: [] as number[], known: [] as number[] };
  const answers = new Set<string>();
  // Interleaved, after a warm-up, so that load on the machine falls on both sides alike.
  for (let round = -5; round < ROUNDS; round++) {
    const pair = [await attempt(`nobody-${round + 5}`), await attempt(known[round + 5]!)];
    for (const { answer } of pair) answers.add(answer);
    if (round < 0) continue;
    times.unknown.push(pair[0]!.ms);
    times.known.push(pair[1]!.ms);
  }
  assert.equal([...answers], ['403 NotAuthorizedException: Incorrect username or password.']);
  const unknown = median(times.unknown);
  const wrong = median(times.known);
  const ratio = unknown / wrong;
  console.log(`  sign-in timing over ${ROUNDS} attempts each: unknown user median ${unknown.toFixed(2)} ms, wrong password ${wrong.toFixed(2)} ms, ratio ${ratio.toFixed(2)}`);
  assert.ok(ratio > 0.5 && ratio < 2, `ratio ${ratio.toFixed(2)} outside 0.5–2`);
});

test.run();
