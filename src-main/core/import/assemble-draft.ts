// Turns what a format reader found into the draft: metadata tidied, gaps filled from the body, furniture flagged.
import { metadataFromBody } from './body-metadata';
import { dateFromValue } from './dates';
import { flagFurniture } from './furniture';
import { invalid } from './messages';
import { tidyLine } from './normalize-text';
import type { ImportDraft, ImportFormat, ImportMetadata } from './types';
import { httpUrl } from './urls';

export interface DraftParts {
  format: ImportFormat;
  metadata: ImportMetadata;
  /** Markdown blocks in order; empty ones are dropped. */
  blocks: string[];
  warnings: string[];
}

function tidyMetadata(metadata: ImportMetadata): ImportMetadata {
  const tidy = (value: string): string => tidyLine(value.normalize('NFC'));
  return {
    title: tidy(metadata.title),
    author: tidy(metadata.author).replace(/^by\s+/i, ''),
    outlet: tidy(metadata.outlet),
    date: dateFromValue(metadata.date),
    url: httpUrl(metadata.url),
  };
}

export function assembleDraft(fileName: string, parts: DraftParts): ImportDraft {
  const blocks = parts.blocks.map((block) => block.normalize('NFC').replace(/\s+$/, '')).filter((b) => b.trim());
  if (blocks.length === 0) throw invalid(fileName, 'contains no text to import.');
  const body = metadataFromBody(blocks, tidyMetadata(parts.metadata));
  const metadata = tidyMetadata(body.metadata);
  const reasons = flagFurniture(body.blocks, { title: metadata.title });
  return {
    fileName,
    format: parts.format,
    ...metadata,
    blocks: body.blocks.map((markdown, index) => ({ markdown, furniture: reasons[index] ?? null })),
    warnings: [...new Set([...parts.warnings, ...body.warnings])],
  };
}
