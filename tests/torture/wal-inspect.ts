// Reads the write-ahead log a kill left behind, before anything opens the file again: frames written after the last
// commit are a transaction the kill caught half-way, with some of its pages already on disk (sqlite.org/fileformat2).
import { existsSync, readFileSync } from 'node:fs';

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;

/** Frames of the current WAL generation after its last commit frame: 0 if none (or no WAL at all). */
export function uncommittedWalFrames(dataFile: string): number {
  const walFile = `${dataFile}-wal`;
  if (!existsSync(walFile)) return 0;
  const wal = readFileSync(walFile);
  if (wal.length < WAL_HEADER_BYTES) return 0;
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let frames = 0;
  let lastCommit = 0;
  for (let at = WAL_HEADER_BYTES; at + FRAME_HEADER_BYTES + pageSize <= wal.length; at += FRAME_HEADER_BYTES + pageSize) {
    // Frames with other salts are left over from before the log was last restarted: not part of this generation.
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    frames += 1;
    if (wal.readUInt32BE(at + 4) !== 0) lastCommit = frames;
  }
  return frames - lastCommit;
}
