// Who is working and what they are looking at: shared by the header and every view.
import type { Person } from '../../../src-main/shared/domain';
import { api } from '../api/client';

export type View =
  | { name: 'board' }
  | { name: 'library' }
  | { name: 'import'; files?: File[] }
  | { name: 'edit'; articleId: string }
  | { name: 'reader'; articleId: string; back: 'board' | 'library'; excerptId?: string };

/** Remembered per browser profile, so a shared classroom computer reopens on the last person. */
const PERSON_KEY = 'debate-desk.person';

class Session {
  people = $state<Person[]>([]);
  personId = $state<string | null>(localStorage.getItem(PERSON_KEY));
  view = $state<View>({ name: 'board' });
  loadError = $state<string | null>(null);

  students = $derived(this.people.filter((person) => person.role === 'student'));
  teacher = $derived(this.people.find((person) => person.role === 'teacher') ?? null);
  person = $derived(this.people.find((person) => person.id === this.personId) ?? null);
  /** The current person when they are a student (only students have boards). */
  student = $derived(this.person?.role === 'student' ? this.person : null);

  async load(): Promise<void> {
    try {
      this.people = await api.call('people.list', {});
    } catch (error) {
      this.loadError = (error as Error).message;
    }
  }

  choosePerson(id: string | null): void {
    this.personId = id;
    if (id) localStorage.setItem(PERSON_KEY, id);
    else localStorage.removeItem(PERSON_KEY);
  }

  show(view: View): void {
    this.view = view;
  }
}

export const session = new Session();
