#include "khabar/parse/train.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <set>
#include <utility>

#include "khabar/parse/internal/features.h"
#include "khabar/parse/internal/transition.h"

namespace khabar::parse {
namespace {

using internal::ActionCount;
using internal::LabelOf;
using internal::MoveOf;

constexpr char kRootLabel[] = "root";

// Deterministic pseudo-random numbers (splitmix64), identical on every platform.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

std::string_view UniversalPart(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

// True when every HEAD is present, in range and leads to the root without a cycle.
bool IsTree(std::span<const treebank::Word> words) {
  const int32_t n = static_cast<int32_t>(words.size());
  for (int32_t word_idx = 0; word_idx < n; ++word_idx) {
    int32_t node = word_idx + 1;
    for (int32_t steps = 0; node != 0; ++steps) {
      const int32_t head = words[node - 1].head;
      if (head < 0 || head > n || steps > n) return false;
      node = head;
    }
  }
  return true;
}

// Training sentences in flat arrays: gold heads and labels are indexed by node, with an
// unused entry for the root.
struct TrainingSet {
  std::vector<treebank::Treebank> treebanks;  // owns the forms
  std::vector<Word> words;
  std::vector<int32_t> heads;
  std::vector<uint16_t> labels;
  struct Span {
    uint32_t word_begin, node_begin, word_count;
  };
  std::vector<Span> sentences;
};

uint16_t IdOf(const std::vector<std::string>& names, std::string_view name) {
  const auto it = std::lower_bound(names.begin() + 1, names.end(), name);
  return it != names.end() && *it == name ? static_cast<uint16_t>(it - names.begin()) : 0;
}

std::vector<std::string> SortedNames(const std::set<std::string>& names, bool unknown_first) {
  std::vector<std::string> out;
  if (unknown_first) out.emplace_back();
  out.insert(out.end(), names.begin(), names.end());
  return out;
}

Status BuildVocabulary(const TrainingSet& set, ParserParts& parts) {
  std::set<std::string> upos, xpos, labels;
  for (const treebank::Treebank& bank : set.treebanks) {
    for (const treebank::Word& word : bank.words()) {
      upos.emplace(word.upos);
      xpos.emplace(word.xpos);
      labels.emplace(word.deprel);
    }
  }
  parts.upos_names = SortedNames(upos, true);
  parts.xpos_names = SortedNames(xpos, true);
  parts.label_names = SortedNames(labels, false);
  const auto root = std::find(parts.label_names.begin(), parts.label_names.end(), kRootLabel);
  if (root == parts.label_names.end())
    return InvalidArgumentError("training data has no root label");
  if (parts.label_names.size() > 1000) return InvalidArgumentError("too many DEPREL values");
  parts.root_label = static_cast<uint16_t>(root - parts.label_names.begin());
  return Status::Ok();
}

void AddSentence(std::span<const treebank::Word> words, const ParserParts& parts, TrainingSet& set,
                 TrainReport& report) {
  set.sentences.push_back({static_cast<uint32_t>(set.words.size()),
                           static_cast<uint32_t>(set.heads.size()),
                           static_cast<uint32_t>(words.size())});
  set.heads.push_back(internal::kNoNode);
  set.labels.push_back(0);
  for (const treebank::Word& word : words) {
    set.words.push_back(
        {word.form, IdOf(parts.upos_names, word.upos), IdOf(parts.xpos_names, word.xpos)});
    set.heads.push_back(word.head);
    const auto label =
        std::lower_bound(parts.label_names.begin(), parts.label_names.end(), word.deprel);
    set.labels.push_back(static_cast<uint16_t>(label - parts.label_names.begin()));
  }
  std::span<int32_t> heads(set.heads.data() + set.sentences.back().node_begin, words.size() + 1);
  const uint32_t lifts = internal::Projectivize(heads);
  report.nonprojective_sentences += lifts > 0 ? 1 : 0;
  report.lifted_arcs += lifts;
  report.train_words += words.size();
}

StatusOr<TrainingSet> LoadTrainingSet(const ParserTrainOptions& options, ParserParts& parts,
                                      TrainReport& report) {
  TrainingSet set;
  for (const std::string& path : options.train_files) {
    KH_ASSIGN_OR_RETURN(treebank::Treebank bank, treebank::ReadTreebank(path));
    set.treebanks.push_back(std::move(bank));
  }
  KH_RETURN_IF_ERROR(BuildVocabulary(set, parts));
  for (const treebank::Treebank& bank : set.treebanks) {
    for (const treebank::Sentence& sentence : bank.sentences()) {
      const std::span<const treebank::Word> words = bank.Words(sentence);
      if (words.empty() || !IsTree(words)) {
        ++report.skipped_sentences;
        continue;
      }
      AddSentence(words, parts, set, report);
    }
  }
  report.train_sentences = static_cast<uint32_t>(set.sentences.size());
  report.label_count = static_cast<uint32_t>(parts.label_names.size());
  if (set.sentences.empty()) return InvalidArgumentError("no usable training sentences");
  return set;
}

// Averaged perceptron weights with the accumulated-update trick (Daume 2006): the
// average after `step` steps is w - u / step.
class Trainer {
 public:
  Trainer(const ParserParts& parts, const ParserTrainOptions& options)
      : parts_(parts),
        options_(options),
        label_count_(static_cast<uint32_t>(parts.label_names.size())),
        action_count_(ActionCount(label_count_)),
        mask_((uint64_t{1} << options.hash_bits) - 1),
        weights_(mask_ + 1 + action_count_, 0.0f),
        totals_(weights_.size(), 0.0),
        scores_(action_count_),
        random_(options.seed) {}

  void TrainEpoch(const TrainingSet& set, uint32_t epoch);
  ParserParts Averaged() const;

 private:
  void TrainSentence(const TrainingSet& set, const TrainingSet::Span& sentence, bool explore);
  // Chooses the predicted and the best least-cost action for the current state.
  std::pair<uint32_t, uint32_t> Choose(std::span<const int32_t> heads,
                                       std::span<const uint16_t> labels);
  void Update(uint32_t good, uint32_t bad);

  const ParserParts& parts_;
  const ParserTrainOptions& options_;
  uint32_t label_count_;
  uint32_t action_count_;
  uint64_t mask_;
  std::vector<float> weights_;
  std::vector<double> totals_;
  double step_ = 1;
  internal::State state_;
  std::vector<internal::NodeInfo> nodes_;
  internal::FeatureVector features_;
  std::vector<float> scores_;
  std::vector<uint32_t> order_;
  Random random_;
};

void Trainer::TrainEpoch(const TrainingSet& set, uint32_t epoch) {
  order_.resize(set.sentences.size());
  for (uint32_t idx = 0; idx < order_.size(); ++idx) order_[idx] = idx;
  for (size_t idx = order_.size(); idx > 1; --idx) {
    std::swap(order_[idx - 1], order_[random_.Next() % idx]);
  }
  const bool explore = epoch >= options_.explore_from_epoch;
  for (const uint32_t sentence_idx : order_) {
    TrainSentence(set, set.sentences[sentence_idx], explore);
  }
}

void Trainer::TrainSentence(const TrainingSet& set, const TrainingSet::Span& sentence,
                            bool explore) {
  nodes_.resize(sentence.word_count + 1);
  for (uint32_t word_idx = 0; word_idx < sentence.word_count; ++word_idx) {
    const Word& word = set.words[sentence.word_begin + word_idx];
    nodes_[word_idx + 1] = {internal::HashForm(word.form), internal::HashSuffix(word.form),
                            word.upos, word.xpos};
  }
  const std::span<const int32_t> heads(set.heads.data() + sentence.node_begin,
                                       sentence.word_count + 1);
  const std::span<const uint16_t> labels(set.labels.data() + sentence.node_begin,
                                         sentence.word_count + 1);
  state_.Reset(sentence.word_count);
  while (!state_.Terminal()) {
    const auto [predicted, oracle] = Choose(heads, labels);
    if (predicted != oracle) Update(oracle, predicted);
    step_ += 1;
    const bool follow =
        predicted == oracle || (explore && random_.Uniform() < options_.explore_probability);
    const uint32_t next = follow ? predicted : oracle;
    state_.Apply(MoveOf(next, label_count_), LabelOf(next, label_count_));
  }
}

std::pair<uint32_t, uint32_t> Trainer::Choose(std::span<const int32_t> heads,
                                              std::span<const uint16_t> labels) {
  internal::ExtractFeatures(state_, nodes_, features_);
  internal::ScoreActions(weights_, mask_, features_, scores_);
  const internal::MoveCosts costs = internal::ComputeCosts(state_, heads);
  uint32_t predicted = 0, oracle = 0, oracle_cost = 0;
  bool any = false;
  for (uint32_t action = 0; action < action_count_; ++action) {
    if (!state_.Allowed(action, label_count_, parts_.root_label)) continue;
    const uint32_t cost = internal::ActionCost(state_, costs, action, label_count_, heads, labels);
    if (!any || scores_[action] > scores_[predicted]) predicted = action;
    if (!any || cost < oracle_cost || (cost == oracle_cost && scores_[action] > scores_[oracle])) {
      oracle = action;
      oracle_cost = cost;
    }
    any = true;
  }
  // A tie in score between a wrong prediction and the oracle still counts as an error.
  if (predicted != oracle &&
      internal::ActionCost(state_, costs, predicted, label_count_, heads, labels) == oracle_cost) {
    oracle = predicted;
  }
  return {predicted, oracle};
}

void Trainer::Update(uint32_t good, uint32_t bad) {
  const double step = step_;
  for (const uint64_t feature : features_) {
    const uint64_t base = feature & mask_;
    weights_[base + good] += 1.0f;
    totals_[base + good] += step;
    weights_[base + bad] -= 1.0f;
    totals_[base + bad] -= step;
  }
}

ParserParts Trainer::Averaged() const {
  ParserParts parts = parts_;
  parts.hash_bits = options_.hash_bits;
  parts.weights.resize(weights_.size());
  for (size_t idx = 0; idx < weights_.size(); ++idx) {
    parts.weights[idx] = weights_[idx] - static_cast<float>(totals_[idx] / step_);
  }
  return parts;
}

Status CheckOptions(const ParserTrainOptions& options) {
  if (options.train_files.empty()) return InvalidArgumentError("no training files");
  if (options.hash_bits < kMinHashBits || options.hash_bits > kMaxHashBits) {
    return InvalidArgumentError("hash_bits out of range");
  }
  if (options.epochs == 0) return InvalidArgumentError("epochs must be positive");
  return Status::Ok();
}

}  // namespace

StatusOr<TrainReport> TrainParser(const ParserTrainOptions& options) {
  KH_RETURN_IF_ERROR(CheckOptions(options));
  const auto start = std::chrono::steady_clock::now();
  TrainReport report;
  ParserParts parts;
  KH_ASSIGN_OR_RETURN(TrainingSet set, LoadTrainingSet(options, parts, report));
  std::optional<treebank::Treebank> dev;
  if (!options.dev_file.empty()) {
    KH_ASSIGN_OR_RETURN(treebank::Treebank bank, treebank::ReadTreebank(options.dev_file));
    dev.emplace(std::move(bank));
  }
  Trainer trainer(parts, options);
  std::optional<Parser> best;
  for (uint32_t epoch = 0; epoch < options.epochs; ++epoch) {
    trainer.TrainEpoch(set, epoch);
    KH_ASSIGN_OR_RETURN(Parser parser, Parser::FromParts(trainer.Averaged()));
    report.epochs_run = epoch + 1;
    AttachmentScores scores;
    if (dev) scores = EvaluateParser(parser, *dev);
    if (options.verbose) {
      std::fprintf(stderr, "parser epoch %u: dev UAS %.2f LAS %.2f\n", epoch + 1, scores.uas(),
                   scores.las());
    }
    if (!best || !dev || scores.las() > report.dev_las) {
      report.best_epoch = epoch + 1;
      report.dev_uas = scores.uas();
      report.dev_las = scores.las();
      best.emplace(std::move(parser));
    } else if (epoch + 1 - report.best_epoch >= options.patience) {
      break;
    }
  }
  if (!options.output_path.empty()) {
    KH_RETURN_IF_ERROR(best->Save(options.output_path, options.training_data));
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

AttachmentScores EvaluateParser(const Parser& parser, const treebank::Treebank& gold) {
  AttachmentScores scores;
  ParseScratch scratch;
  std::vector<Word> words;
  std::vector<int32_t> heads;
  std::vector<uint16_t> labels;
  for (const treebank::Sentence& sentence : gold.sentences()) {
    const std::span<const treebank::Word> gold_words = gold.Words(sentence);
    if (std::any_of(gold_words.begin(), gold_words.end(),
                    [](const treebank::Word& w) { return w.head == treebank::kNoHead; })) {
      continue;
    }
    words.clear();
    for (const treebank::Word& word : gold_words) {
      words.push_back({word.form, parser.UposId(word.upos), parser.XposId(word.xpos)});
    }
    heads.resize(words.size());
    labels.resize(words.size());
    parser.Parse(words, scratch, heads, labels);
    for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
      const treebank::Word& word = gold_words[word_idx];
      const bool head_ok = heads[word_idx] == word.head;
      scores.words += 1;
      scores.head_correct += head_ok ? 1 : 0;
      scores.labelled_correct += head_ok && UniversalPart(parser.LabelName(labels[word_idx])) ==
                                                UniversalPart(word.deprel);
    }
  }
  return scores;
}

StatusOr<AttachmentScores> EvaluateParser(const Parser& parser, const std::string& path) {
  KH_ASSIGN_OR_RETURN(treebank::Treebank gold, treebank::ReadTreebank(path));
  return EvaluateParser(parser, gold);
}

}  // namespace khabar::parse
