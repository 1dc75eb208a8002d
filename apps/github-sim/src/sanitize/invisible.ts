/** Port of `FilterInvisibleCharacters` from github-mcp-server `pkg/sanitize`. */

const GRAPHIC = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u;
const SPACE = /^\p{White_Space}$/u;
const HAN = /^\p{Script=Han}$/u;

export function shouldRemoveRune(cp: number): boolean {
  switch (cp) {
    case 0x200b:
    case 0x200c:
    case 0x200e:
    case 0x200f:
    case 0x061c:
    case 0x00ad:
    case 0xfeff:
    case 0x180e:
    case 0xe0001:
      return true;
  }
  return (
    (cp >= 0xe0020 && cp <= 0xe007f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    (cp >= 0x2060 && cp <= 0x2064)
  );
}

function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

function isValidVariationSequence(base: number, selector: number): boolean {
  const ch = String.fromCodePoint(base);
  if (isVariationSelector(base) || !GRAPHIC.test(ch) || SPACE.test(ch)) return false;
  if (selector >= 0xe0100) return HAN.test(ch);
  if (base < 0x80) {
    const keycap = base === 0x23 || base === 0x2a || (base >= 0x30 && base <= 0x39);
    return keycap && (selector === 0xfe0e || selector === 0xfe0f);
  }
  return true;
}

/** Removes invisible/bidi characters and orphaned variation selectors; ASCII input is returned as is. */
export function filterInvisibleCharacters(input: string): string {
  let firstNonAscii = -1;
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) >= 0x80) {
      firstNonAscii = i;
      break;
    }
  }
  if (firstNonAscii < 0) return input;

  let out = input.slice(0, firstNonAscii);
  let prev = firstNonAscii > 0 ? input.charCodeAt(firstNonAscii - 1) : 0;
  let prevKept = firstNonAscii > 0;
  let changed = false;
  for (let i = firstNonAscii; i < input.length;) {
    const cp = input.codePointAt(i) ?? 0;
    const size = cp > 0xffff ? 2 : 1;
    let keep = true;
    if (isVariationSelector(cp)) keep = prevKept && isValidVariationSequence(prev, cp);
    else if (shouldRemoveRune(cp)) keep = false;
    // A lone surrogate is the JS analogue of an invalid UTF-8 byte: Go re-encodes it as U+FFFD.
    const lone = cp >= 0xd800 && cp <= 0xdfff;
    prev = cp;
    prevKept = keep;
    if (keep) out += lone ? '\ufffd' : input.slice(i, i + size);
    if (!keep || lone) changed = true;
    i += size;
  }
  return changed ? out : input;
}
