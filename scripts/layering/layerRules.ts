/**
 * The layers of the repository and what each may import. Data moves up from the stores (providers →
 * GCDS → consumers → apps); code dependencies point down, so a lower layer never learns who reads it.
 */
export type Layer =
  | 'shared'
  | 'demo-data'
  | 'gcds'
  | 'providers'
  | 'consumers'
  | 'app-protocol'
  | 'app-ui'
  | 'apps'
  | 'device'
  | 'cli'
  | 'tools';

const EVERYTHING_BELOW_THE_SHELL: readonly Layer[] = [
  'shared',
  'demo-data',
  'gcds',
  'providers',
  'consumers',
  'app-protocol',
  'app-ui',
  'apps',
];

/** The layers a layer may import besides its own package: only layers below it. */
export const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  shared: [],
  'demo-data': [],
  gcds: ['shared'],
  providers: ['shared', 'demo-data'],
  consumers: ['shared'],
  // The messages between the apps and the shell's workers: the answer types of the consumers, the GCDS
  // and the providers whose workers the shell talks to (a CardDAV account's status, conflicts, reports),
  // and the demo book worker's options (a region of the demo data).
  'app-protocol': ['gcds', 'consumers', 'providers', 'shared', 'demo-data'],
  // The widgets every app draws with, and the client side of the app protocol.
  'app-ui': ['app-protocol', 'shared'],
  apps: ['app-ui', 'app-protocol', 'consumers', 'shared'],
  // The simulated phone's shell and workers boot every layer below them.
  device: EVERYTHING_BELOW_THE_SHELL,
  cli: ['shared', 'gcds', 'providers', 'consumers'],
  // The benchmark, the convergence proofs and the repository scripts drive the whole product.
  tools: [...EVERYTHING_BELOW_THE_SHELL, 'device', 'cli'],
};

/**
 * Packages of one layer built on another of the same layer, each with its reason. Any other import
 * between two packages of one layer is sideways and refused.
 */
export const BUILT_ON: ReadonlyArray<{ from: string; to: string; why: string }> = [
  {
    from: '@gcds/provider-carddav',
    to: '@gcds/provider-local',
    why: 'an account keeps its cards in a local-provider store, so the UI edits them like any local contact',
  },
  {
    from: '@gcds/provider-carddav',
    to: '@gcds/provider-vcard',
    why: 'a CardDAV server speaks vCard: the cards are read and written by the vCard provider’s codec',
  },
];

/** Where a file belongs: its workspace package when it has one, else its folder's unit. */
export interface Unit {
  /** The package name (`@gcds/shared`), or the folder for files outside a package (`device/src/apps`). */
  name: string;
  layer: Layer;
}

/** The layer of a workspace package, from its name. */
export function layerOfPackage(name: string): Layer | undefined {
  if (name === '@gcds/shared') return 'shared';
  if (name === '@gcds/demo-data') return 'demo-data';
  if (name === '@gcds/gcds') return 'gcds';
  if (name === '@gcds/cli') return 'cli';
  if (name.startsWith('@gcds/provider-')) return 'providers';
  if (name.startsWith('@gcds/consumer-')) return 'consumers';
  return undefined;
}

/** The unit of a repository path outside every workspace package (the phone, the tools). */
export function unitOfLoosePath(path: string): Unit {
  for (const [folder, layer] of [
    ['device/src/apps/', 'apps'],
    ['device/src/ui/', 'app-ui'],
    ['device/src/protocol/', 'app-protocol'],
    ['device/', 'device'],
  ] as const) {
    if (path.startsWith(folder)) return { name: folder.slice(0, -1), layer };
  }
  return { name: path.includes('/') ? path.slice(0, path.indexOf('/')) : '.', layer: 'tools' };
}

/** Whether code in `from` may import `to`: the same unit, a layer below, or a listed `BUILT_ON`. */
export function mayImport(from: Unit, to: Unit): boolean {
  if (from.name === to.name) return true;
  if (MAY_IMPORT[from.layer].includes(to.layer)) return true;
  return BUILT_ON.some((edge) => edge.from === from.name && edge.to === to.name);
}

/** Tests, their fixtures and the `./testing` entry points: they may also use what the package declares for tests. */
export function isTestCode(path: string): boolean {
  return /\.test\.ts$/.test(path) || /(^|\/)(test|testing|browser-tests)\//.test(path);
}
