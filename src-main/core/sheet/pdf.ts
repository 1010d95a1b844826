// Printing HTML to PDF needs a Chromium: the Electron shell brings its own, the browser host finds one on the
// machine. The core only knows this interface, so it stays free of both.
export interface PdfPrinter {
  /** The sheet's self-contained HTML document → the bytes of a PDF. */
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}
