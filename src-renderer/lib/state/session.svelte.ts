// Who is working and what they are looking at: shared by the header and every view.
import type { Person } from '../../../src-main/shared/domain';
import { api } from '../api/client';

export type View =
  { name: 'board' } | { name: 'library' } | { name: 'reader'; articleId: string; back: 'board' | 'library' };

const STUDENT_KEY = 'debate-desk.student';

class Session {
  people = $state<Person[]>([]);
  studentId = $state<string | null>(localStorage.getItem(STUDENT_KEY));
  view = $state<View>({ name: 'board' });
  loadError = $state<string | null>(null);

  students = $derived(this.people.filter((person) => person.role === 'student'));
  student = $derived(this.students.find((person) => person.id === this.studentId) ?? null);

  async load(): Promise<void> {
    try {
      this.people = await api.call('people.list', {});
    } catch (error) {
      this.loadError = (error as Error).message;
    }
  }

  chooseStudent(id: string | null): void {
    this.studentId = id;
    if (id) localStorage.setItem(STUDENT_KEY, id);
    else localStorage.removeItem(STUDENT_KEY);
  }

  show(view: View): void {
    this.view = view;
  }
}

export const session = new Session();
