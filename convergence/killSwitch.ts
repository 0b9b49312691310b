/** What a killed component throws from inside its transaction: the transaction aborts, the process is gone. */
export class Killed extends Error {
  override readonly name = 'Killed';
}

export function isKilled(error: unknown): boolean {
  return error instanceof Killed;
}

/**
 * Decides, at each commit boundary of one component (the GCDS, a consumer, a provider's writes), whether
 * the component dies there. Commits are counted over the component's whole life, restarts included, so a
 * crash plan can name "the 7th commit of the dialer" in one run and find the same boundary in the next.
 *
 * A killed service stays dead (every later commit of that instance fails too) until it is restarted. A
 * provider's kill fails the one write: its state lives in its store, so the next call is a restart.
 */
export class KillSwitch {
  /** Commit boundaries reached, with their labels. */
  readonly labels: string[] = [];
  /** Kills that fired. */
  fired = 0;
  #dead = false;
  /** Bumped on every restart: a hook of an earlier instance keeps failing, as a dead process would. */
  #incarnation = 0;
  #at: number | undefined;
  #when: 'before' | 'after' = 'before';

  constructor(private readonly staysDead: boolean) {}

  get commits(): number {
    return this.labels.length;
  }

  get dead(): boolean {
    return this.#dead;
  }

  /** Kills at the `n`-th boundary from now (1 = the next one). */
  armIn(n: number, when: 'before' | 'after' = 'before'): void {
    this.#at = this.commits + n;
    this.#when = when;
  }

  /** Kills at the boundary with this 1-based number over the component's life. */
  armAt(commit: number, when: 'before' | 'after' = 'before'): void {
    this.#at = commit;
    this.#when = when;
  }

  disarm(): void {
    this.#at = undefined;
  }

  /** The component was restarted: a fresh instance, not dead. */
  revived(): void {
    this.#dead = false;
    this.#incarnation += 1;
  }

  /** The commit hook of the instance started now: once that instance dies, it never commits again. */
  hook(): (label: string) => void {
    const incarnation = this.#incarnation;
    return (label) => {
      if (incarnation !== this.#incarnation) throw new Killed(`a killed instance tried to commit ${label}`);
      this.beforeCommit(label);
    };
  }

  /** Called just before a commit completes; throwing aborts it. */
  beforeCommit(label: string): void {
    if (this.#dead) throw new Killed(`already dead, not committing ${label}`);
    this.labels.push(label);
    if (this.#at === this.commits && this.#when === 'before') this.#kill(`killed before committing ${label}`);
  }

  /** Called just after a commit (for wrapped writes); throwing leaves the commit in place. */
  afterCommit(label: string): void {
    if (this.#at === this.commits && this.#when === 'after') this.#kill(`killed after committing ${label}`);
  }

  #kill(message: string): never {
    this.#at = undefined;
    this.fired += 1;
    if (this.staysDead) this.#dead = true;
    throw new Killed(message);
  }
}
