// The argument sheet as a Word document (.docx), with the debate layout competitive debaters know from Verbatim.
import type { SheetModel } from '../../shared/sheet';
import { AppError } from '../errors';

// TODO(docx helper)
export function renderSheetDocx(sheet: SheetModel): Promise<Uint8Array> {
  return Promise.reject(new AppError('INTERNAL', `Word export is not built yet (${sheet.motion}).`));
}
