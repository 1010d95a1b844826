// An article's source details as the form holds them (all text), and as the contract takes them.
import type { Cite, ImportDraft } from '../../src-main/shared/domain';
import { parseTags, tagProblem } from './files';

export interface ArticleFieldValues {
  title: string;
  author: string;
  outlet: string;
  date: string;
  url: string;
  /** Comma-separated, as typed. */
  tags: string;
}

export interface ArticleFieldInput {
  title: string;
  author: string;
  outlet: string;
  date: string;
  url: string;
  tags: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date the date field can hold: the day of an ISO timestamp, or '' when the text is not a date. */
export function isoDay(text: string): string {
  const day = text.trim().slice(0, 10);
  return ISO_DATE.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? day : '';
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function fieldsFromCite(cite: Cite & { tags?: string[] }): ArticleFieldValues {
  return {
    title: cite.title ?? '',
    author: cite.author ?? '',
    outlet: cite.outlet ?? '',
    date: cite.date ?? '',
    url: cite.url ?? '',
    tags: (cite.tags ?? []).join(', '),
  };
}

/** What an importer found; a date or link it could not read cleanly is left empty rather than refused later. */
export function fieldsFromDraft(draft: ImportDraft): ArticleFieldValues {
  return {
    title: draft.title,
    author: draft.author,
    outlet: draft.outlet,
    date: isoDay(draft.date),
    url: isHttpUrl(draft.url.trim()) ? draft.url.trim() : '',
    tags: '',
  };
}

/** The fields as the contract takes them, or the first problem in words for the teacher. */
export function checkFields(
  values: ArticleFieldValues,
): { ok: true; input: ArticleFieldInput } | { ok: false; problem: string } {
  const url = values.url.trim();
  if (url && !isHttpUrl(url))
    return { ok: false, problem: 'The link must be a web address starting with http:// or https://.' };
  const date = values.date.trim();
  if (date && !isoDay(date)) return { ok: false, problem: 'The date must be a day like 2022-01-21.' };
  const tags = parseTags(values.tags);
  const problem = tagProblem(tags);
  if (problem) return { ok: false, problem };
  return {
    ok: true,
    input: {
      title: values.title.trim(),
      author: values.author.trim(),
      outlet: values.outlet.trim(),
      date,
      url,
      tags,
    },
  };
}
