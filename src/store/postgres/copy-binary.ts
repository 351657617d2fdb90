/**
 * Rows in COPY's binary format, for loads where most of the bytes are vectors: a float32 vector travels as
 * its 4 bytes a component (pgvector's binary input) instead of text that Node prints digit by digit and the
 * server parses back (a 256-dimension vector is about 5 KB as text, 1 KB binary).
 */

/** The fixed start of a binary COPY stream: signature, flags, header extension length. */
const HEADER = Buffer.concat([
  Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
  Buffer.alloc(8), // flags 0, no header extension
]);
const TRAILER = Buffer.from([0xff, 0xff]);

export type BinaryField =
  | { int4: number }
  | { text: string }
  /** An empty tsvector: no lexemes. */
  | { emptyTsvector: true }
  /** A float32 vector as sqlite-vec stores it: 4 little-endian bytes a component. */
  | { vector: Uint8Array };

/**
 * Encodes rows into chunks of about `chunkBytes`, each ready to write to a `COPY ... FROM STDIN WITH
 * (FORMAT binary)` stream; the first chunk starts with the header and the last ends with the trailer.
 */
export function* binaryCopyChunks(
  rows: Iterable<readonly BinaryField[]>,
  chunkBytes = 1 << 20,
): Generator<Buffer> {
  let buffer = Buffer.allocUnsafe(chunkBytes);
  let at = 0;
  const room = (bytes: number) => {
    if (at + bytes <= buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, at + bytes));
    buffer.copy(grown, 0, 0, at);
    buffer = grown;
  };
  HEADER.copy(buffer, 0);
  at = HEADER.length;
  for (const row of rows) {
    room(2);
    at = buffer.writeInt16BE(row.length, at);
    for (const field of row) {
      if ('int4' in field) {
        room(8);
        at = buffer.writeInt32BE(4, at);
        at = buffer.writeInt32BE(field.int4, at);
      } else if ('text' in field) {
        const bytes = Buffer.byteLength(field.text);
        room(4 + bytes);
        at = buffer.writeInt32BE(bytes, at);
        at += buffer.write(field.text, at);
      } else if ('emptyTsvector' in field) {
        room(8);
        at = buffer.writeInt32BE(4, at);
        at = buffer.writeInt32BE(0, at);
      } else {
        const { vector } = field;
        room(8 + vector.byteLength);
        at = buffer.writeInt32BE(4 + vector.byteLength, at);
        at = buffer.writeInt16BE(vector.byteLength / 4, at);
        at = buffer.writeInt16BE(0, at);
        // Network byte order: the little-endian floats copied in and swapped in place.
        buffer.set(vector, at);
        buffer.subarray(at, at + vector.byteLength).swap32();
        at += vector.byteLength;
      }
    }
    if (at >= chunkBytes) {
      yield Buffer.from(buffer.subarray(0, at));
      at = 0;
    }
  }
  room(2);
  at += TRAILER.copy(buffer, at);
  yield Buffer.from(buffer.subarray(0, at));
}
