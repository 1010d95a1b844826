// Plain text and Markdown (typed, pasted or from .txt/.md files) to draft parts.
import type { DraftParts } from './assemble-draft';
import { markdownBlocks, plainTextBlocks } from './block-split';
import { readFrontMatter } from './front-matter';
import { normalizeText } from './normalize-text';
import { NO_METADATA } from './types';

/**
 * Markdown is kept as the author wrote it (the renderer sanitizes raw HTML at display); plain
 * text is split at blank lines and escaped just enough that Markdown shows it as written.
 */
export function textParts(text: string, format: 'text' | 'markdown', warnings: string[] = []): DraftParts {
  const normalized = normalizeText(text);
  if (format === 'text') {
    return { format, metadata: NO_METADATA, blocks: plainTextBlocks(normalized), warnings };
  }
  const frontMatter = readFrontMatter(normalized);
  return {
    format,
    metadata: frontMatter.metadata,
    blocks: markdownBlocks(frontMatter.body),
    warnings: [...warnings, ...frontMatter.warnings],
  };
}
