-- Khabar schema, version 5: one event, many reports (cross-article merging, docs/formats/merge.md).
--
-- An events row is now a real-world event; each reports row is one article's report of it,
-- with the report's own coding. The event's columns are those of its first report, except the
-- counts, which are the consensus of its reports' figures (docs/formats/merge.md, "Consensus").
--   events.report_count   reports of the event
--   events.corroboration  distinct outlets among them; a syndicated copy (a near-duplicate
--                         document) counts as the outlet of the document it copies
--   reports.report_key    the report's own id, doc::EventId of its article and sentence: the
--                         event id as Khabar gave it before merging, stable across runs
--   reports.words         the report sentence's content-word keys, space-separated and sorted,
--                         for the text similarity of later merges
--   reports.merge_score   the score with which the report joined the event; NULL for the
--                         report that founded it
--   reports.merge_reason  why it joined: the evidence, as khabar explain prints it
-- reports.extra (version 1) holds the report's own coding as a JSON object: cameo, codes,
-- date, place and figures, so conflicting figures are kept per report.
-- Rows stored before this version keep the defaults: one report, one outlet, no words.
ALTER TABLE events ADD COLUMN report_count INTEGER NOT NULL DEFAULT 1 CHECK (report_count >= 0);
ALTER TABLE events ADD COLUMN corroboration INTEGER NOT NULL DEFAULT 1 CHECK (corroboration >= 0);
ALTER TABLE reports ADD COLUMN report_key TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN words TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN merge_score DOUBLE PRECISION;
ALTER TABLE reports ADD COLUMN merge_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX reports_report_key ON reports (report_key);
CREATE INDEX events_corroboration ON events (corroboration, report_count);
