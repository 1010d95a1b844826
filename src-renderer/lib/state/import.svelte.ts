// The import flow's state: pasted text or one file → a draft the teacher reviews and saves; several files or a
// folder → a batch that drafts and saves each file in turn, reporting each one. Kept while the teacher looks
// elsewhere, so a running batch or a half-reviewed draft is still there on return.
import type { ArticleSummary, ImportDraft } from '../../../src-main/shared/domain';
import { ApiError, api } from '../api/client';
import { checkFields, fieldsFromDraft, type ArticleFieldValues } from '../article-fields';
import { displayName, fileToBase64, isImportable, refusalOf } from '../files';
import { teacher } from './teacher.svelte';

export type ImportStage = 'choose' | 'reading' | 'review' | 'saved' | 'batch';

export interface ReviewBlock {
  markdown: string;
  /** Why it looks like page furniture (a share bar, a comment form…), or null. */
  furniture: string | null;
  remove: boolean;
}

export type BatchOutcome =
  | { kind: 'waiting' }
  | { kind: 'working' }
  | { kind: 'imported'; article: ArticleSummary; removed: number }
  | { kind: 'duplicate'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'skipped' };

const SAVE_REASON = 'Saving to the library is for the teacher.';
const NOT_SAVED = 'Not saved: teacher mode is locked. Unlock it with the PIN and save again.';

export interface BatchItem {
  name: string;
  file: File;
  outcome: BatchOutcome;
}

/** "Could not import “a.pdf”: …" unless the message already names the file. */
function aboutFile(name: string, message: string): string {
  return message.includes(name) ? message : `Could not import “${name}”: ${message}`;
}

export function keptMarkdown(blocks: ReviewBlock[]): string {
  return blocks
    .filter((block) => !block.remove)
    .map((block) => block.markdown.trim())
    .filter((markdown) => markdown.length > 0)
    .join('\n\n');
}

class ImportState {
  stage = $state<ImportStage>('choose');
  /** Why the last step failed, for a role=alert (file errors name the file). */
  error = $state('');
  pasteText = $state('');

  draft = $state<ImportDraft | null>(null);
  /** Where the draft came from: a file's name, or null for pasted text. */
  source = $state<string | null>(null);
  fields = $state<ArticleFieldValues>({ title: '', author: '', outlet: '', date: '', url: '', tags: '' });
  blocks = $state<ReviewBlock[]>([]);
  saving = $state(false);
  saved = $state<ArticleSummary | null>(null);

  batch = $state<BatchItem[]>([]);
  batchRunning = $state(false);
  batchStarted = $state(false);
  stopRequested = $state(false);
  removeFurnitureInBatch = $state(false);

  keptCount = $derived(this.blocks.filter((block) => !block.remove).length);
  flaggedCount = $derived(this.blocks.filter((block) => block.furniture !== null).length);
  batchTodo = $derived(this.batch.filter((item) => item.outcome.kind !== 'skipped'));
  batchFinished = $derived(
    this.batchTodo.filter((item) => item.outcome.kind !== 'waiting' && item.outcome.kind !== 'working').length,
  );
  batchImported = $derived(this.batch.filter((item) => item.outcome.kind === 'imported').length);
  batchDone = $derived(this.batchStarted && !this.batchRunning);
  busy = $derived(this.stage === 'reading' || this.saving || this.batchRunning);

  reset(): void {
    if (this.batchRunning) return;
    this.stage = 'choose';
    this.error = '';
    this.draft = null;
    this.source = null;
    this.blocks = [];
    this.saved = null;
    this.batch = [];
    this.batchStarted = false;
    this.stopRequested = false;
  }

  /** Pasted text or Markdown → the review form. */
  async reviewText(): Promise<void> {
    if (this.busy) return;
    if (!this.pasteText.trim()) {
      this.error = 'Paste the article’s text first.';
      return;
    }
    this.error = '';
    this.stage = 'reading';
    try {
      this.showDraft(await api.call('articles.draftFromText', { text: this.pasteText }), null);
    } catch (error) {
      this.stage = 'choose';
      this.error = (error as Error).message;
    }
  }

  /** Files from the picker, a drop or the window: one file is reviewed, several (or a folder) are a batch. */
  async takeFiles(files: File[], fromFolder = false): Promise<void> {
    if (this.busy) {
      this.error = 'Wait for the current import to finish, then add more files.';
      return;
    }
    if (files.length === 0) {
      if (fromFolder) this.error = 'That folder has no files in it.';
      return;
    }
    const [only] = files;
    if (only && files.length === 1 && !fromFolder) {
      await this.reviewFile(only);
      return;
    }
    this.reset();
    this.batch = files
      .map((file) => ({
        name: displayName(file),
        file,
        outcome: (isImportable(file.name) ? { kind: 'waiting' } : { kind: 'skipped' }) as BatchOutcome,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    this.stage = 'batch';
  }

  private async reviewFile(file: File): Promise<void> {
    const name = displayName(file);
    this.reset();
    const refusal = isImportable(file.name)
      ? refusalOf(file)
      : `“${name}” is not a file Debate Desk can import. Choose a .txt, .md, .html, .docx or .pdf file.`;
    if (refusal) {
      this.error = refusal;
      return;
    }
    this.stage = 'reading';
    this.source = name;
    try {
      const draft = await api.call('articles.draftFromFile', {
        fileName: file.name,
        dataBase64: await fileToBase64(file),
      });
      this.showDraft(draft, name);
    } catch (error) {
      this.stage = 'choose';
      this.error = aboutFile(name, (error as Error).message);
    }
  }

  private showDraft(draft: ImportDraft, source: string | null): void {
    this.draft = draft;
    this.source = source;
    this.fields = fieldsFromDraft(draft);
    this.blocks = draft.blocks.map((block) => ({ ...block, remove: false }));
    this.saved = null;
    this.error = '';
    this.stage = 'review';
  }

  tickAllFlagged(): void {
    for (const block of this.blocks) if (block.furniture !== null) block.remove = true;
  }

  async saveReview(): Promise<ArticleSummary | null> {
    if (this.saving) return null;
    const checked = checkFields(this.fields);
    if (!checked.ok) {
      this.error = checked.problem;
      return null;
    }
    const bodyMarkdown = keptMarkdown(this.blocks);
    if (!bodyMarkdown) {
      this.error = 'Every block is marked for removal: keep at least one, or there is no article to save.';
      return null;
    }
    this.saving = true;
    this.error = '';
    try {
      const saved = await teacher.call('articles.create', { ...checked.input, bodyMarkdown }, SAVE_REASON);
      if (!saved) {
        this.error = NOT_SAVED;
        return null;
      }
      this.saved = saved;
      this.stage = 'saved';
      return saved;
    } catch (error) {
      this.error = (error as Error).message;
      return null;
    } finally {
      this.saving = false;
    }
  }

  /** Drafts and saves each file with the metadata its importer found; a bad file is reported, not fatal. */
  async runBatch(): Promise<void> {
    if (this.batchRunning) return;
    this.batchRunning = true;
    this.batchStarted = true;
    this.stopRequested = false;
    this.error = '';
    try {
      for (const item of this.batch) {
        if (item.outcome.kind !== 'waiting') continue;
        if (this.stopRequested) break;
        item.outcome = { kind: 'working' };
        item.outcome = await this.importOne(item);
      }
    } finally {
      this.batchRunning = false;
    }
  }

  private async importOne(item: BatchItem): Promise<BatchOutcome> {
    const refusal = refusalOf(item.file);
    if (refusal) return { kind: 'error', message: refusal };
    try {
      const draft = await api.call('articles.draftFromFile', {
        fileName: item.file.name,
        dataBase64: await fileToBase64(item.file),
      });
      const blocks = draft.blocks.map((block) => ({
        ...block,
        remove: this.removeFurnitureInBatch && block.furniture !== null,
      }));
      const bodyMarkdown = keptMarkdown(blocks);
      if (!bodyMarkdown) {
        return { kind: 'error', message: aboutFile(item.name, 'no article text was left in it.') };
      }
      const checked = checkFields(fieldsFromDraft(draft));
      if (!checked.ok) return { kind: 'error', message: aboutFile(item.name, checked.problem) };
      const article = await teacher.call('articles.create', { ...checked.input, bodyMarkdown }, SAVE_REASON);
      if (!article) {
        this.stopRequested = true;
        return { kind: 'error', message: aboutFile(item.name, 'teacher mode is locked (the PIN was not entered).') };
      }
      return { kind: 'imported', article, removed: blocks.filter((block) => block.remove).length };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DUPLICATE') return { kind: 'duplicate', message: error.message };
      return { kind: 'error', message: aboutFile(item.name, (error as Error).message) };
    }
  }
}

export const importer = new ImportState();
