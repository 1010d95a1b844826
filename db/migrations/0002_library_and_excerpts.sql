-- The library and close reading: topic tags on articles, an articles index built for search as you type,
-- and full-text search over excerpts (cards and annotations: tag, quote and note).

CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag        TEXT NOT NULL CHECK (length(trim(tag)) > 0),
  PRIMARY KEY (article_id, tag)
) STRICT;
CREATE INDEX article_tags_tag ON article_tags (tag);

CREATE VIRTUAL TABLE excerpts_fts USING fts5(
  tag, quote, note_markdown,
  content = 'excerpts', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

INSERT INTO excerpts_fts (rowid, tag, quote, note_markdown)
SELECT id, coalesce(tag, ''), quote, note_markdown FROM excerpts;

CREATE TRIGGER excerpts_fts_insert AFTER INSERT ON excerpts BEGIN
  INSERT INTO excerpts_fts (rowid, tag, quote, note_markdown)
  VALUES (new.id, coalesce(new.tag, ''), new.quote, new.note_markdown);
END;

CREATE TRIGGER excerpts_fts_delete AFTER DELETE ON excerpts BEGIN
  INSERT INTO excerpts_fts (excerpts_fts, rowid, tag, quote, note_markdown)
  VALUES ('delete', old.id, coalesce(old.tag, ''), old.quote, old.note_markdown);
END;

CREATE TRIGGER excerpts_fts_update AFTER UPDATE OF tag, quote, note_markdown ON excerpts BEGIN
  INSERT INTO excerpts_fts (excerpts_fts, rowid, tag, quote, note_markdown)
  VALUES ('delete', old.id, coalesce(old.tag, ''), old.quote, old.note_markdown);
  INSERT INTO excerpts_fts (rowid, tag, quote, note_markdown)
  VALUES (new.id, coalesce(new.tag, ''), new.quote, new.note_markdown);
END;

-- Search runs at each keystroke with the last word as a prefix. Prefix indexes of 2 to 6 letters keep
-- "kazak" from merging the lists of every word it starts; detail=column (no word positions) keeps the
-- larger index about as quick to fill as before. Search needs no positions: each query word is one token,
-- results are ordered without bm25 and snippets are made in src-main/core/search-snippet.ts.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, author, outlet, body_text,
  content = 'articles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  detail = column,
  prefix = '2 3 4 5 6'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, author, outlet, body_text)
  VALUES (new.id, new.title, new.author, new.outlet, new.body_text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, author, outlet, body_text)
  VALUES ('delete', old.id, old.title, old.author, old.outlet, old.body_text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, author, outlet, body_text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, author, outlet, body_text)
  VALUES ('delete', old.id, old.title, old.author, old.outlet, old.body_text);
  INSERT INTO articles_fts (rowid, title, author, outlet, body_text)
  VALUES (new.id, new.title, new.author, new.outlet, new.body_text);
END;
