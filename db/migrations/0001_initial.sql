-- The whole domain of DESIGN.md: people, articles (+ FTS5), excerpts and cards, debates, pools, placements.
-- Every entity carries a UUID besides its row id, so files from another machine merge without collisions.
-- Timestamps are ISO 8601 UTC text.

CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE people (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role       TEXT NOT NULL CHECK (role IN ('teacher', 'student')),
  pin_hash   TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL DEFAULT '',
  author        TEXT,
  outlet        TEXT,
  published     TEXT,
  url           TEXT,
  body_markdown TEXT NOT NULL,
  body_text     TEXT NOT NULL,
  checksum      TEXT NOT NULL UNIQUE,
  word_count    INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, author, outlet, body_text,
  content = 'articles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, author, outlet, body_text)
  VALUES (new.id, new.title, new.author, new.outlet, new.body_text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, author, outlet, body_text)
  VALUES ('delete', old.id, old.title, old.author, old.outlet, old.body_text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, author, outlet, body_text)
  VALUES ('delete', old.id, old.title, old.author, old.outlet, old.body_text);
  INSERT INTO articles_fts (rowid, title, author, outlet, body_text)
  VALUES (new.id, new.title, new.author, new.outlet, new.body_text);
END;

-- An excerpt is a highlighted range of an article (Hypothesis-style anchor: offsets in body_text,
-- exact quote, 32 characters of context each side). kind 'card' adds a tag: an evidence card.
CREATE TABLE excerpts (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  owner_id     INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('annotation', 'card')),
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset   INTEGER NOT NULL CHECK (end_offset > start_offset),
  quote        TEXT NOT NULL,
  prefix       TEXT NOT NULL DEFAULT '',
  suffix       TEXT NOT NULL DEFAULT '',
  orphaned     INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
  label        TEXT,
  note_markdown TEXT NOT NULL DEFAULT '',
  tag          TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (kind = 'annotation' OR tag IS NOT NULL)
) STRICT;
CREATE INDEX excerpts_article ON excerpts (article_id);
CREATE INDEX excerpts_owner ON excerpts (owner_id);

CREATE TABLE debates (
  id                    INTEGER PRIMARY KEY,
  uuid                  TEXT NOT NULL UNIQUE,
  motion                TEXT NOT NULL CHECK (length(trim(motion)) > 0),
  side_a_label          TEXT NOT NULL DEFAULT 'Alliance',
  side_b_label          TEXT NOT NULL DEFAULT 'Rivalry',
  instructions_markdown TEXT NOT NULL DEFAULT '',
  status                TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'locked', 'archived')),
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL
) STRICT;

CREATE TABLE debate_articles (
  debate_id  INTEGER NOT NULL REFERENCES debates (id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  PRIMARY KEY (debate_id, article_id)
) STRICT;

-- The class pool: teacher cards every student of the debate sees.
CREATE TABLE debate_pool (
  debate_id  INTEGER NOT NULL REFERENCES debates (id) ON DELETE CASCADE,
  excerpt_id INTEGER NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  PRIMARY KEY (debate_id, excerpt_id)
) STRICT;

-- Where one student put one card in one debate. side NULL = back in the pool; the row (and the
-- reasoning written so far) is kept so moving a card out and back loses nothing.
CREATE TABLE placements (
  id                INTEGER PRIMARY KEY,
  uuid              TEXT NOT NULL UNIQUE,
  debate_id         INTEGER NOT NULL REFERENCES debates (id) ON DELETE CASCADE,
  student_id        INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  excerpt_id        INTEGER NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
  side              TEXT CHECK (side IN ('A', 'B')),
  position          INTEGER NOT NULL DEFAULT 0,
  reasoning_markdown TEXT NOT NULL DEFAULT '',
  strength          INTEGER CHECK (strength BETWEEN 1 AND 3),
  relevance         INTEGER CHECK (relevance BETWEEN 1 AND 3),
  version           INTEGER NOT NULL DEFAULT 1,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (debate_id, student_id, excerpt_id)
) STRICT;
CREATE INDEX placements_board ON placements (debate_id, student_id, side, position);

-- A student's own words for a whole debate: thesis and conclusion.
CREATE TABLE positions (
  id                  INTEGER PRIMARY KEY,
  uuid                TEXT NOT NULL UNIQUE,
  debate_id           INTEGER NOT NULL REFERENCES debates (id) ON DELETE CASCADE,
  student_id          INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  thesis_markdown     TEXT NOT NULL DEFAULT '',
  conclusion_markdown TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (debate_id, student_id)
) STRICT;
