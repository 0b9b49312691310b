import type { SeededRandom } from '@gcds/demo-data';
import { FacebookApiError } from './facebookErrors';

/** The simulated server's two endpoints, as its faults and request log name them. */
export type FacebookEndpoint = 'sync' | 'photo';

export interface FailureOptions {
  /** Let this many matching requests succeed first. */
  skip?: number;
  /** Default 503 (retryable); 429 with `retryAfterMs`; 4xx are not retried. */
  status?: number;
  retryAfterMs?: number;
  /** Only requests to this endpoint count. Default both. */
  endpoint?: FacebookEndpoint;
}

interface PendingFailure {
  skip: number;
  count: number;
  status: number;
  retryAfterMs?: number;
  endpoint?: FacebookEndpoint;
}

/**
 * The failures the simulated server answers with: scheduled ones (`failNext`) first, then random 503s
 * drawn from their own seeded stream, so the friends' data does not change with the failure rate.
 */
export class FaultInjector {
  /** Probability (0-1) that a request fails with a 503. */
  failureRate: number;
  readonly #random: SeededRandom;
  #failures: PendingFailure[] = [];

  constructor(random: SeededRandom, failureRate: number) {
    this.#random = random;
    this.failureRate = failureRate;
  }

  /** Makes the next matching requests fail (after letting `skip` through). `count` may be Infinity. */
  failNext(count: number, options: FailureOptions = {}): void {
    if (!(count >= 1)) throw new Error(`failNext needs a count >= 1, not ${count}`);
    this.#failures.push({
      skip: options.skip ?? 0,
      count,
      status: options.status ?? 503,
      ...(options.retryAfterMs === undefined ? {} : { retryAfterMs: options.retryAfterMs }),
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    });
  }

  /** Cancels every scheduled failure (the network is back). */
  clear(): void {
    this.#failures = [];
  }

  /** Throws the failure this request gets, if any. */
  maybeFail(endpoint: FacebookEndpoint): void {
    const failure = this.#failures.find((f) => f.endpoint === undefined || f.endpoint === endpoint);
    if (failure !== undefined) {
      if (failure.skip > 0) {
        failure.skip -= 1;
      } else {
        failure.count -= 1;
        if (failure.count <= 0) this.#failures.splice(this.#failures.indexOf(failure), 1);
        throw new FacebookApiError(failure.status, 'injected failure', {
          ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
        });
      }
    }
    if (this.failureRate > 0 && this.#random.chance(this.failureRate)) {
      throw new FacebookApiError(503, 'service unavailable (random failure)');
    }
  }
}
