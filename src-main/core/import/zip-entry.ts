// Reads one small file out of a zip archive (a .docx's docProps/core.xml) with node:zlib, or null.
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_ENTRY_BYTES = 1024 * 1024;

export function readZipEntry(bytes: Uint8Array, name: string): Buffer | null {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    let end = zip.length - 22;
    while (end >= Math.max(0, zip.length - 22 - 65535) && zip.readUInt32LE(end) !== END_OF_DIRECTORY) end--;
    if (end < 0 || zip.readUInt32LE(end) !== END_OF_DIRECTORY) return null;
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    for (let i = 0; i < count && zip.readUInt32LE(at) === DIRECTORY_ENTRY; i++) {
      const method = zip.readUInt16LE(at + 10);
      const compressedSize = zip.readUInt32LE(at + 20);
      const size = zip.readUInt32LE(at + 24);
      const nameLength = zip.readUInt16LE(at + 28);
      const extraLength = zip.readUInt16LE(at + 30);
      const commentLength = zip.readUInt16LE(at + 32);
      const localHeader = zip.readUInt32LE(at + 42);
      const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + extraLength + commentLength;
      if (entryName !== name) continue;
      if (size > MAX_ENTRY_BYTES || zip.readUInt32LE(localHeader) !== LOCAL_HEADER) return null;
      const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
      return null;
    }
    return null;
  } catch {
    return null;
  }
}
