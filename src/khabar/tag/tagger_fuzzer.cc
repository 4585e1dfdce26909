// Fuzzes the tagger model loader past the container checksums: the input is cut at each
// "\xFF\xFE" into up to seven parts that become sections 1..7 of a valid container, which
// Tagger::FromBytes then decodes. A model that loads must tag and lemmatize a sentence.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/model/container.h"
#include "khabar/tag/tagger.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr size_t kMaxInputBytes = 1 << 16;
  constexpr uint32_t kSectionCount = 7;
  if (size > kMaxInputBytes) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  khabar::model::ModelWriter writer(khabar::model::ComponentKind::kTagger,
                                    khabar::tag::kTaggerSchemaVersion, "fuzz");
  writer.set_build_date("2026-11-21");
  for (uint32_t section = 1; section <= kSectionCount && !input.empty(); ++section) {
    size_t cut = input.find("\xFF\xFE");
    std::string_view part = input.substr(0, cut);
    if (!part.empty()) writer.AddSection(section, std::string(part));
    input = cut == std::string_view::npos ? std::string_view() : input.substr(cut + 2);
  }
  auto tagger = khabar::tag::Tagger::FromBytes(writer.Serialize());
  if (!tagger.ok()) return 0;
  std::vector<std::string_view> forms = {"Rebels", "didn't", "seize", "Derna", "."};
  std::vector<uint16_t> labels(forms.size());
  khabar::tag::TagScratch scratch;
  (*tagger)->Tag(forms, scratch, labels);
  std::string lemmas;
  for (size_t word_idx = 0; word_idx < forms.size(); ++word_idx) {
    (*tagger)->lemmatizer().Lemmatize(forms[word_idx], (*tagger)->xpos(labels[word_idx]), lemmas);
  }
  khabar::tag::WordPiece pieces[khabar::tag::kMaxWordsPerToken];
  (*tagger)->multiwords().Split("didn't", pieces);
  return 0;
}
