// What the crash load expects to find after a restart. Each fact holds the value the emulator acknowledged and, while
// a call that would change it is in flight, the value that call asks for: a SIGKILL may land before or after that
// call's commit, so after the restart either is right, and nothing else is.

export class Fact<T> {
  pending: { value: T } | undefined;

  constructor(public value: T) {}

  /** A call asking for `value` is about to be sent. */
  start(value: T): void {
    this.pending = { value };
  }

  /** That call was acknowledged (2xx). */
  ack(): void {
    this.value = this.pending!.value;
    this.pending = undefined;
  }

  /** Whether `actual` is what the emulator acknowledged, or what the call in flight at the kill asked for. */
  allows(actual: T): boolean {
    return actual === this.value || (this.pending !== undefined && actual === this.pending.value);
  }

  /** After the check: what the emulator holds is the new truth (so that one mismatch is reported once). */
  settle(actual: T): void {
    this.value = actual;
    this.pending = undefined;
  }
}

export interface UserFacts {
  exists: Fact<boolean>;
  email: Fact<string>;
}

export class LoadModel {
  readonly users = new Map<string, UserFacts>();
  /** Groups the API load creates and deletes (the templates' groups are checked against the templates). */
  readonly groups = new Map<string, Fact<boolean>>();
  /** `<group>\0<user>` → member or not. */
  readonly members = new Map<string, Fact<boolean>>();
  /** Users whose records changed this round: the email index is checked for them. */
  readonly touched = new Set<string>();
  /** Writes acknowledged since the last check. */
  acknowledged = 0;

  user(name: string): UserFacts {
    let facts = this.users.get(name);
    if (!facts) this.users.set(name, (facts = { exists: new Fact(false), email: new Fact('') }));
    this.touched.add(name);
    return facts;
  }

  member(group: string, user: string): Fact<boolean> {
    const key = `${group}\0${user}`;
    let fact = this.members.get(key);
    if (!fact) this.members.set(key, (fact = new Fact(false)));
    return fact;
  }

  liveGroups(): string[] {
    return [...this.groups].filter(([, fact]) => fact.value && !fact.pending).map(([name]) => name);
  }
}
