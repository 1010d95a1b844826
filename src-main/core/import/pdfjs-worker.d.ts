// Types for pdf.js's worker module, which ships without declarations: only the handler the fake worker needs.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
