// Who is working and what they are looking at: shared by the header and every view.
import type { Person } from '../../../src-main/shared/domain';
import { api } from '../api/client';
import { teacher } from './teacher.svelte';

export type View =
  | { name: 'board'; debateId?: string }
  | { name: 'library' }
  | { name: 'import'; files?: File[] }
  | { name: 'edit'; articleId: string }
  /** `back`: where "← Back" leads ('board' and 'library' are short for those views). */
  | { name: 'reader'; articleId: string; back: View | 'board' | 'library'; excerptId?: string }
  | { name: 'debates' }
  | { name: 'debate-edit'; debateId: string | null }
  | { name: 'roster' }
  /** One student's argument sheet: from their board, or from the teacher's batch export. */
  | { name: 'sheet'; debateId: string; studentId: string; back: View | 'board' }
  /** The projector view of one debate: timer, phases and class tally. */
  | { name: 'live'; debateId: string }
  /** A debate's class results (the teacher from the debates list, a student from their board). */
  | { name: 'results'; debateId: string }
  /** The teacher's backups: list, back up now, restore. */
  | { name: 'backups' };

/** The views only the teacher may open: leaving teacher mode leaves them. */
const TEACHER_VIEWS = new Set<View['name']>(['import', 'edit', 'debates', 'debate-edit', 'roster', 'live', 'backups']);

export function viewOf(back: View | 'board' | 'library'): View {
  return typeof back === 'string' ? { name: back } : back;
}

/** Remembered per browser profile, so a shared classroom computer reopens on the last person. */
const PERSON_KEY = 'debate-desk.person';

class Session {
  people = $state<Person[]>([]);
  personId = $state<string | null>(localStorage.getItem(PERSON_KEY));
  view = $state<View>({ name: 'board' });
  loadError = $state<string | null>(null);
  /** Bumped when a backup was restored: the views are keyed on it, so each reloads what it shows. */
  dataVersion = $state(0);
  /** What the last restore did, shown in the Backups view (which is rebuilt by the restore) until another view. */
  restoredMessage = $state('');

  students = $derived(this.people.filter((person) => person.role === 'student'));
  teacher = $derived(this.people.find((person) => person.role === 'teacher') ?? null);
  person = $derived(this.people.find((person) => person.id === this.personId) ?? null);
  /** The current person when they are a student (only students have boards). */
  student = $derived(this.person?.role === 'student' ? this.person : null);
  /** Working as the teacher: choosing the teacher took the PIN (a refused token asks for it again). */
  teacherMode = $derived(this.person?.role === 'teacher');

  async load(): Promise<void> {
    try {
      this.people = await api.call('people.list', {});
      // The teacher remembered from another tab or an earlier run, without this tab's token: choose again.
      if (this.person?.role === 'teacher' && !teacher.unlocked) this.setPerson(null);
      this.loadError = null;
    } catch (error) {
      this.loadError = (error as Error).message;
    }
  }

  private setPerson(id: string | null): void {
    this.personId = id;
    if (id) localStorage.setItem(PERSON_KEY, id);
    else localStorage.removeItem(PERSON_KEY);
  }

  /** Changes who is working. The teacher takes the PIN; false (nothing changed) when it is cancelled. */
  async choosePerson(id: string | null): Promise<boolean> {
    if (id === this.personId) return true;
    const chosen = this.people.find((person) => person.id === id) ?? null;
    if (chosen?.role === 'teacher') {
      const token = await teacher.tokenOrAsk('Enter the teacher PIN to work as the teacher.');
      if (!token) return false;
    } else if (this.teacherMode) {
      this.leaveTeacherMode();
    }
    this.setPerson(chosen?.id ?? null);
    return true;
  }

  /** The Lock button: teacher mode ends and the computer is back to "Who is working?". */
  lockTeacher(): void {
    this.leaveTeacherMode();
    this.setPerson(null);
    this.view = { name: 'board' };
  }

  /** Ends teacher mode here at once (the token is forgotten before the core is told), so nothing can overtake it. */
  private leaveTeacherMode(): void {
    void teacher.lock();
    if (TEACHER_VIEWS.has(this.view.name)) this.view = { name: 'board' };
  }

  show(view: View): void {
    this.restoredMessage = '';
    this.view = view;
  }
}

export const session = new Session();
