-- Classroom sessions: class results a debate may hide until the teacher reveals them, students handing in
-- (submitting) their board, the live session's phases, and the work files a teacher has imported.

-- 1 = students see the class results only after the teacher reveals them ("commit before you see").
ALTER TABLE debates ADD COLUMN results_hidden INTEGER NOT NULL DEFAULT 0 CHECK (results_hidden IN (0, 1));
-- When the teacher revealed the results; NULL while hidden (or never hidden).
ALTER TABLE debates ADD COLUMN results_revealed_at TEXT;
-- The live session's phases as JSON [{ "name": "Preparation", "minutes": 10 }, …]; '' = the default phases.
ALTER TABLE debates ADD COLUMN phases_json TEXT NOT NULL DEFAULT '';

-- When the student handed their board in; NULL = still working on it.
ALTER TABLE positions ADD COLUMN submitted_at TEXT;

-- One row per student per debate whose work came in by file: a newer file replaces the older one's work,
-- an older or equal one changes nothing.
CREATE TABLE work_imports (
  debate_id   INTEGER NOT NULL REFERENCES debates (id) ON DELETE CASCADE,
  student_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  exported_at TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  file_name   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (debate_id, student_id)
) STRICT;
