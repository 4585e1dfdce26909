#include "khabar/model/internal/seed_corpus.h"

#include <utility>

#include "khabar/model/coding.h"

namespace khabar::model::internal {
namespace {

ModelWriter FixedWriter(ComponentKind kind, uint32_t schema, std::string training) {
  ModelWriter writer(kind, schema, std::move(training));
  writer.set_build_date("2026-11-21");
  writer.set_producer_version("khabar fixture");
  return writer;
}

std::string TokenizerV1() {
  ModelWriter writer = FixedWriter(ComponentKind::kTokenizer, 1, "fixture");
  Encoder vocab;
  vocab.PutVarint32(2);
  vocab.PutString("Mr.");
  vocab.PutString("Gen.");
  writer.AddSection(1, vocab.Release());
  Encoder weights;
  weights.PutFloat(0.5f);
  weights.PutFloat(-1.25f);
  writer.AddSection(2, weights.Release());
  return writer.Serialize();
}

std::string ParserV1() {
  ModelWriter writer = FixedWriter(ComponentKind::kParser, 7, "UD_English-EWT r2.13");
  writer.AddSection(1, "a");
  writer.AddSection(3, "");
  writer.AddSection(2, "odd length");
  return writer.Serialize();
}

std::string Flip(std::string bytes, size_t byte_idx) {
  bytes[byte_idx] = static_cast<char>(bytes[byte_idx] ^ 0x10);
  return bytes;
}

}  // namespace

std::vector<SeedFile> SeedCorpus() {
  const std::string tokenizer = TokenizerV1();
  const std::string empty = FixedWriter(ComponentKind::kNer, 0, "").Serialize();
  return {
      {"valid_v1_tokenizer", tokenizer, ComponentKind::kTokenizer, true},
      {"valid_v1_parser", ParserV1(), ComponentKind::kParser, true},
      {"valid_v1_empty_ner", empty, ComponentKind::kNer, true},
      {"broken_truncated", tokenizer.substr(0, tokenizer.size() - 3), ComponentKind::kTokenizer,
       false},
      {"broken_header_crc", Flip(tokenizer, 14), ComponentKind::kTokenizer, false},
      {"broken_section_crc", Flip(tokenizer, tokenizer.size() - 1), ComponentKind::kTokenizer,
       false},
      {"broken_magic", Flip(tokenizer, 0), ComponentKind::kTokenizer, false},
      {"broken_trailing", tokenizer + '\0', ComponentKind::kTokenizer, false},
  };
}

}  // namespace khabar::model::internal
