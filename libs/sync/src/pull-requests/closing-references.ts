/**
 * Issue numbers a pull request closes, as GitHub reads its description: a closing keyword
 * (`close`, `closes`, `closed`, `fix`, `fixes`, `fixed`, `resolve`, `resolves`, `resolved`, any case,
 * optionally followed by `:`) and then `#N`, `owner/repo#N` or the issue URL. References to other
 * repositories are ignored: they cannot be linked to this repository's issues.
 */
const CLOSING =
  /(?<![\w/-])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?[ \t]+(?:(?:https?:\/\/[^\s/]+\/)?([\w.-]+)\/([\w.-]+)(?:#|\/issues\/)|#)(\d+)\b/gi;

export function closingIssueNumbers(body: string, repo: { owner: string; name: string }): number[] {
  const found = new Set<number>();
  for (const match of body.matchAll(CLOSING)) {
    const [, owner, name, number] = match;
    if (owner !== undefined && name !== undefined && !sameRepo(owner, name, repo)) continue;
    const value = Number(number);
    if (Number.isSafeInteger(value) && value > 0) found.add(value);
  }
  return [...found].sort((a, b) => a - b);
}

function sameRepo(owner: string, name: string, repo: { owner: string; name: string }): boolean {
  return owner.toLowerCase() === repo.owner.toLowerCase() && name.toLowerCase() === repo.name.toLowerCase();
}
