-- Khabar schema, version 2: MinHash near-duplicate signatures.
--
-- documents.minhash holds Document::minhash, a serialised MinHash signature (format in
-- docs/formats/ingest.md, "Near-duplicates"; 258 bytes for format 1). It replaces the 64-bit
-- simhash, which missed syndicated copies of short articles. Rows written before this version
-- keep minhash NULL and are not found as near-duplicates. The simhash column stays (migrations
-- only add) and new rows store 0 in it. Specified in docs/formats/schema.md.
ALTER TABLE documents ADD COLUMN minhash {{BYTES}};
