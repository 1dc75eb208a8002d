/** Port of `FilterCodeFenceMetadata` from github-mcp-server `pkg/sanitize`. */

const MAX_INFO_LENGTH = 48;
const SAFE_TOKEN = /^[\p{L}\p{N}+\-_#.]+$/u;
const HAS_SPACE = /\s/u;

export function filterCodeFenceMetadata(input: string): string {
  if (input === '' || !input.includes('```')) return input;
  const lines = input.split('\n');
  let insideFence = false;
  let fenceLength = 0;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const [sanitized, toggled, length] = sanitizeLine(line, insideFence, fenceLength);
    if (toggled) {
      insideFence = !insideFence;
      fenceLength = insideFence ? length : 0;
    }
    if (sanitized !== line) {
      lines[i] = sanitized;
      changed = true;
    }
  }
  return changed ? lines.join('\n') : input;
}

function sanitizeLine(line: string, insideFence: boolean, expected: number): [string, boolean, number] {
  const idx = line.indexOf('```');
  if (idx === -1) return [line, false, expected];
  if (line.slice(0, idx).trim() !== '') return [line, false, expected];
  let end = idx;
  while (end < line.length && line[end] === '`') end++;
  const fenceLen = end - idx;
  const rest = line.slice(end);
  const head = line.slice(0, end);
  if (insideFence) {
    if (expected !== 0 && fenceLen !== expected) return [line, false, expected];
    return [head, true, fenceLen];
  }
  const trimmed = rest.trim();
  if (
    trimmed === '' ||
    HAS_SPACE.test(trimmed) ||
    trimmed.length > MAX_INFO_LENGTH ||
    !SAFE_TOKEN.test(trimmed)
  ) {
    return [head, true, fenceLen];
  }
  if (rest === trimmed) return [line, true, fenceLen];
  if (/^\s/u.test(rest)) {
    if (rest[0] === ' ' && rest.length === trimmed.length + 1) return [line, true, fenceLen];
    return [`${head} ${trimmed}`, true, fenceLen];
  }
  return [head + trimmed, true, fenceLen];
}
