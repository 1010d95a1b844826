-- Versions of a student's board, so two windows editing it never lose an update silently: a write names the
-- version it saw, and one made against an older version is refused. Triggers keep the versions, so every write
-- path bumps them, including those that know nothing about versions (pack and work imports, student removal).
--
-- Every version is drawn from one clock for the whole file that only ever goes up: a value is never given out
-- twice, so a placement deleted and made again (or a student removed and imported again) never comes back with
-- a version an open window still holds. 0 means "never written".
CREATE TABLE version_clock (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
) STRICT;
INSERT INTO version_clock (id, value) VALUES (1, 0);

-- The layout of a board: which cards are on which side, in which order.
CREATE TABLE board_versions (
  debate_id      INTEGER NOT NULL REFERENCES debates (id) ON DELETE CASCADE,
  student_id     INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  layout_version INTEGER NOT NULL,
  PRIMARY KEY (debate_id, student_id)
) STRICT;

-- The student's argument for one card: reasoning, strength and relevance.
ALTER TABLE placements ADD COLUMN argument_version INTEGER NOT NULL DEFAULT 0;
-- The thesis and the conclusion, apart: two windows may write one each without a conflict.
ALTER TABLE positions ADD COLUMN thesis_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE positions ADD COLUMN conclusion_version INTEGER NOT NULL DEFAULT 0;

-- Boards written before this migration start at version 1 (a value the clock then never gives out again).
UPDATE version_clock SET value = 1;
INSERT INTO board_versions (debate_id, student_id, layout_version)
  SELECT DISTINCT debate_id, student_id, 1 FROM placements WHERE side IS NOT NULL;
UPDATE placements SET argument_version = 1;
UPDATE positions SET thesis_version = 1 WHERE thesis_markdown <> '';
UPDATE positions SET conclusion_version = 1 WHERE conclusion_markdown <> '';

-- ── Layout ───────────────────────────────────────────────────────────────────────────────────────────────
CREATE TRIGGER placements_layout_insert AFTER INSERT ON placements
WHEN NEW.side IS NOT NULL
BEGIN
  UPDATE version_clock SET value = value + 1;
  INSERT INTO board_versions (debate_id, student_id, layout_version)
    VALUES (NEW.debate_id, NEW.student_id, (SELECT value FROM version_clock))
    ON CONFLICT (debate_id, student_id) DO UPDATE SET layout_version = excluded.layout_version;
END;

CREATE TRIGGER placements_layout_update AFTER UPDATE OF side, position ON placements
WHEN OLD.side IS NOT NEW.side OR (NEW.side IS NOT NULL AND OLD.position <> NEW.position)
BEGIN
  UPDATE version_clock SET value = value + 1;
  INSERT INTO board_versions (debate_id, student_id, layout_version)
    VALUES (NEW.debate_id, NEW.student_id, (SELECT value FROM version_clock))
    ON CONFLICT (debate_id, student_id) DO UPDATE SET layout_version = excluded.layout_version;
END;

-- When the student or the debate itself is being deleted there is no board left to version (and a row for it
-- would break its foreign keys).
CREATE TRIGGER placements_layout_delete AFTER DELETE ON placements
WHEN OLD.side IS NOT NULL
  AND EXISTS (SELECT 1 FROM people WHERE id = OLD.student_id)
  AND EXISTS (SELECT 1 FROM debates WHERE id = OLD.debate_id)
BEGIN
  UPDATE version_clock SET value = value + 1;
  INSERT INTO board_versions (debate_id, student_id, layout_version)
    VALUES (OLD.debate_id, OLD.student_id, (SELECT value FROM version_clock))
    ON CONFLICT (debate_id, student_id) DO UPDATE SET layout_version = excluded.layout_version;
END;

-- ── One card's argument ──────────────────────────────────────────────────────────────────────────────────
CREATE TRIGGER placements_argument_insert AFTER INSERT ON placements
BEGIN
  UPDATE version_clock SET value = value + 1;
  UPDATE placements SET argument_version = (SELECT value FROM version_clock) WHERE id = NEW.id;
END;

-- Saving the same text again changes nothing, so it bumps nothing. (Setting argument_version itself does not
-- fire this trigger: it is not one of the columns listed.)
CREATE TRIGGER placements_argument_update AFTER UPDATE OF reasoning_markdown, strength, relevance ON placements
WHEN OLD.reasoning_markdown IS NOT NEW.reasoning_markdown
  OR OLD.strength IS NOT NEW.strength
  OR OLD.relevance IS NOT NEW.relevance
BEGIN
  UPDATE version_clock SET value = value + 1;
  UPDATE placements SET argument_version = (SELECT value FROM version_clock) WHERE id = NEW.id;
END;

-- ── Thesis and conclusion ────────────────────────────────────────────────────────────────────────────────
-- A new row with an empty field keeps 0 for it: empty and never written look the same to a window.
CREATE TRIGGER positions_version_insert AFTER INSERT ON positions
BEGIN
  UPDATE version_clock SET value = value + 1;
  UPDATE positions SET
    thesis_version = CASE WHEN NEW.thesis_markdown <> '' THEN (SELECT value FROM version_clock) ELSE 0 END,
    conclusion_version = CASE WHEN NEW.conclusion_markdown <> '' THEN (SELECT value FROM version_clock) ELSE 0 END
  WHERE id = NEW.id;
END;

CREATE TRIGGER positions_thesis_update AFTER UPDATE OF thesis_markdown ON positions
WHEN OLD.thesis_markdown IS NOT NEW.thesis_markdown
BEGIN
  UPDATE version_clock SET value = value + 1;
  UPDATE positions SET thesis_version = (SELECT value FROM version_clock) WHERE id = NEW.id;
END;

CREATE TRIGGER positions_conclusion_update AFTER UPDATE OF conclusion_markdown ON positions
WHEN OLD.conclusion_markdown IS NOT NEW.conclusion_markdown
BEGIN
  UPDATE version_clock SET value = value + 1;
  UPDATE positions SET conclusion_version = (SELECT value FROM version_clock) WHERE id = NEW.id;
END;
