-- Khabar schema, version 4: what `khabar query` searches (docs/formats/query.md).
--
-- event_actor_keys holds, per event, the transliteration keys (store/actor_keys.h) of the words
-- of its source and target actor names and texts, so `--actor Hafter` finds Haftar with an
-- index lookup. The store fills it when it inserts an event; events stored before this version
-- have no keys and are found by actor code only. Specified in docs/formats/schema.md.
CREATE TABLE event_actor_keys (
  actor_key TEXT NOT NULL,
  event_id  BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  PRIMARY KEY (actor_key, event_id)
);

-- event_text: one row per report, its sentence and the event's actor texts and names, for
-- full-text search. SQLite keeps it in an FTS5 table; PostgreSQL in a plain table with a GIN
-- index over its tsvector. Reports stored before this version are indexed here from their
-- sentences' bytes.
{{SQLITE}}
CREATE VIRTUAL TABLE event_text USING fts5(body, event_id UNINDEXED);
INSERT INTO event_text (body, event_id)
  SELECT CAST(substr(CAST(t.raw_text AS BLOB), r.span_begin + 1, r.span_end - r.span_begin) AS TEXT)
         || ' ' || e.source_text || ' ' || e.source_actor || ' ' || e.target_text || ' ' || e.target_actor,
         r.event_id
  FROM reports r JOIN events e ON e.id = r.event_id JOIN document_texts t ON t.document_id = r.document_id;
{{END}}
{{POSTGRES}}
CREATE TABLE event_text (
  event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  body     TEXT NOT NULL
);
CREATE INDEX event_text_body ON event_text USING GIN (to_tsvector('simple', body));
INSERT INTO event_text (event_id, body)
  SELECT r.event_id,
         convert_from(substring(convert_to(t.raw_text, 'UTF8') FROM r.span_begin + 1
                                FOR r.span_end - r.span_begin), 'UTF8')
         || ' ' || e.source_text || ' ' || e.source_actor || ' ' || e.target_text || ' ' || e.target_actor
  FROM reports r JOIN events e ON e.id = r.event_id JOIN document_texts t ON t.document_id = r.document_id;
{{END}}

-- For `khabar query`: a root with a date range, ordered by date (--root 19 --from 2019-04),
-- and the latitude band of --near, whose longitude is checked in the index. Measured with
-- `khabar bench store` (docs/formats/query.md, "Benchmark").
CREATE INDEX events_root_date ON events (root, date);
CREATE INDEX events_location_lat_lon ON events (location_lat, location_lon);
