/**
 * A set of issue numbers as one bit each (bit n of byte ⌊n/8⌋, least significant first: Postgres's
 * `get_bit(bytea, n)` order), so a pass over 50,000 issues remembers what it saw in about 6 KB.
 */
export class NumberBitmap {
  private bits = new Uint8Array(1024);

  add(number: number): void {
    const byte = number >> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[byte] = (this.bits[byte] ?? 0) | (1 << (number & 7));
  }

  /** The bitmap as bytes (bit n = number n seen). */
  bytes(): Uint8Array<ArrayBuffer> {
    return this.bits.slice();
  }
}
