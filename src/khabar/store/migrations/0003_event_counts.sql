-- Khabar schema, version 3: the rest of an event's counts.
--
-- events.fatalities and events.injured came with version 1; the counts stage also reports
-- the displaced, arrested and kidnapped (docs/formats/event-jsonl.md). NULL = not reported,
-- never zero. Specified in docs/formats/schema.md.
ALTER TABLE events ADD COLUMN displaced INTEGER CHECK (displaced >= 0);
ALTER TABLE events ADD COLUMN arrested INTEGER CHECK (arrested >= 0);
ALTER TABLE events ADD COLUMN kidnapped INTEGER CHECK (kidnapped >= 0);
