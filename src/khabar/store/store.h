// Store: persists documents, their sentences, quarantined inputs and (later) events and
// reports. SQLite is the embedded backend (sqlite_store.h); PostgreSQL will implement
// the same interface over the same migrations (migration.h) and pass the same typed test
// suite (store_test_suite.h).
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<store::SqliteStore> db,
//                       store::SqliteStore::Open("khabar.db"));
//   std::vector<const doc::Document*> batch = {&first, &second};
//   KH_ASSIGN_OR_RETURN(std::vector<store::DocumentWrite> writes, db->WriteDocuments(batch));
//   if (writes[1].outcome != store::DocumentWrite::Outcome::kInserted) { /* a duplicate */ }
//
// The schema is specified in docs/formats/schema.md.
#ifndef KHABAR_STORE_STORE_H_
#define KHABAR_STORE_STORE_H_

#include <bit>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/document.h"

namespace khabar::store {

// What WriteDocuments did with one document.
struct DocumentWrite {
  enum class Outcome : uint8_t { kInserted, kDuplicateUrl, kDuplicateContent };
  Outcome outcome = Outcome::kInserted;
  int64_t row_id = 0;           // documents.id of the new row, or of the existing one
  std::string existing_doc_id;  // doc_id of the existing row for a duplicate; else empty
};

// Row counts; `tokens` sums documents.token_count.
struct StoreSummary {
  int64_t documents = 0;
  int64_t sentences = 0;
  int64_t tokens = 0;
  int64_t events = 0;
  int64_t reports = 0;
  int64_t quarantined = 0;
};

// A stored document's near-duplicate fingerprint: Document::minhash as written (a serialised
// MinHash signature, ingest/near_duplicate.h), or empty for rows written before schema
// version 2 (their minhash column is NULL).
struct StoredFingerprint {
  std::string doc_id;
  std::string minhash;
};

// An input that a stage could not process, e.g.
//   QuarantineRecord{path, "", "ingest", line, byte_offset,
//                    std::string(StatusCodeName(status.code())), std::string(status.message())}
struct QuarantineRecord {
  std::string path;    // input file, or empty
  std::string doc_id;  // empty when the failure came before an id was known
  std::string stage;   // "ingest", "text", ...; must not be empty
  uint64_t line = 0;   // 1-based line in the input, 0 when unknown
  uint64_t byte_offset = 0;
  std::string code;  // StatusCodeName() of the error, e.g. "DataLoss"; must not be empty
  std::string message;
};

// uint64 hashes are stored as the signed 64-bit integer with the same bits (two's
// complement), since neither SQLite nor PostgreSQL has an unsigned 64-bit column type.
inline int64_t HashToColumn(uint64_t hash) { return std::bit_cast<int64_t>(hash); }
inline uint64_t HashFromColumn(int64_t column) { return std::bit_cast<uint64_t>(column); }

// Thread-safety: each implementation states its own; SqliteStore is thread-safe.
class Store {
 public:
  virtual ~Store() = default;

  // Writes the documents, their sentences and their events (one events row per distinct event
  // id, one reports row per event; docs/formats/schema.md) in ONE transaction: all or nothing. A document
  // whose url (when not empty) or content_hash is already stored, earlier in the database or
  // earlier in the same batch, is not written again: its result names the row that holds it.
  // The url is checked first, so a re-fetched article with edited text stays as first stored.
  // Returns one DocumentWrite per input, in order.
  // InvalidArgument (and nothing written) when a document has an empty id, a zero
  // content_hash, a sentence whose span, raw span (through `offsets`) or tokens fall
  // outside the document, or an event whose sentence, quad_class or argument spans do.
  // A duplicate document writes no events.
  // REQUIRES: no null pointers in `documents`.
  virtual StatusOr<std::vector<DocumentWrite>> WriteDocuments(
      std::span<const doc::Document* const> documents) = 0;

  // Appends one quarantine row. InvalidArgument when `stage` or `code` is empty.
  virtual Status Quarantine(const QuarantineRecord& record) = 0;

  virtual StatusOr<StoreSummary> Summarize() = 0;

  // doc_id and minhash of every stored document, in insertion order, for near-duplicate
  // detection at ingest.
  virtual StatusOr<std::vector<StoredFingerprint>> LoadFingerprints() = 0;
};

// Checks the contract of WriteDocuments for one document; shared by the backends.
Status ValidateDocument(const doc::Document& document);

}  // namespace khabar::store

#endif  // KHABAR_STORE_STORE_H_
