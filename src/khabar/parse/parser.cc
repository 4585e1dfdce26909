#include "khabar/parse/parser.h"

#include <algorithm>
#include <utility>

#include "khabar/base/check.h"
#include "khabar/base/data_dir.h"
#include "khabar/base/file.h"
#include "khabar/model/coding.h"
#include "khabar/model/container.h"

namespace khabar::parse {

std::string DefaultParserModelPath() { return base::ModelsDir() + "/parser-en.khm"; }

namespace {

using internal::ActionCount;

// Numbered fields of the settings section (never renumbered).
constexpr uint32_t kHashBitsField = 1;
constexpr uint32_t kRootLabelField = 2;
constexpr uint32_t kFeatureSetField = 3;
// The only feature set this build computes (internal/features.cc).
constexpr uint64_t kFeatureSet = 2;  // 1: 92 case-sensitive templates; 2: 104, lowercased forms
constexpr uint32_t kMaxLabels = 1024;
constexpr uint32_t kMaxTags = 65535;

void PutNames(const std::vector<std::string>& names, model::Encoder& out) {
  out.PutVarint32(static_cast<uint32_t>(names.size()));
  for (const std::string& name : names) out.PutString(name);
}

bool GetNames(model::Decoder& in, uint32_t max_count, std::vector<std::string>& names) {
  uint32_t count = 0;
  if (!in.GetVarint32(&count) || count > max_count || count > in.remaining()) return false;
  names.resize(count);
  for (std::string& name : names) {
    std::string_view view;
    if (!in.GetString(&view)) return false;
    name.assign(view);
  }
  return true;
}

std::string EncodeSettings(const ParserParts& parts) {
  model::Encoder out;
  out.PutVarint32(3);
  out.PutVarint32(kHashBitsField);
  out.PutVarint64(parts.hash_bits);
  out.PutVarint32(kRootLabelField);
  out.PutVarint64(parts.root_label);
  out.PutVarint32(kFeatureSetField);
  out.PutVarint64(kFeatureSet);
  return out.Release();
}

Status DecodeSettings(std::string_view bytes, ParserParts& parts) {
  model::Decoder in(bytes);
  uint32_t count = 0;
  if (!in.GetVarint32(&count)) return DataLossError("parser settings: truncated");
  uint64_t feature_set = 0;
  for (uint32_t field_idx = 0; field_idx < count; ++field_idx) {
    uint32_t field = 0;
    uint64_t value = 0;
    if (!in.GetVarint32(&field) || !in.GetVarint64(&value)) {
      return DataLossError("parser settings: truncated");
    }
    if (field == kHashBitsField)
      parts.hash_bits = static_cast<uint32_t>(std::min<uint64_t>(value, 64));
    if (field == kRootLabelField)
      parts.root_label = static_cast<uint16_t>(std::min<uint64_t>(value, 65535));
    if (field == kFeatureSetField) feature_set = value;
  }
  if (feature_set != kFeatureSet)
    return InvalidArgumentError("parser settings: unknown feature set");
  if (parts.hash_bits < kMinHashBits || parts.hash_bits > kMaxHashBits) {
    return DataLossError("parser settings: hash bits out of range");
  }
  return Status::Ok();
}

std::string EncodeVocabulary(const ParserParts& parts) {
  model::Encoder out;
  PutNames(parts.upos_names, out);
  PutNames(parts.xpos_names, out);
  PutNames(parts.label_names, out);
  return out.Release();
}

Status DecodeVocabulary(std::string_view bytes, ParserParts& parts) {
  model::Decoder in(bytes);
  if (!GetNames(in, kMaxTags, parts.upos_names) || !GetNames(in, kMaxTags, parts.xpos_names) ||
      !GetNames(in, kMaxLabels, parts.label_names) || !in.done()) {
    return DataLossError("parser vocabulary: does not decode");
  }
  return Status::Ok();
}

// Nonzero weights only: count, then (index delta, float) pairs in increasing index order.
std::string EncodeWeights(const std::vector<float>& weights) {
  model::Encoder out;
  const uint64_t nonzero = static_cast<uint64_t>(
      std::count_if(weights.begin(), weights.end(), [](float w) { return w != 0.0f; }));
  out.PutVarint64(nonzero);
  uint64_t previous = 0;
  for (uint64_t index = 0; index < weights.size(); ++index) {
    if (weights[index] == 0.0f) continue;
    out.PutVarint64(index - previous);
    out.PutFloat(weights[index]);
    previous = index;
  }
  return out.Release();
}

Status DecodeWeights(std::string_view bytes, uint64_t size, std::vector<float>& weights) {
  model::Decoder in(bytes);
  uint64_t nonzero = 0;
  if (!in.GetVarint64(&nonzero) || nonzero > size || nonzero > in.remaining() / 5) {
    return DataLossError("parser weights: bad count");
  }
  // The table can be far larger than the section (2^26 floats for a few bytes), so the
  // entries are checked in a first pass and the table allocated only for a valid section.
  const model::Decoder entries = in;
  uint64_t index = 0;
  for (uint64_t entry_idx = 0; entry_idx < nonzero; ++entry_idx) {
    uint64_t delta = 0;
    float value = 0;
    if (!in.GetVarint64(&delta) || !in.GetFloat(&value))
      return DataLossError("parser weights: truncated");
    if ((entry_idx > 0 && delta == 0) || delta >= size - index) {
      return DataLossError("parser weights: index out of order or range");
    }
    index += delta;
  }
  if (!in.done()) return DataLossError("parser weights: trailing bytes");
  weights.assign(size, 0.0f);
  in = entries;
  index = 0;
  for (uint64_t entry_idx = 0; entry_idx < nonzero; ++entry_idx) {
    uint64_t delta = 0;
    float value = 0;
    in.GetVarint64(&delta);
    in.GetFloat(&value);
    index += delta;
    weights[index] = value;
  }
  return Status::Ok();
}

}  // namespace

Parser::Parser(ParserParts parts)
    : parts_(std::move(parts)), mask_((uint64_t{1} << parts_.hash_bits) - 1) {}

StatusOr<Parser> Parser::FromParts(ParserParts parts) {
  if (parts.hash_bits < kMinHashBits || parts.hash_bits > kMaxHashBits) {
    return InvalidArgumentError("parser: hash bits out of range");
  }
  if (parts.label_names.empty() || parts.label_names.size() > kMaxLabels ||
      parts.root_label >= parts.label_names.size()) {
    return InvalidArgumentError("parser: bad label set or root label");
  }
  if (parts.upos_names.empty() || parts.xpos_names.empty()) {
    return InvalidArgumentError("parser: tag sets must hold the unknown tag");
  }
  const uint64_t size = (uint64_t{1} << parts.hash_bits) +
                        ActionCount(static_cast<uint32_t>(parts.label_names.size()));
  if (parts.weights.size() != size) return InvalidArgumentError("parser: weight table size");
  return Parser(std::move(parts));
}

StatusOr<Parser> Parser::FromBytes(std::string bytes) {
  KH_ASSIGN_OR_RETURN(model::ModelReader reader,
                      model::ModelReader::FromBytes(std::move(bytes), model::ComponentKind::kParser,
                                                    kParserSchemaVersion, kParserSchemaVersion));
  ParserParts parts;
  KH_ASSIGN_OR_RETURN(std::string_view settings, reader.Section(kSettingsSection));
  KH_RETURN_IF_ERROR(DecodeSettings(settings, parts));
  KH_ASSIGN_OR_RETURN(std::string_view vocabulary, reader.Section(kVocabularySection));
  KH_RETURN_IF_ERROR(DecodeVocabulary(vocabulary, parts));
  if (parts.label_names.empty() || parts.root_label >= parts.label_names.size() ||
      parts.upos_names.empty() || parts.xpos_names.empty()) {
    return DataLossError("parser: vocabulary disagrees with settings");
  }
  KH_ASSIGN_OR_RETURN(std::string_view weights, reader.Section(kWeightsSection));
  const uint64_t size = (uint64_t{1} << parts.hash_bits) +
                        ActionCount(static_cast<uint32_t>(parts.label_names.size()));
  KH_RETURN_IF_ERROR(DecodeWeights(weights, size, parts.weights));
  return FromParts(std::move(parts));
}

StatusOr<Parser> Parser::Load(const std::string& path) {
  KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(path, model::kMaxModelFileBytes));
  StatusOr<Parser> parser = FromBytes(std::move(bytes));
  if (!parser.ok()) return parser.status().WithPrefix(path);
  return parser;
}

std::string Parser::Serialize(std::string_view training_data) const {
  model::ModelWriter writer(model::ComponentKind::kParser, kParserSchemaVersion,
                            std::string(training_data));
  writer.AddSection(kSettingsSection, EncodeSettings(parts_));
  writer.AddSection(kVocabularySection, EncodeVocabulary(parts_));
  writer.AddSection(kWeightsSection, EncodeWeights(parts_.weights));
  return writer.Serialize();
}

Status Parser::Save(const std::string& path, std::string_view training_data) const {
  return base::WriteFile(path, Serialize(training_data));
}

uint16_t Parser::Lookup(const std::vector<std::string>& names, std::string_view name) {
  for (size_t id = 1; id < names.size(); ++id) {
    if (names[id] == name) return static_cast<uint16_t>(id);
  }
  return kUnknownTag;
}

uint16_t Parser::UposId(std::string_view name) const { return Lookup(parts_.upos_names, name); }
uint16_t Parser::XposId(std::string_view name) const { return Lookup(parts_.xpos_names, name); }

void Parser::PrepareSentence(std::span<const Word> words, ParseScratch& scratch) {
  scratch.nodes_.resize(words.size() + 1);
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    internal::NodeInfo& node = scratch.nodes_[word_idx + 1];
    node.form = internal::HashForm(words[word_idx].form);
    node.suffix = internal::HashSuffix(words[word_idx].form);
    node.upos = words[word_idx].upos;
    node.xpos = words[word_idx].xpos;
  }
  scratch.state_.Reset(static_cast<uint32_t>(words.size()));
}

uint32_t Parser::PredictAction(ParseScratch& scratch) const {
  const uint32_t label_count = this->label_count();
  const uint32_t action_count = ActionCount(label_count);
  scratch.scores_.resize(action_count);
  internal::ExtractFeatures(scratch.state_, scratch.nodes_, scratch.features_);
  internal::ScoreActions(parts_.weights, mask_, scratch.features_, scratch.scores_);
  uint32_t best = 0;
  bool found = false;
  for (uint32_t action = 0; action < action_count; ++action) {
    if (!scratch.state_.Allowed(action, label_count, parts_.root_label)) continue;
    if (!found || scratch.scores_[action] > scratch.scores_[best]) best = action;
    found = true;
  }
  return best;
}

void Parser::Parse(std::span<const Word> words, ParseScratch& scratch, std::span<int32_t> heads,
                   std::span<uint16_t> labels) const {
  KH_DCHECK(heads.size() == words.size() && labels.size() == words.size());
  PrepareSentence(words, scratch);
  const uint32_t label_count = this->label_count();
  internal::State& state = scratch.state_;
  while (!state.Terminal()) {
    const uint32_t action = PredictAction(scratch);
    state.Apply(internal::MoveOf(action, label_count), internal::LabelOf(action, label_count));
  }
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    const int32_t node = static_cast<int32_t>(word_idx + 1);
    heads[word_idx] = state.head(node);
    labels[word_idx] = state.label(node);
  }
}

}  // namespace khabar::parse
