#include "khabar/tag/tagger.h"

#include <algorithm>

#include "khabar/base/data_dir.h"
#include "khabar/base/file.h"
#include "khabar/model/container.h"
#include "khabar/tag/internal/decode.h"

namespace khabar::tag {

std::string DefaultTaggerModelPath() { return base::ModelsDir() + "/tagger-en.khm"; }

namespace {

using internal::HashIndex;

constexpr uint32_t kMaxLabels = 0xFFFE;  // below internal::kStartLabel
// Settings field numbers (numbered fields with defaults; never reuse one).
constexpr uint32_t kRareCutoffField = 1;

std::string EncodeLabels(const TaggerParts& parts) {
  model::Encoder out;
  out.PutVarint32(static_cast<uint32_t>(parts.xpos_names.size()));
  for (const std::string& name : parts.xpos_names) out.PutString(name);
  out.PutVarint32(static_cast<uint32_t>(parts.label_xpos.size()));
  for (size_t label = 0; label < parts.label_xpos.size(); ++label) {
    out.PutString(parts.upos_names[label]);
    out.PutVarint32(parts.label_xpos[label]);
  }
  return out.Release();
}

Status DecodeLabels(std::string_view bytes, TaggerParts& parts) {
  model::Decoder in(bytes);
  uint32_t xpos_count = 0, label_count = 0;
  if (!in.GetVarint32(&xpos_count) || xpos_count > kMaxLabels || xpos_count > in.remaining()) {
    return DataLossError("bad XPOS count");
  }
  for (uint32_t xpos = 0; xpos < xpos_count; ++xpos) {
    std::string_view name;
    if (!in.GetString(&name)) return DataLossError("truncated XPOS names");
    parts.xpos_names.emplace_back(name);
  }
  if (!in.GetVarint32(&label_count) || label_count == 0 || label_count > kMaxLabels ||
      label_count > in.remaining()) {
    return DataLossError("bad label count");
  }
  for (uint32_t label = 0; label < label_count; ++label) {
    std::string_view upos;
    uint32_t xpos = 0;
    if (!in.GetString(&upos) || !in.GetVarint32(&xpos) || xpos >= xpos_count) {
      return DataLossError("bad label");
    }
    parts.upos_names.emplace_back(upos);
    parts.label_xpos.push_back(static_cast<uint16_t>(xpos));
  }
  return in.done() ? Status::Ok() : DataLossError("trailing bytes in labels");
}

std::string EncodeLexicon(const internal::Lexicon& lexicon) {
  model::Encoder out;
  lexicon.index.Encode(out);
  out.PutVarint32(static_cast<uint32_t>(lexicon.freq.size()));
  for (size_t row = 0; row < lexicon.freq.size(); ++row) {
    out.PutVarint32(lexicon.freq[row]);
    out.PutFixed32(lexicon.amb[row]);
  }
  return out.Release();
}

Status DecodeLexicon(std::string_view bytes, internal::Lexicon& lexicon) {
  model::Decoder in(bytes);
  KH_ASSIGN_OR_RETURN(lexicon.index, HashIndex::Decode(in, 0xFFFFFFFEu));
  uint32_t rows = 0;
  if (!in.GetVarint32(&rows) || rows > in.remaining() / 5 || !lexicon.index.AllValuesBelow(rows)) {
    return DataLossError("bad lexicon rows");
  }
  lexicon.freq.resize(rows);
  lexicon.amb.resize(rows);
  for (uint32_t row = 0; row < rows; ++row) {
    if (!in.GetVarint32(&lexicon.freq[row]) || !in.GetFixed32(&lexicon.amb[row])) {
      return DataLossError("truncated lexicon");
    }
  }
  return in.done() ? Status::Ok() : DataLossError("trailing bytes in lexicon");
}

std::string EncodeSettings(const TaggerParts& parts) {
  model::Encoder out;
  out.PutVarint32(kRareCutoffField);
  out.PutVarint32(parts.rare_cutoff);
  return out.Release();
}

Status DecodeSettings(std::string_view bytes, TaggerParts& parts) {
  model::Decoder in(bytes);
  while (!in.done()) {
    uint32_t field = 0, value = 0;
    if (!in.GetVarint32(&field) || !in.GetVarint32(&value))
      return DataLossError("truncated settings");
    if (field == kRareCutoffField) parts.rare_cutoff = value;
  }
  return Status::Ok();
}

template <typename T>
Status DecodeWhole(std::string_view bytes, T* value, std::string_view what) {
  model::Decoder in(bytes);
  StatusOr<T> decoded = T::Decode(in);
  if (!decoded.ok()) return decoded.status().WithPrefix(what);
  if (!in.done()) return DataLossError(std::string("trailing bytes in ") + std::string(what));
  *value = std::move(decoded).value();
  return Status::Ok();
}

StatusOr<std::unique_ptr<Tagger>> FromReader(const model::ModelReader& reader) {
  TaggerParts parts;
  KH_ASSIGN_OR_RETURN(std::string_view labels, reader.Section(kLabelsSection));
  KH_RETURN_IF_ERROR(DecodeLabels(labels, parts).WithPrefix("labels"));
  KH_ASSIGN_OR_RETURN(std::string_view lexicon, reader.Section(kLexiconSection));
  KH_RETURN_IF_ERROR(DecodeLexicon(lexicon, parts.lexicon).WithPrefix("lexicon"));
  KH_ASSIGN_OR_RETURN(std::string_view weights, reader.Section(kWeightsSection));
  KH_RETURN_IF_ERROR(DecodeWhole(weights, &parts.weights, "weights"));
  if (parts.weights.class_count() != parts.label_xpos.size()) {
    return DataLossError("weights disagree with the label count");
  }
  if (StatusOr<std::string_view> second = reader.Section(kSecondPassSection); second.ok()) {
    KH_RETURN_IF_ERROR(DecodeWhole(*second, &parts.second_weights, "second pass"));
    if (parts.second_weights.class_count() != parts.label_xpos.size()) {
      return DataLossError("second pass disagrees with the label count");
    }
  }
  if (StatusOr<std::string_view> wordnet = reader.Section(kWordNetSection); wordnet.ok()) {
    model::Decoder in(*wordnet);
    KH_ASSIGN_OR_RETURN(parts.lexicon.wordnet, HashIndex::Decode(in, 0xFFFF));
    if (!in.done()) return DataLossError("trailing bytes in wordnet");
  }
  if (StatusOr<std::string_view> settings = reader.Section(kSettingsSection); settings.ok()) {
    KH_RETURN_IF_ERROR(DecodeSettings(*settings, parts).WithPrefix("settings"));
  }
  if (StatusOr<std::string_view> multiwords = reader.Section(kMultiwordSection); multiwords.ok()) {
    KH_RETURN_IF_ERROR(DecodeWhole(*multiwords, &parts.multiwords, "multiwords"));
  }
  if (StatusOr<std::string_view> lemmas = reader.Section(kLemmaSection); lemmas.ok()) {
    KH_RETURN_IF_ERROR(DecodeWhole(*lemmas, &parts.lemmatizer, "lemmatizer"));
  }
  return std::make_unique<Tagger>(std::move(parts));
}

}  // namespace

Tagger::Tagger(TaggerParts parts) : parts_(std::move(parts)) {
  for (const std::string& name : parts_.upos_names) label_upos_.push_back(ParseUpos(name));
}

StatusOr<std::unique_ptr<Tagger>> Tagger::Load(const std::string& path) {
  KH_ASSIGN_OR_RETURN(model::ModelReader reader,
                      model::ModelReader::Load(path, model::ComponentKind::kTagger,
                                               kTaggerSchemaVersion, kTaggerSchemaVersion));
  StatusOr<std::unique_ptr<Tagger>> tagger = FromReader(reader);
  if (!tagger.ok()) return tagger.status().WithPrefix(path);
  return tagger;
}

StatusOr<std::unique_ptr<Tagger>> Tagger::FromBytes(std::string bytes) {
  KH_ASSIGN_OR_RETURN(model::ModelReader reader,
                      model::ModelReader::FromBytes(std::move(bytes), model::ComponentKind::kTagger,
                                                    kTaggerSchemaVersion, kTaggerSchemaVersion));
  return FromReader(reader);
}

std::string Tagger::Serialize(std::string_view training_data, std::string_view build_date) const {
  model::ModelWriter writer(model::ComponentKind::kTagger, kTaggerSchemaVersion,
                            std::string(training_data));
  if (!build_date.empty()) writer.set_build_date(std::string(build_date));
  writer.AddSection(kLabelsSection, EncodeLabels(parts_));
  writer.AddSection(kLexiconSection, EncodeLexicon(parts_.lexicon));
  model::Encoder weights;
  parts_.weights.Encode(weights);
  writer.AddSection(kWeightsSection, weights.Release());
  writer.AddSection(kSettingsSection, EncodeSettings(parts_));
  model::Encoder multiwords;
  parts_.multiwords.Encode(multiwords);
  writer.AddSection(kMultiwordSection, multiwords.Release());
  if (two_pass()) {
    model::Encoder second;
    parts_.second_weights.Encode(second);
    writer.AddSection(kSecondPassSection, second.Release());
  }
  if (parts_.lexicon.wordnet.size()) {
    model::Encoder wordnet;
    parts_.lexicon.wordnet.Encode(wordnet);
    writer.AddSection(kWordNetSection, wordnet.Release());
  }
  model::Encoder lemmas;
  parts_.lemmatizer.Encode(lemmas);
  writer.AddSection(kLemmaSection, lemmas.Release());
  return writer.Serialize();
}

Status Tagger::Save(const std::string& path, std::string_view training_data) const {
  return base::WriteFile(path, Serialize(training_data, ""));
}

void Tagger::Tag(std::span<const std::string_view> forms, TagScratch& scratch,
                 std::span<uint16_t> labels) const {
  internal::PrepareSentence(forms, parts_.lexicon, parts_.rare_cutoff, scratch.features_);
  scratch.scores_.resize(parts_.weights.class_count());
  if (!two_pass()) {
    internal::GreedyDecode(parts_.weights, scratch.features_, nullptr, scratch.scores_.data(),
                           labels.data());
    return;
  }
  scratch.first_pass_.resize(forms.size());
  internal::GreedyDecode(parts_.weights, scratch.features_, nullptr, scratch.scores_.data(),
                         scratch.first_pass_.data());
  internal::GreedyDecode(parts_.second_weights, scratch.features_, scratch.first_pass_.data(),
                         scratch.scores_.data(), labels.data());
}

}  // namespace khabar::tag
