// The argument sheet as HTML: a self-contained document with a print stylesheet and no script at all.
import type { SheetModel } from '../../shared/sheet';

export interface SheetHtml {
  /** The whole document: what the .html export is and what the PDF is printed from. */
  document: string;
  /** The <article class="sheet"> element alone: what the in-app preview shows. */
  body: string;
}

// TODO(sheet-core helper)
export function renderSheetHtml(sheet: SheetModel, resourcesDir: string): SheetHtml {
  const body = `<article class="sheet"><h1>${sheet.motion.replace(/[<&>]/g, '')}</h1></article>`;
  return {
    body,
    document: `<!doctype html><html lang="en"><head><title>sheet</title></head><body>${body}</body></html>${resourcesDir ? '' : ''}`,
  };
}
