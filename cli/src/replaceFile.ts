/** The file-system calls a whole-file replacement needs (the CLI's seam to the outside world). */
export interface FileWriter {
  writeFile(path: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  removeFile(path: string): Promise<void>;
}

/** The temporary file beside `path`: the same directory, so the rename stays on one file system. */
export function temporaryPathFor(path: string, processId: number): string {
  return `${path}.tmp-${processId}`;
}

/**
 * Writes `text` to `path` so that `path` is at every moment either its old content or all of the new:
 * a temporary file beside it, then a rename over it. A write that fails (a full disk, a kill) leaves
 * the old file as it was; the temporary file is removed when the failure is seen.
 */
export async function replaceFile(
  writer: FileWriter,
  path: string,
  text: string,
  processId: number,
): Promise<void> {
  const temporary = temporaryPathFor(path, processId);
  try {
    await writer.writeFile(temporary, text);
    await writer.rename(temporary, path);
  } catch (error) {
    await writer.removeFile(temporary).catch(() => undefined);
    throw error;
  }
}
