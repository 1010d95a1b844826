// Puts the XSS corpus into every user-written field of a host through the real API: article bodies, titles, authors,
// outlets, tags, card tags, annotation notes, student names, a debate's motion, side labels and instructions, live
// phase names, and a student's board (placements' reasoning, thesis, conclusion), handed in.
import { callApiOk } from './api';
import { teacherId, teacherToken } from './teacher';
import { XSS_CORPUS, corpusInGroups, payloadsUpTo, type XssPayload } from './xss-corpus';

export interface HostileWorld {
  token: string;
  debateId: string;
  motion: string;
  sideA: string;
  sideB: string;
  /** Article titles, in the order created. */
  titles: string[];
  /** Every card's tag: one per payload that fits a tag. */
  tags: string[];
  /** The student whose board holds every card (with hostile reasoning), and a second one for the class results. */
  student: { id: string; name: string };
  classmate: { id: string; name: string };
  studentNames: string[];
  phaseNames: string[];
}

/** Names, labels and titles must not hold control characters (the API or the DOM would normalise them). */
const printable = (entry: XssPayload) => [...entry.payload].every((character) => character >= ' ');

/** The whole corpus as Markdown: one paragraph per payload, each introduced by its own (unique) sentence. */
export function corpusMarkdown(payloads: readonly XssPayload[], label: string): string {
  return payloads.map((entry) => `${label} sentence ${entry.id} here.\n\n${entry.payload}`).join('\n\n');
}

function sentence(label: string, entry: XssPayload): string {
  return `${label} sentence ${entry.id} here.`;
}

export async function seedHostileWorld(url: string): Promise<HostileWorld> {
  const token = await teacherToken(url);
  const teacher = await teacherId(url);
  const titles: string[] = [];
  const tags: string[] = [];
  const articleIds: string[] = [];
  const cardIds: string[] = [];
  const shortPayloads = payloadsUpTo(40).filter(printable);

  for (const [index, group] of corpusInGroups(11).entries()) {
    const label = `Article ${index + 1}`;
    const title = `Hostile ${label}: ${group[0]!.payload.replace(/\s+/g, ' ')}`;
    const article = await callApiOk(url, 'articles.create', {
      teacherToken: token,
      title,
      author: group[1]?.payload,
      outlet: group[2]?.payload,
      date: '2022-01-21',
      // Only http(s) addresses are accepted; the quote and angle brackets try to break out of an href.
      url: `https://example.org/a${index}?q="><img src=x onerror=__xss_hit(${group[0]!.id})>`,
      bodyMarkdown: corpusMarkdown(group, label),
      tags: [shortPayloads[index % shortPayloads.length]!.payload, `safe-tag-${index}`],
    });
    titles.push(title);
    articleIds.push(article.id);
    const { bodyText } = await callApiOk(url, 'articles.get', { articleId: article.id });
    for (const entry of group) {
      const quote = sentence(label, entry);
      const start = bodyText.indexOf(quote);
      if (start < 0) throw new Error(`"${quote}" is not in the article's text`);
      const range = { start, end: start + quote.length, quote };
      const tag = entry.payload.length <= 300 ? entry.payload : `Card ${entry.id}`;
      const card = await callApiOk(url, 'excerpts.create', {
        personId: teacher,
        teacherToken: token,
        articleId: article.id,
        kind: 'card',
        tag,
        ...range,
      });
      cardIds.push(card.id);
      tags.push(card.tag ?? tag);
    }
    // One annotation per article whose note holds the whole group (notes are Markdown).
    const first = sentence(label, group[0]!);
    const start = bodyText.indexOf(first);
    await callApiOk(url, 'excerpts.create', {
      personId: teacher,
      teacherToken: token,
      articleId: article.id,
      kind: 'annotation',
      label: 'question',
      noteMarkdown: corpusMarkdown(group, `Note ${index + 1}`),
      start,
      end: start + first.length,
      quote: first,
    });
  }

  const studentNames = payloadsUpTo(80)
    .filter(printable)
    .slice(0, 24)
    .map((entry) => entry.payload.replace(/\s+/g, ' ').trim());
  const students = [];
  for (const name of studentNames) students.push(await callApiOk(url, 'people.add', { teacherToken: token, name }));

  const sides = payloadsUpTo(60).filter(printable);
  const motion = XSS_CORPUS.filter(printable)
    .slice(0, 8)
    .map((entry) => entry.payload.replace(/\s+/g, ' '))
    .join(' ')
    .slice(0, 490);
  const setup = await callApiOk(url, 'debates.create', {
    teacherToken: token,
    motion,
    sideA: sides[3]!.payload,
    sideB: sides[7]!.payload,
    instructionsMarkdown: corpusMarkdown(XSS_CORPUS, 'Instructions'),
    articleIds,
    poolCardIds: cardIds,
  });

  const phaseNames = shortPayloads.slice(0, 12).map((entry) => entry.payload);
  await callApiOk(url, 'live.setPhases', {
    teacherToken: token,
    debateId: setup.id,
    phases: phaseNames.map((name) => ({ name, minutes: 1 })),
  });

  // The first student places every card, alternating sides, each with one payload as its reasoning.
  const student = students[0]!;
  const classmate = students[1]!;
  for (const [index, cardId] of cardIds.entries()) {
    const ref = { debateId: setup.id, studentId: student.id, cardId };
    await callApiOk(url, 'cards.place', { ...ref, side: index % 2 === 0 ? 'A' : 'B', index });
    const entry = XSS_CORPUS[index % XSS_CORPUS.length]!;
    await callApiOk(url, 'placements.update', {
      ...ref,
      reasoningMarkdown: `Reasoning ${entry.id}: ${entry.payload}`,
      strength: 2,
    });
  }
  await callApiOk(url, 'positions.update', {
    debateId: setup.id,
    studentId: student.id,
    thesisMarkdown: corpusMarkdown(XSS_CORPUS.slice(0, 33), 'Thesis'),
    conclusionMarkdown: corpusMarkdown(XSS_CORPUS.slice(33), 'Conclusion'),
  });
  await callApiOk(url, 'positions.submit', { debateId: setup.id, studentId: student.id });
  for (const [index, cardId] of cardIds.slice(0, 6).entries()) {
    await callApiOk(url, 'cards.place', {
      debateId: setup.id,
      studentId: classmate.id,
      cardId,
      side: index % 2 === 0 ? 'B' : 'A',
      index,
    });
  }

  return {
    token,
    debateId: setup.id,
    motion: setup.motion,
    sideA: setup.sideA,
    sideB: setup.sideB,
    titles,
    tags,
    student: { id: student.id, name: student.name },
    classmate: { id: classmate.id, name: classmate.name },
    studentNames: students.map((person) => person.name),
    phaseNames,
  };
}
