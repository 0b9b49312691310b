import * as Comlink from 'comlink';
import { DEMO_HEAD_CONTACTS, DemoBookShares } from '../demo/demoBookShares';
import type { DemoBookWorkerApi } from '../protocol/workerApis';

/**
 * The demo book's worker: generates the book once, on the first provider's ask, and hands each provider
 * worker its share over the port the shell gave it. The shell ends it once every install is done.
 */
let shares: DemoBookShares | undefined;

const api: DemoBookWorkerApi = {
  connect(options, port) {
    // A macrotask after the head, so its answer is posted before the rest of the book is generated.
    shares ??= new DemoBookShares(
      options,
      DEMO_HEAD_CONTACTS,
      () => new Promise((resolve) => setTimeout(resolve, 0)),
    );
    Comlink.expose(shares, port);
  },
};

Comlink.expose(api);
