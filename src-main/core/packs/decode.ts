// The bytes of a shared file as the API receives them (base64), refused with the file's name when damaged or too large.
import { MAX_IMPORT_FILE_BYTES } from '../../shared/limits';
import { fileProblem } from './zip-read';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function decodeSharedFile(fileName: string, dataBase64: string): Uint8Array {
  if (dataBase64.length % 4 !== 0 || !BASE64.test(dataBase64)) {
    throw fileProblem(fileName, 'its data arrived damaged (not base64).');
  }
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw fileProblem(fileName, 'the file is empty.');
  if (bytes.length > MAX_IMPORT_FILE_BYTES) throw fileProblem(fileName, 'the file is larger than 10 MB.', 'TOO_LARGE');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
