import { CLIENT_ID, GROUP, POOL_ID } from './project.js';

/**
 * The soak's mixed load: one step at a time per worker, the kind drawn by weight from a seeded generator. Every
 * request's outcome is counted by kind; a failure also by its AWS error type (or HTTP status).
 */
export const CODE = '123456';
const PASSWORD = 'Soak-Passw0rd!';

interface User {
  name: string;
  access?: string;
  id?: string;
  refresh?: string;
}

export interface Counters {
  /** Requests made, by kind, failed or not. */
  requests: Map<string, number>;
  /** Failures, by `<kind>: <error>`. */
  failed: Map<string, number>;
}

export const newCounters = (): Counters => ({ requests: new Map(), failed: new Map() });
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** mulberry32: small, seeded, good enough to pick request kinds reproducibly. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Load {
  private readonly users: User[] = [];
  private readonly signedIn: User[] = [];
  private next = 0;

  constructor(
    private readonly url: string,
    private readonly gatewayUrl: string,
    private readonly rand: () => number,
    /** Swapped by the runner every report window. */
    public counters: Counters,
    public readonly totals: Counters,
  ) {}

  /** One step of a worker: a sign-up with its confirmation until some users are signed in, then any kind. */
  async step(): Promise<void> {
    const steps: Array<[number, () => Promise<void>]> = [
      [2, () => this.signUp()],
      [2, () => this.signIn()],
      [2, () => this.refresh()],
      [2, () => this.updateAttributes()],
      [2, () => this.groupChange()],
      [3, () => this.getUser()],
      [4, () => this.gateway()],
    ];
    if (this.signedIn.length < 5) return this.users.length < 5 ? this.signUp() : this.signIn();
    let pick = this.rand() * steps.reduce((sum, [weight]) => sum + weight, 0);
    for (const [weight, run] of steps) if ((pick -= weight) < 0) return run();
  }

  private pickSignedIn(): User {
    return this.signedIn[Math.floor(this.rand() * this.signedIn.length)]!;
  }

  private async signUp(): Promise<void> {
    const name = `soak-${process.pid}-${this.next++}`;
    const signedUp = await this.call('signUp', 'SignUp', {
      ClientId: CLIENT_ID, Username: name, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: `${name}@example.com` }],
    });
    if (!signedUp) return;
    if (await this.call('confirm', 'ConfirmSignUp', { ClientId: CLIENT_ID, Username: name, ConfirmationCode: CODE })) {
      this.users.push({ name });
    }
  }

  private async signIn(): Promise<void> {
    const user = this.users[Math.floor(this.rand() * this.users.length)];
    if (!user) return this.signUp();
    const answer = await this.call('signIn', 'InitiateAuth', {
      ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.name, PASSWORD },
    });
    const result = answer?.AuthenticationResult;
    if (!result) return;
    if (!user.access) this.signedIn.push(user);
    Object.assign(user, { access: result.AccessToken, id: result.IdToken, refresh: result.RefreshToken });
  }

  private async refresh(): Promise<void> {
    const user = this.pickSignedIn();
    const answer = await this.call('refresh', 'InitiateAuth', {
      ClientId: CLIENT_ID, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: user.refresh },
    });
    if (answer?.AuthenticationResult) Object.assign(user, { access: answer.AuthenticationResult.AccessToken, id: answer.AuthenticationResult.IdToken });
  }

  private async updateAttributes(): Promise<void> {
    const user = this.pickSignedIn();
    await this.call('updateAttributes', 'UpdateUserAttributes', {
      AccessToken: user.access, UserAttributes: [{ Name: 'name', Value: `n${Math.floor(this.rand() * 1e6)}` }],
    });
  }

  private async groupChange(): Promise<void> {
    const user = this.pickSignedIn();
    const operation = this.rand() < 0.5 ? 'AdminAddUserToGroup' : 'AdminRemoveUserFromGroup';
    await this.call('groupChange', operation, { UserPoolId: POOL_ID, Username: user.name, GroupName: GROUP });
  }

  private async getUser(): Promise<void> {
    await this.call('getUser', 'GetUser', { AccessToken: this.pickSignedIn().access });
  }

  private async gateway(): Promise<void> {
    const user = this.pickSignedIn();
    await this.request('gateway', async () => {
      const response = await fetch(this.gatewayUrl, { headers: { authorization: user.id! } });
      const text = await response.text();
      return response.status === 200 && text.includes('"sub"') ? undefined : `HTTP ${response.status}`;
    });
  }

  /** An AWS JSON call; its parsed answer, or undefined when it failed (counted). */
  private async call(kind: string, operation: string, body: object): Promise<any> {
    let answer: any;
    await this.request(kind, async () => {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
        body: JSON.stringify(body),
      });
      answer = await response.json();
      return response.status === 200 ? undefined : `${response.status} ${answer.__type ?? ''}`.trim();
    });
    return answer?.__type ? undefined : answer;
  }

  /** Counts one request of `kind`: `run` gives the failure, or undefined for success; a thrown error is one too. */
  async request(kind: string, run: () => Promise<string | undefined>): Promise<void> {
    let failure: string | undefined;
    try {
      failure = await run();
    } catch (error) {
      failure = (error as Error).cause ? String((error as { cause: Error }).cause.message) : (error as Error).message;
    }
    for (const counters of [this.counters, this.totals]) {
      bump(counters.requests, kind);
      if (failure) bump(counters.failed, `${kind}: ${failure}`);
    }
  }
}
