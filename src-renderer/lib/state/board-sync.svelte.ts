// Keeping one window's board in step with the others on the same board: the versions this window last saw (sent
// with every write, so a write against an older board is refused instead of overwriting another window's change),
// whether a push names a change this window has not seen, and, after a refused write, the text the student typed
// but could not save, offered back so nothing typed is lost.
import type {
  Board,
  BoardArrangement,
  BoardVersions,
  VersionedPlacement,
  VersionedPosition,
} from '../../../src-main/shared/domain';

export type TextField = 'thesisMarkdown' | 'conclusionMarkdown';

/** The key of a text on the board: the same keys as the board's pending autosaves. */
export const reasoningKey = (cardId: string) => `reasoning:${cardId}`;
export const positionKey = (field: TextField) => `position:${field}`;

/** Text the student typed that the core refused (another window had changed the board): shown, and offered back. */
export interface RescuedText {
  key: string;
  /** What it was, in words: "your reasoning for “Joint drills”". */
  label: string;
  text: string;
  /** What the board has there now (the other window's text), to compare with. */
  latest: string;
  /** Whether another window changed this text too (else it can simply be saved again over the latest board). */
  contested: boolean;
  /** The card it was written for; null for the thesis or conclusion. */
  cardId: string | null;
  field: TextField | null;
}

export interface ConflictNotice {
  message: string;
  rescued: RescuedText[];
}

const NONE: BoardVersions = { layout: 0, placements: {}, thesis: 0, conclusion: 0 };

export class BoardSync {
  /** Read at send time by every save, so a save queued behind another sends the version that one answered. */
  private known: BoardVersions = NONE;
  /** Each text as the core last had it (loaded or saved): what differs on screen is not saved yet. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown
  private savedText = new Map<string, string>();
  /** The newest versions pushed by the core while this window was busy saving: checked once it is done. */
  private pushed: BoardVersions | null = null;
  /** Shown by ConflictNotice after a refused write; null when there is nothing to say. */
  notice = $state<ConflictNotice | null>(null);

  get versions(): BoardVersions {
    return this.known;
  }

  argumentVersion(cardId: string): number {
    return this.known.placements[cardId] ?? 0;
  }

  /** A board loaded from the core: everything on screen is what the core has. */
  reset(board: Pick<Board, 'placements' | 'position' | 'versions'>): void {
    this.known = { ...board.versions, placements: { ...board.versions.placements } };
    this.savedText.clear();
    for (const placement of board.placements) {
      this.savedText.set(reasoningKey(placement.cardId), placement.reasoningMarkdown);
    }
    this.savedText.set(positionKey('thesisMarkdown'), board.position.thesisMarkdown);
    this.savedText.set(positionKey('conclusionMarkdown'), board.position.conclusionMarkdown);
    this.pushed = null;
  }

  /**
   * Our move was saved against the layout we knew: the new layout is ours. A card placed for the first time (or
   * with the reasoning the core kept for it) brings its argument's version, which this window did not know yet.
   */
  movedCard(arrangement: BoardArrangement, cardId: string): void {
    this.known = { ...this.known, layout: arrangement.versions.layout };
    const version = arrangement.versions.placements[cardId];
    if (version !== undefined && this.known.placements[cardId] === undefined) {
      this.known.placements = { ...this.known.placements, [cardId]: version };
      const kept = arrangement.placements.find((placement) => placement.cardId === cardId);
      if (kept) this.savedText.set(reasoningKey(cardId), kept.reasoningMarkdown);
    }
  }

  savedArgument(placement: VersionedPlacement): void {
    this.known = { ...this.known, placements: { ...this.known.placements, [placement.cardId]: placement.version } };
    this.savedText.set(reasoningKey(placement.cardId), placement.reasoningMarkdown);
  }

  savedPosition(field: TextField, position: VersionedPosition): void {
    this.known = {
      ...this.known,
      ...(field === 'thesisMarkdown' ? { thesis: position.thesisVersion } : { conclusion: position.conclusionVersion }),
    };
    this.savedText.set(positionKey(field), position[field]);
  }

  /** A whole board was put back (undo, redo, or a retry) against the versions we knew: all of it is ours now. */
  restored(arrangement: BoardArrangement): void {
    this.known = {
      ...arrangement.versions,
      // Cards sent back to the pool keep their argument (and its version) for when they come back.
      placements: { ...this.known.placements, ...arrangement.versions.placements },
    };
    for (const placement of arrangement.placements) {
      this.savedText.set(reasoningKey(placement.cardId), placement.reasoningMarkdown);
    }
    this.savedText.set(positionKey('thesisMarkdown'), arrangement.position.thesisMarkdown);
    this.savedText.set(positionKey('conclusionMarkdown'), arrangement.position.conclusionMarkdown);
  }

  /** A push arrived while saves were on their way: remember the newest, to be checked when they are done. */
  notePush(versions: BoardVersions): void {
    const last = this.pushed;
    this.pushed = last ? newest(last, versions) : versions;
  }

  /** Whether the pushes noted since the last check name a change this window has not seen (then: reload). */
  takePushedNews(): boolean {
    const pushed = this.pushed;
    this.pushed = null;
    return pushed !== null && this.isNews(pushed);
  }

  /**
   * Versions only go up, so anything higher than what we know is another window's change; our own saves come back
   * as pushes with versions we already adopted from their answers.
   */
  isNews(versions: BoardVersions): boolean {
    const known = this.known;
    if (versions.layout > known.layout || versions.thesis > known.thesis || versions.conclusion > known.conclusion) {
      return true;
    }
    return Object.entries(versions.placements).some(([cardId, version]) => version > (known.placements[cardId] ?? 0));
  }

  /**
   * After a refused write: the texts on screen that were typed here and never saved, and that the latest board
   * (just loaded) does not already have. `onScreen` lists every text field with its label.
   */
  unsavedTexts(
    onScreen: Array<Omit<RescuedText, 'latest' | 'contested'>>,
    board: Pick<Board, 'placements' | 'position'>,
  ): RescuedText[] {
    const latestText = (item: Omit<RescuedText, 'latest' | 'contested'>): string => {
      if (item.field) return board.position[item.field];
      return board.placements.find((placement) => placement.cardId === item.cardId)?.reasoningMarkdown ?? '';
    };
    return onScreen
      .map((item) => {
        const latest = latestText(item);
        return { ...item, latest, contested: latest !== (this.savedText.get(item.key) ?? '') };
      })
      .filter(
        (item) =>
          item.text.trim() !== '' && item.text !== (this.savedText.get(item.key) ?? '') && item.text !== item.latest,
      );
  }

  /** The student took back (or set aside) one rescued text. */
  dropRescued(key: string): void {
    if (!this.notice) return;
    this.notice = { ...this.notice, rescued: this.notice.rescued.filter((item) => item.key !== key) };
  }

  dismiss(): void {
    this.notice = null;
  }
}

function newest(a: BoardVersions, b: BoardVersions): BoardVersions {
  const placements = { ...a.placements };
  for (const [cardId, version] of Object.entries(b.placements)) {
    placements[cardId] = Math.max(version, placements[cardId] ?? 0);
  }
  return {
    layout: Math.max(a.layout, b.layout),
    placements,
    thesis: Math.max(a.thesis, b.thesis),
    conclusion: Math.max(a.conclusion, b.conclusion),
  };
}
