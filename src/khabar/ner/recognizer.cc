#include "khabar/ner/recognizer.h"

#include "khabar/base/data_dir.h"
#include "khabar/base/file.h"
#include "khabar/model/container.h"

namespace khabar::ner {

std::string DefaultNerModelPath() { return base::ModelsDir() + "/ner-en.khm"; }

namespace {

using internal::HashTable;

// Settings field numbers (numbered fields with defaults; never reuse one).
constexpr uint32_t kDecoderField = 1;
constexpr uint32_t kFeatureGroupsField = 2;
// Largest values the lexicon and cluster tables hold.
constexpr uint8_t kMaxEntityClass = 125;
constexpr uint8_t kMaxCaseClass = 6;
constexpr uint32_t kMaxClusterValue = 1u << 20;

std::string EncodeLabels() {
  model::Encoder out;
  out.PutVarint32(kLabelCount);
  for (uint32_t label = 0; label < kLabelCount; ++label) {
    out.PutString(LabelName(static_cast<BioLabel>(label)));
  }
  return out.Release();
}

// The label set is fixed; the section makes the file self-describing and lets a reader
// refuse a model whose labels mean something else.
Status DecodeLabels(std::string_view bytes) {
  model::Decoder in(bytes);
  uint32_t count = 0;
  if (!in.GetVarint32(&count) || count != kLabelCount) return DataLossError("bad label count");
  for (uint32_t label = 0; label < kLabelCount; ++label) {
    std::string_view name;
    if (!in.GetString(&name) || name != LabelName(static_cast<BioLabel>(label))) {
      return DataLossError("unexpected label");
    }
  }
  return in.done() ? Status::Ok() : DataLossError("trailing bytes");
}

std::string EncodeSettings(const RecognizerParts& parts) {
  model::Encoder out;
  out.PutVarint32(kDecoderField);
  out.PutVarint32(static_cast<uint32_t>(parts.decoder));
  out.PutVarint32(kFeatureGroupsField);
  out.PutVarint32(parts.feature_groups);
  return out.Release();
}

// What schema 1 allowed: its feature groups and gazetteer bits.
constexpr uint32_t kSchema1Groups = 127;
constexpr uint32_t kSchema1GazetteerBits = 511;

Status DecodeSettings(std::string_view bytes, uint32_t schema, RecognizerParts& parts) {
  model::Decoder in(bytes);
  while (!in.done()) {
    uint32_t field = 0, value = 0;
    if (!in.GetVarint32(&field) || !in.GetVarint32(&value)) return DataLossError("truncated");
    if (field == kDecoderField) {
      if (value != static_cast<uint32_t>(DecoderKind::kGreedy) &&
          value != static_cast<uint32_t>(DecoderKind::kViterbi)) {
        return DataLossError("unknown decoder " + std::to_string(value));
      }
      parts.decoder = static_cast<DecoderKind>(value);
    } else if (field == kFeatureGroupsField) {
      const uint32_t known = schema < 2 ? kSchema1Groups : internal::kAllGroups;
      if ((value & ~known) != 0) return DataLossError("unknown feature groups");
      parts.feature_groups = value;
    }
  }
  return Status::Ok();
}

std::string EncodeLexicon(const internal::Lexicon& lexicon) {
  model::Encoder out;
  lexicon.index.Encode(out);
  out.PutVarint32(static_cast<uint32_t>(lexicon.entity.size()));
  for (size_t row = 0; row < lexicon.entity.size(); ++row) {
    const char bytes[2] = {static_cast<char>(lexicon.entity[row]),
                           static_cast<char>(lexicon.casing[row])};
    out.PutBytes(std::string_view(bytes, 2));
  }
  return out.Release();
}

Status DecodeLexicon(std::string_view bytes, internal::Lexicon& lexicon) {
  model::Decoder in(bytes);
  KH_ASSIGN_OR_RETURN(lexicon.index, HashTable::Decode(in, 0xFFFFFFFEu));
  uint32_t rows = 0;
  if (!in.GetVarint32(&rows) || rows > in.remaining() / 2 || !lexicon.index.AllValuesBelow(rows)) {
    return DataLossError("bad row count");
  }
  std::string_view cells;
  in.GetBytes(size_t{rows} * 2, &cells);
  lexicon.entity.resize(rows);
  lexicon.casing.resize(rows);
  for (uint32_t row = 0; row < rows; ++row) {
    lexicon.entity[row] = static_cast<uint8_t>(cells[2 * row]);
    lexicon.casing[row] = static_cast<uint8_t>(cells[2 * row + 1]);
    if (lexicon.entity[row] > kMaxEntityClass || lexicon.casing[row] > kMaxCaseClass) {
      return DataLossError("bad row");
    }
  }
  return in.done() ? Status::Ok() : DataLossError("trailing bytes");
}

Status DecodeClusters(std::string_view bytes, internal::Lexicon& lexicon) {
  model::Decoder in(bytes);
  KH_ASSIGN_OR_RETURN(lexicon.clusters, HashTable::Decode(in, kMaxClusterValue));
  return in.done() ? Status::Ok() : DataLossError("trailing bytes");
}

std::string EncodeGazetteer(const internal::Gazetteer& gazetteer) {
  model::Encoder out;
  out.PutVarint32(gazetteer.max_words);
  gazetteer.names.Encode(out);
  return out.Release();
}

Status DecodeGazetteer(std::string_view bytes, uint32_t schema, internal::Gazetteer& gazetteer) {
  model::Decoder in(bytes);
  if (!in.GetVarint32(&gazetteer.max_words) || gazetteer.max_words == 0 ||
      gazetteer.max_words > internal::kMaxGazetteerWords) {
    return DataLossError("bad longest name");
  }
  KH_ASSIGN_OR_RETURN(
      gazetteer.names,
      HashTable::Decode(in, schema < 2 ? kSchema1GazetteerBits : internal::kAllGazetteerBits));
  return in.done() ? Status::Ok() : DataLossError("trailing bytes");
}

Status DecodeWeights(std::string_view bytes, internal::Weights& weights) {
  model::Decoder in(bytes);
  KH_ASSIGN_OR_RETURN(weights, internal::Weights::Decode(in));
  if (weights.class_count() != kLabelCount)
    return DataLossError("class count is not the label count");
  return in.done() ? Status::Ok() : DataLossError("trailing bytes");
}

StatusOr<std::unique_ptr<Recognizer>> FromReader(const model::ModelReader& reader) {
  RecognizerParts parts;
  const uint32_t schema = reader.header().schema_version;
  KH_ASSIGN_OR_RETURN(std::string_view labels, reader.Section(kNerLabelsSection));
  KH_RETURN_IF_ERROR(DecodeLabels(labels).WithPrefix("labels"));
  KH_ASSIGN_OR_RETURN(std::string_view settings, reader.Section(kNerSettingsSection));
  KH_RETURN_IF_ERROR(DecodeSettings(settings, schema, parts).WithPrefix("settings"));
  KH_ASSIGN_OR_RETURN(std::string_view lexicon, reader.Section(kNerLexiconSection));
  KH_RETURN_IF_ERROR(DecodeLexicon(lexicon, parts.lexicon).WithPrefix("lexicon"));
  if (StatusOr<std::string_view> clusters = reader.Section(kNerClustersSection); clusters.ok()) {
    KH_RETURN_IF_ERROR(DecodeClusters(*clusters, parts.lexicon).WithPrefix("clusters"));
  }
  if (StatusOr<std::string_view> gazetteer = reader.Section(kNerGazetteerSection); gazetteer.ok()) {
    KH_RETURN_IF_ERROR(
        DecodeGazetteer(*gazetteer, schema, parts.lexicon.gazetteer).WithPrefix("gazetteer"));
  }
  if (StatusOr<std::string_view> neural = reader.Section(kNerNeuralSection); neural.ok()) {
    StatusOr<internal::NeuralModel> model = internal::NeuralModel::Decode(*neural, schema);
    if (!model.ok()) return model.status().WithPrefix("network");
    parts.neural = *std::move(model);
  }
  KH_ASSIGN_OR_RETURN(std::string_view weights, reader.Section(kNerWeightsSection));
  KH_RETURN_IF_ERROR(DecodeWeights(weights, parts.weights).WithPrefix("weights"));
  return std::make_unique<Recognizer>(std::move(parts));
}

}  // namespace

StatusOr<std::unique_ptr<Recognizer>> Recognizer::Load(const std::string& path) {
  KH_ASSIGN_OR_RETURN(model::ModelReader reader,
                      model::ModelReader::Load(path, model::ComponentKind::kNer,
                                               kNerMinSchemaVersion, kNerSchemaVersion));
  StatusOr<std::unique_ptr<Recognizer>> recognizer = FromReader(reader);
  if (!recognizer.ok()) return recognizer.status().WithPrefix(path);
  return recognizer;
}

StatusOr<std::unique_ptr<Recognizer>> Recognizer::FromBytes(std::string bytes) {
  KH_ASSIGN_OR_RETURN(model::ModelReader reader,
                      model::ModelReader::FromBytes(std::move(bytes), model::ComponentKind::kNer,
                                                    kNerMinSchemaVersion, kNerSchemaVersion));
  return FromReader(reader);
}

std::string Recognizer::Serialize(std::string_view training_data,
                                  std::string_view build_date) const {
  model::ModelWriter writer(model::ComponentKind::kNer, kNerSchemaVersion,
                            std::string(training_data));
  if (!build_date.empty()) writer.set_build_date(std::string(build_date));
  writer.AddSection(kNerLabelsSection, EncodeLabels());
  writer.AddSection(kNerSettingsSection, EncodeSettings(parts_));
  writer.AddSection(kNerLexiconSection, EncodeLexicon(parts_.lexicon));
  if (parts_.lexicon.clusters.size() != 0) {
    model::Encoder clusters;
    parts_.lexicon.clusters.Encode(clusters);
    writer.AddSection(kNerClustersSection, clusters.Release());
  }
  if (parts_.lexicon.gazetteer.names.size() != 0) {
    writer.AddSection(kNerGazetteerSection, EncodeGazetteer(parts_.lexicon.gazetteer));
  }
  if (!parts_.neural.empty()) {
    model::Encoder neural;
    parts_.neural.Encode(neural);
    writer.AddSection(kNerNeuralSection, neural.Release());
  }
  model::Encoder weights;
  parts_.weights.Encode(weights);
  writer.AddSection(kNerWeightsSection, weights.Release());
  return writer.Serialize();
}

Status Recognizer::Save(const std::string& path, std::string_view training_data) const {
  return base::WriteFile(path, Serialize(training_data, ""));
}

std::unique_ptr<Recognizer> Recognizer::WithNetwork(internal::NeuralModel network) const {
  RecognizerParts parts = parts_;
  parts.neural = std::move(network);
  return std::make_unique<Recognizer>(std::move(parts));
}

void Recognizer::AddNeuralScores(std::span<const NerWord> words, NerScratch& scratch) const {
  if (parts_.neural.empty() || words.empty()) return;
  scratch.log_probs_.resize(words.size() * kLabelCount);
  internal::NeuralLogProbs(parts_.neural, words, scratch.neural_, scratch.log_probs_.data());
  const float weight = parts_.neural.weight;
  for (size_t index = 0; index < scratch.log_probs_.size(); ++index) {
    scratch.decode_.emission[index] += weight * scratch.log_probs_[index];
  }
}

void Recognizer::Label(std::span<const NerWord> words, NerScratch& scratch,
                       std::span<BioLabel> labels, std::span<float> confidence) const {
  internal::PrepareSentence(words, parts_.lexicon, scratch.sentence_, parts_.feature_groups);
  scratch.labels_.resize(words.size());
  float* confidence_out = confidence.empty() ? nullptr : confidence.data();
  if (parts_.decoder == DecoderKind::kGreedy) {
    internal::GreedyDecode(parts_.weights, scratch.sentence_, parts_.feature_groups,
                           scratch.decode_, scratch.labels_.data(), confidence_out);
  } else {
    internal::ScoreSentence(parts_.weights, scratch.sentence_, parts_.feature_groups,
                            scratch.decode_);
    AddNeuralScores(words, scratch);
    internal::Viterbi(words.size(), scratch.decode_, scratch.labels_.data());
    if (confidence_out != nullptr) {
      internal::Marginals(words.size(), scratch.decode_, scratch.labels_.data(), confidence_out);
    }
  }
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    labels[word_idx] = static_cast<BioLabel>(scratch.labels_[word_idx]);
  }
}

}  // namespace khabar::ner
