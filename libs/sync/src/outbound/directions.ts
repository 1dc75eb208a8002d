/** Directions in which workspace edits are written to GitHub. */
export const WRITES_TO_GITHUB: ReadonlySet<string> = new Set(['to_github', 'bidirectional']);
