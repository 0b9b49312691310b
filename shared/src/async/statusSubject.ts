import { BehaviorSubject, type Observable } from 'rxjs';

/**
 * A component's status: the value now, patched field by field, and the stream of every value. Once
 * completed (the component stopped), patches are ignored rather than thrown on.
 */
export class StatusSubject<S extends object> {
  readonly #subject: BehaviorSubject<S>;
  readonly status$: Observable<S>;
  /** rxjs marks a completed subject stopped, not closed, and a BehaviorSubject still takes values then. */
  #completed = false;

  constructor(initial: S) {
    this.#subject = new BehaviorSubject(initial);
    this.status$ = this.#subject.asObservable();
  }

  get value(): S {
    return this.#subject.getValue();
  }

  update(patch: Partial<S>): void {
    if (this.#completed) return;
    this.#subject.next({ ...this.#subject.getValue(), ...patch });
  }

  complete(): void {
    this.#completed = true;
    this.#subject.complete();
  }
}
