import { of } from 'rxjs';
import { hostEngine } from './engineHost';

hostEngine(async () => ({
  appApi: { available: () => false },
  status$: of({ revision: 0, syncing: false, commits: 0 }),
}));
