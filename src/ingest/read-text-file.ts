import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';

export type TextFileResult = { text: string } | { reason: string };

const MB = 1024 * 1024;

/** Sizes as people read them: `512 bytes`, `3.2 KB`, `52.4 MB`, `20 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < MB ? [bytes / 1024, 'KB'] : [bytes / MB, 'MB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'could not be read: permission denied';
  if (code === 'ENOENT') return 'could not be read: file not found (was it moved or deleted?)';
  return `could not be read: ${code ?? (error as Error).message}`;
}

// Past the first 64 KB a text file has made its case; scanning all 20 MB would only cost time.
const SAMPLE_BYTES = 64 * 1024;
const MAX_CONTROL_SHARE = 0.3;
/**
 * Western European text in Windows-1252 has a few accented letters per line; compressed or random bytes
 * are half high bytes. Anything past this share that is not UTF-8 is not text.
 */
const MAX_HIGH_BYTE_SHARE = 0.3;

/** C0 control bytes other than tab, newline, vertical tab, form feed and carriage return. */
const isControl = (byte: number) => (byte < 0x20 && (byte < 0x09 || byte > 0x0d)) || byte === 0x7f;

/** Share of the bytes in the sample that match. */
function shareOf(bytes: Uint8Array, matches: (byte: number) => boolean): number {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let count = 0;
  // An indexed loop: iterating a Uint8Array with for...of costs more than the test itself.
  for (let i = 0; i < sample.length; i++) if (matches(sample[i]!)) count++;
  return count / sample.length;
}

/**
 * Text that is UTF-8 but for a few broken bytes (a file cut mid-character, one pasted Latin-1 byte):
 * its valid multi-byte characters outnumber the broken ones, which become U+FFFD. Windows-1252 text with a
 * lone £ or é has no valid multi-byte character at all.
 */
function mostlyUtf8(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let others = 0;
  for (const char of text) {
    if (char === '\ufffd') replaced++;
    else if (char > '\u007f') others++;
  }
  return others > replaced ? text : null;
}

const UTF16_BOMS = [
  { bom: [0xff, 0xfe], encoding: 'utf-16le' },
  { bom: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

function decode(bytes: Uint8Array): TextFileResult {
  // Windows editors save "Unicode" text as UTF-16, whose ASCII letters carry NUL bytes:
  // decode it before the binary check.
  const utf16 = UTF16_BOMS.find(({ bom }) => bom.every((byte, index) => bytes[index] === byte));
  if (utf16) return { text: new TextDecoder(utf16.encoding).decode(bytes) };
  if (bytes.includes(0)) return { reason: 'binary file (contains NUL bytes)' };
  const controls = shareOf(bytes, isControl);
  if (controls > MAX_CONTROL_SHARE) {
    return { reason: `binary file (${Math.round(controls * 100)}% control characters)` };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const utf8 = mostlyUtf8(bytes);
    if (utf8 !== null) return { text: utf8 };
  }
  const unusual = shareOf(bytes, (byte) => byte >= 0x80 || isControl(byte));
  if (unusual > MAX_HIGH_BYTE_SHARE) {
    return {
      reason: `binary file (${Math.round(unusual * 100)}% of its bytes are neither ASCII text nor UTF-8)`,
    };
  }
  // Older corpora are Latin-1/Windows-1252 (a lone 0xA3 byte for £), which decodes every byte.
  const text = new TextDecoder('windows-1252').decode(bytes);
  return { text: text.startsWith('\u00ef\u00bb\u00bf') ? text.slice(3) : text };
}

/**
 * Reads an article file as text, or says in plain words why it cannot be indexed.
 * The file is opened without blocking and its type checked on the open file itself: a FIFO or device
 * swapped in after the folder was listed would otherwise block the read for good. The size is checked
 * before reading, so an oversized file never lands in memory.
 */
export async function readTextFile(filePath: string, maxBytes: number): Promise<TextFileResult> {
  let bytes: Uint8Array;
  let file: fs.FileHandle | undefined;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    file = await fs.open(filePath, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    const stats = await file.stat();
    if (!stats.isFile()) return { reason: 'not a regular file' };
    if (stats.size === 0) return { reason: 'empty file' };
    if (stats.size > maxBytes) {
      return {
        reason: `file is ${formatSize(stats.size)}, over the ${formatSize(maxBytes)} limit (MAX_ARTICLE_BYTES)`,
      };
    }
    // The size just checked, whatever the file grows to while it is read.
    const buffer = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    bytes = buffer.subarray(0, filled);
  } catch (error) {
    // A socket cannot be opened as a file at all.
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') return { reason: 'not a regular file' };
    return { reason: describeReadError(error) };
  } finally {
    await file?.close();
  }
  const decoded = decode(bytes);
  if ('text' in decoded && decoded.text.trim() === '') return { reason: 'empty file (only whitespace)' };
  return decoded;
}
