/** The workspace list is wrong or already holds the folder; nothing was changed. */
export class WorkspaceListError extends Error {
  override readonly name = 'WorkspaceListError';
}

/**
 * The root package.json text with `folder` added to its "workspaces", right after the last entry of
 * the same parent folder (so providers stay together). Formatted as npm and Biome write it.
 */
export function withWorkspace(packageJson: string, folder: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(packageJson);
  } catch (error) {
    throw new WorkspaceListError(`the root package.json is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new WorkspaceListError('the root package.json is not a JSON object');
  }
  const pkg = parsed as Record<string, unknown>;
  const workspaces = pkg.workspaces;
  if (!Array.isArray(workspaces) || workspaces.some((entry) => typeof entry !== 'string')) {
    throw new WorkspaceListError('the root package.json has no "workspaces" list of folders');
  }
  const list = workspaces as string[];
  if (list.includes(folder)) {
    throw new WorkspaceListError(`"${folder}" is already in the root package.json workspaces`);
  }
  const parent = folder.slice(0, folder.lastIndexOf('/') + 1);
  const lastSibling = parent === '' ? -1 : list.findLastIndex((entry) => entry.startsWith(parent));
  const at = lastSibling === -1 ? list.length : lastSibling + 1;
  pkg.workspaces = [...list.slice(0, at), folder, ...list.slice(at)];
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
