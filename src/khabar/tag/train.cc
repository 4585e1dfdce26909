#include "khabar/tag/train.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <unordered_map>

#include "khabar/base/file.h"
#include "khabar/tag/internal/decode.h"
#include "khabar/tag/internal/features.h"
#include "khabar/tag/wordnet.h"

namespace khabar::tag {
namespace {

using internal::HashIndex;

constexpr size_t kMaxLabels = 0xFFFE;
constexpr uint32_t kAmbMinShare = 20;  // a label joins a word's class at >= 1/20 of its uses

// All training sentences as flat arrays of forms and gold labels.
struct Corpus {
  std::vector<treebank::Treebank> banks;
  std::vector<std::string_view> forms;
  std::vector<uint16_t> gold;
  std::vector<uint32_t> sentence_begin;  // sentence s is [sentence_begin[s], sentence_begin[s+1])
  // Per word: the lexicon's frequency and ambiguity class without this occurrence.
  std::vector<uint32_t> loo_freq;
  std::vector<uint32_t> loo_amb;
  size_t label_count = 0;
  size_t sentence_count() const { return sentence_begin.size() - 1; }
};

struct Vocabulary {
  std::map<std::pair<std::string_view, std::string_view>, uint16_t> labels;  // (UPOS, XPOS)
  std::map<std::string_view, uint16_t> xpos;
};

StatusOr<std::vector<treebank::Treebank>> ReadAll(const TrainOptions& options) {
  std::vector<treebank::Treebank> banks;
  for (const std::string& path : options.train_paths) {
    KH_ASSIGN_OR_RETURN(treebank::Treebank bank, treebank::ReadTreebank(path));
    banks.push_back(std::move(bank));
  }
  return banks;
}

size_t SentenceLimit(const treebank::Treebank& bank, const TrainOptions& options) {
  size_t count = bank.sentences().size();
  return options.max_train_sentences ? std::min(count, options.max_train_sentences) : count;
}

StatusOr<Vocabulary> BuildVocabulary(const std::vector<treebank::Treebank>& banks,
                                     const TrainOptions& options, TaggerParts& parts) {
  std::set<std::pair<std::string_view, std::string_view>> labels;
  std::set<std::string_view> xpos;
  for (const treebank::Treebank& bank : banks) {
    for (size_t s = 0; s < SentenceLimit(bank, options); ++s) {
      for (const treebank::Word& word : bank.Words(bank.sentences()[s])) {
        labels.emplace(word.upos, word.xpos);
        xpos.insert(word.xpos);
      }
    }
  }
  if (labels.empty()) return InvalidArgumentError("no training words");
  if (labels.size() > kMaxLabels) return InvalidArgumentError("too many distinct UPOS|XPOS labels");
  Vocabulary vocabulary;
  for (std::string_view name : xpos) {
    vocabulary.xpos.emplace(name, static_cast<uint16_t>(parts.xpos_names.size()));
    parts.xpos_names.emplace_back(name);
  }
  for (const auto& [upos_name, xpos_name] : labels) {
    vocabulary.labels.emplace(std::make_pair(upos_name, xpos_name),
                              static_cast<uint16_t>(parts.upos_names.size()));
    parts.upos_names.emplace_back(upos_name);
    parts.label_xpos.push_back(vocabulary.xpos.at(xpos_name));
  }
  return vocabulary;
}

Corpus Flatten(std::vector<treebank::Treebank> banks, const Vocabulary& vocabulary,
               const TrainOptions& options) {
  Corpus corpus;
  corpus.banks = std::move(banks);
  corpus.sentence_begin.push_back(0);
  for (const treebank::Treebank& bank : corpus.banks) {
    for (size_t s = 0; s < SentenceLimit(bank, options); ++s) {
      std::span<const treebank::Word> words = bank.Words(bank.sentences()[s]);
      if (words.empty()) continue;
      for (const treebank::Word& word : words) {
        corpus.forms.push_back(word.form);
        corpus.gold.push_back(vocabulary.labels.at({word.upos, word.xpos}));
      }
      corpus.sentence_begin.push_back(static_cast<uint32_t>(corpus.forms.size()));
    }
  }
  return corpus;
}

struct WordStats {
  uint32_t freq = 0;
  std::map<uint16_t, uint32_t> labels;
};

// The ambiguity class of a word: a hash of the labels holding at least 1/kAmbMinShare of
// its uses, leaving out one use of `excluded` (pass kStartLabel to leave out nothing).
uint32_t AmbiguityClass(const WordStats& stats, uint32_t excluded) {
  uint32_t freq = stats.freq - (excluded != internal::kStartLabel);
  uint64_t amb = 0x51ED;
  for (const auto& [label, total] : stats.labels) {
    uint32_t count = total - (label == excluded);
    if (count > 0 && count * kAmbMinShare >= freq) amb = internal::HashPair(amb, label);
  }
  return static_cast<uint32_t>(amb) | 1;
}

internal::Lexicon BuildLexicon(Corpus& corpus) {
  std::map<std::string, WordStats> words;
  std::vector<const WordStats*> per_word(corpus.forms.size());
  std::string lower;
  for (size_t word_idx = 0; word_idx < corpus.forms.size(); ++word_idx) {
    lower.clear();
    internal::AppendLower(corpus.forms[word_idx], lower);
    WordStats& stats = words[lower];
    ++stats.freq;
    ++stats.labels[corpus.gold[word_idx]];
    per_word[word_idx] = &stats;  // std::map nodes do not move
  }
  corpus.loo_freq.resize(corpus.forms.size());
  corpus.loo_amb.resize(corpus.forms.size());
  for (size_t word_idx = 0; word_idx < corpus.forms.size(); ++word_idx) {
    corpus.loo_freq[word_idx] = per_word[word_idx]->freq - 1;
    corpus.loo_amb[word_idx] = AmbiguityClass(*per_word[word_idx], corpus.gold[word_idx]);
  }
  internal::Lexicon lexicon;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> rows;
  for (const auto& [word, stats] : words) {
    keys.push_back(internal::WordKey(word));
    rows.push_back(static_cast<uint32_t>(lexicon.freq.size()));
    lexicon.freq.push_back(stats.freq);
    lexicon.amb.push_back(AmbiguityClass(stats, internal::kStartLabel));
  }
  lexicon.index = HashIndex::Build(keys, rows);
  return lexicon;
}

MultiwordSplitter BuildMultiwords(const Corpus& corpus, const TrainOptions& options) {
  MultiwordSplitter::Builder builder;
  std::vector<std::string_view> parts;
  for (const treebank::Treebank& bank : corpus.banks) {
    for (size_t s = 0; s < SentenceLimit(bank, options); ++s) {
      const treebank::Sentence& sentence = bank.sentences()[s];
      std::span<const treebank::Word> words = bank.Words(sentence);
      uint32_t covered_until = 0;
      for (const treebank::MultiwordToken& range : bank.Multiwords(sentence)) {
        parts.clear();
        for (uint32_t id = range.first; id <= range.last && id <= words.size(); ++id)
          parts.push_back(words[id - 1].form);
        builder.AddMultiword(range.form, parts);
      }
      std::span<const treebank::MultiwordToken> ranges = bank.Multiwords(sentence);
      size_t range_idx = 0;
      for (const treebank::Word& word : words) {
        if (range_idx < ranges.size() && ranges[range_idx].first == word.id)
          covered_until = ranges[range_idx++].last;
        if (word.id > covered_until) builder.AddSingleWord(word.form);
      }
    }
  }
  return builder.Build({});
}

StatusOr<Lemmatizer> BuildLemmatizer(const Corpus& corpus, const Vocabulary& vocabulary,
                                     const TrainOptions& options,
                                     const std::vector<std::string>& xpos_names,
                                     size_t* exception_entries) {
  Lemmatizer::Builder builder;
  size_t files = options.lemma_files ? std::min(options.lemma_files, corpus.banks.size())
                                     : corpus.banks.size();
  for (size_t file = 0; file < files; ++file) {
    const treebank::Treebank& bank = corpus.banks[file];
    for (size_t s = 0; s < SentenceLimit(bank, options); ++s) {
      for (const treebank::Word& word : bank.Words(bank.sentences()[s])) {
        builder.AddWord(word.form, vocabulary.xpos.at(word.xpos), word.lemma);
      }
    }
  }
  *exception_entries = 0;
  if (!options.wordnet_dir.empty() && std::filesystem::exists(options.wordnet_dir)) {
    KH_ASSIGN_OR_RETURN(*exception_entries,
                        AddWordNetExceptions(options.wordnet_dir, xpos_names, builder));
  }
  return builder.Build({});
}

uint16_t Argmax(const std::vector<float>& scores) {
  uint32_t best = 0;
  for (uint32_t label = 1; label < scores.size(); ++label) {
    if (scores[label] > scores[best]) best = label;
  }
  return static_cast<uint16_t>(best);
}

// Fills `features` for sentence `s` with the leave-one-out lexicon values of training.
void PrepareTraining(const Corpus& corpus, const internal::Lexicon& lexicon,
                     const TrainOptions& options, uint32_t s,
                     internal::SentenceFeatures& features) {
  uint32_t begin = corpus.sentence_begin[s], end = corpus.sentence_begin[s + 1];
  std::span<const std::string_view> forms(corpus.forms.data() + begin, end - begin);
  internal::PrepareSentence(forms, lexicon, options.rare_cutoff, features);
  for (size_t position = 0; position < forms.size(); ++position) {
    internal::OverrideLexicon(features.words[position], corpus.loo_freq[begin + position],
                              corpus.loo_amb[begin + position], options.rare_cutoff);
  }
}

// One perceptron epoch over `sentences` in a shuffled order. `first_pass` (null for the
// first pass) holds a first-pass label for every corpus word.
void TrainEpoch(const Corpus& corpus, const internal::Lexicon& lexicon, const TrainOptions& options,
                std::vector<uint32_t> order, const std::vector<uint16_t>* first_pass,
                std::mt19937_64& rng, internal::PerceptronTrainer& trainer) {
  for (size_t remaining = order.size(); remaining > 1; --remaining) {
    std::swap(order[remaining - 1], order[rng() % remaining]);
  }
  internal::SentenceFeatures features;
  std::vector<float> scores(trainer.class_count());
  std::vector<uint16_t> predicted;
  uint64_t hashes[internal::kMaxFeatures];
  for (uint32_t s : order) {
    uint32_t begin = corpus.sentence_begin[s], end = corpus.sentence_begin[s + 1];
    PrepareTraining(corpus, lexicon, options, s, features);
    const uint16_t* first = first_pass ? first_pass->data() + begin : nullptr;
    predicted.assign(end - begin, 0);
    for (size_t position = 0; position < predicted.size(); ++position) {
      size_t count = internal::ExtractFeatures(features, position, predicted.data(), first, hashes);
      std::fill(scores.begin(), scores.end(), 0.0f);
      trainer.Score(hashes, count, scores.data());
      predicted[position] = Argmax(scores);
      trainer.Tick();
      trainer.Update(hashes, count, corpus.gold[begin + position], predicted[position]);
    }
  }
}

// What one pass's training produced.
struct PassResult {
  internal::PerceptronWeights weights;
  int best_epoch = 0;
  TagAccuracy best_dev;
  std::vector<TagAccuracy> dev_by_epoch;
  std::unique_ptr<Tagger> tagger;  // with this pass's best weights
};

// Trains one pass on `sentences` for up to `epochs` epochs. With `dev`, keeps the epoch
// with the best UPOS+XPOS (evaluated through a Tagger made by `make_parts`) and stops
// after options.patience epochs without improvement; without, keeps the last epoch.
template <typename MakeParts>
PassResult TrainPass(const Corpus& corpus, const internal::Lexicon& lexicon,
                     const TrainOptions& options, const std::vector<uint32_t>& sentences,
                     const std::vector<uint16_t>* first_pass, int epochs,
                     const treebank::Treebank* dev, uint64_t seed, MakeParts make_parts) {
  internal::PerceptronTrainer trainer(static_cast<uint32_t>(corpus.label_count));
  std::mt19937_64 rng(seed);
  PassResult result;
  double best_score = -1;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    TrainEpoch(corpus, lexicon, options, sentences, first_pass, rng, trainer);
    if (dev == nullptr && epoch < epochs) continue;
    internal::PerceptronWeights weights = trainer.Average(options.min_weight);
    if (dev == nullptr) {
      result.weights = std::move(weights);
      result.best_epoch = epoch;
      break;
    }
    auto tagger = std::make_unique<Tagger>(make_parts(weights));
    TagAccuracy accuracy = EvaluateTagger(*tagger, *dev);
    result.dev_by_epoch.push_back(accuracy);
    if (accuracy.upos + accuracy.xpos > best_score) {
      best_score = accuracy.upos + accuracy.xpos;
      result.best_epoch = epoch;
      result.best_dev = accuracy;
      result.weights = std::move(weights);
      result.tagger = std::move(tagger);
    } else if (epoch - result.best_epoch >= options.patience) {
      break;
    }
  }
  return result;
}

// First-pass labels for every training word, each predicted by a model that did not see
// the word's sentence (k-fold jackknifing), so the second pass learns how far to trust
// first-pass output on unseen text.
std::vector<uint16_t> JackknifeFirstPass(const Corpus& corpus, const internal::Lexicon& lexicon,
                                         const TrainOptions& options, int epochs) {
  std::vector<uint16_t> labels(corpus.forms.size(), 0);
  uint32_t folds = static_cast<uint32_t>(options.folds);
  internal::SentenceFeatures features;
  std::vector<float> scores(corpus.label_count);
  for (uint32_t fold = 0; fold < folds; ++fold) {
    std::vector<uint32_t> train;
    for (uint32_t s = 0; s < corpus.sentence_count(); ++s) {
      if (s % folds != fold) train.push_back(s);
    }
    PassResult pass = TrainPass(corpus, lexicon, options, train, nullptr, epochs, nullptr,
                                options.seed + fold + 1,
                                [](const internal::PerceptronWeights&) { return TaggerParts(); });
    for (uint32_t s = fold; s < corpus.sentence_count(); s += folds) {
      PrepareTraining(corpus, lexicon, options, s, features);
      internal::GreedyDecode(pass.weights, features, nullptr, scores.data(),
                             labels.data() + corpus.sentence_begin[s]);
    }
  }
  return labels;
}

std::string DefaultTrainingData(const TrainOptions& options) {
  std::string names;
  for (const std::string& path : options.train_paths) {
    if (!names.empty()) names += "+";
    names += std::filesystem::path(path).filename().string();
  }
  return names;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t byte = 0; byte < a.size(); ++byte) {
    auto fold = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    if (fold(a[byte]) != fold(b[byte])) return false;
  }
  return true;
}

double Percent(size_t correct, size_t total) { return total ? 100.0 * correct / total : 0.0; }

// Splits each gold surface token of `sentence` (each range, and each word outside a range)
// and counts the tokens and the splits that give the gold words.
void CountSplits(const MultiwordSplitter& splitter, const treebank::Treebank& gold,
                 const treebank::Sentence& sentence, size_t* correct, size_t* tokens) {
  std::span<const treebank::Word> words = gold.Words(sentence);
  std::span<const treebank::MultiwordToken> ranges = gold.Multiwords(sentence);
  WordPiece pieces[kMaxWordsPerToken];
  size_t range_idx = 0;
  for (size_t word_idx = 0; word_idx < words.size();) {
    std::string_view surface = words[word_idx].form;
    size_t word_count = 1;
    if (range_idx < ranges.size() && ranges[range_idx].first == words[word_idx].id) {
      surface = ranges[range_idx].form;
      word_count = std::min<size_t>(ranges[range_idx].last - ranges[range_idx].first + 1,
                                    words.size() - word_idx);
      ++range_idx;
    }
    size_t count = splitter.Split(surface, pieces);
    bool same = count == word_count;
    for (size_t piece = 0; same && piece < count; ++piece) {
      same = EqualsIgnoringAsciiCase(pieces[piece].form, words[word_idx + piece].form);
    }
    *correct += same;
    ++*tokens;
    word_idx += word_count;
  }
}

}  // namespace

TagAccuracy EvaluateTagger(const Tagger& tagger, const treebank::Treebank& gold) {
  TagAccuracy accuracy;
  size_t upos = 0, xpos = 0, lemma = 0, split = 0;
  TagScratch scratch;
  std::vector<std::string_view> forms;
  std::vector<uint16_t> labels;
  std::string lemma_text;
  for (const treebank::Sentence& sentence : gold.sentences()) {
    std::span<const treebank::Word> words = gold.Words(sentence);
    forms.clear();
    for (const treebank::Word& word : words) forms.push_back(word.form);
    labels.resize(forms.size());
    tagger.Tag(forms, scratch, labels);
    for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
      const treebank::Word& word = words[word_idx];
      upos += tagger.UposLabelName(labels[word_idx]) == word.upos;
      uint16_t xpos_id = tagger.xpos(labels[word_idx]);
      xpos += tagger.XposName(xpos_id) == word.xpos;
      lemma_text.clear();
      tagger.lemmatizer().Lemmatize(word.form, xpos_id, lemma_text);
      lemma += word.lemma == "_" || lemma_text == word.lemma;
    }
    accuracy.words += words.size();
    CountSplits(tagger.multiwords(), gold, sentence, &split, &accuracy.tokens);
  }
  accuracy.upos = Percent(upos, accuracy.words);
  accuracy.xpos = Percent(xpos, accuracy.words);
  accuracy.lemma = Percent(lemma, accuracy.words);
  accuracy.multiword = Percent(split, accuracy.tokens);
  return accuracy;
}

std::string TagTreebank(const Tagger& tagger, treebank::Treebank& treebank) {
  TagScratch scratch;
  std::vector<std::string_view> forms;
  std::vector<uint16_t> labels;
  std::string lemmas;
  std::vector<std::pair<uint32_t, uint32_t>>
      lemma_spans;  // views are taken once `lemmas` stops growing
  std::vector<uint16_t> all_labels;
  for (const treebank::Sentence& sentence : treebank.sentences()) {
    forms.clear();
    for (const treebank::Word& word : treebank.Words(sentence)) forms.push_back(word.form);
    labels.resize(forms.size());
    tagger.Tag(forms, scratch, labels);
    for (size_t word_idx = 0; word_idx < forms.size(); ++word_idx) {
      uint32_t begin = static_cast<uint32_t>(lemmas.size());
      tagger.lemmatizer().Lemmatize(forms[word_idx], tagger.xpos(labels[word_idx]), lemmas);
      lemma_spans.emplace_back(begin, static_cast<uint32_t>(lemmas.size()));
      all_labels.push_back(labels[word_idx]);
    }
  }
  std::vector<treebank::Word>& words = treebank.mutable_words();
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    uint16_t label = all_labels[word_idx];
    words[word_idx].upos = tagger.UposLabelName(label);
    words[word_idx].xpos = tagger.XposName(tagger.xpos(label));
    auto [begin, end] = lemma_spans[word_idx];
    words[word_idx].lemma = std::string_view(lemmas).substr(begin, end - begin);
  }
  return treebank::WriteTreebank(treebank);
}

StatusOr<TagAccuracy> EvaluateTaggerFile(const Tagger& tagger, const std::string& path) {
  KH_ASSIGN_OR_RETURN(treebank::Treebank gold, treebank::ReadTreebank(path));
  return EvaluateTagger(tagger, gold);
}

namespace {

// Everything training needs before the perceptron passes.
struct Prepared {
  Corpus corpus;
  TaggerParts base;  // all but the weights
  std::unique_ptr<treebank::Treebank> dev;
  std::vector<uint32_t> all_sentences;
};

StatusOr<Prepared> Prepare(const TrainOptions& options, TrainReport& report) {
  Prepared prepared;
  TaggerParts& base = prepared.base;
  base.rare_cutoff = options.rare_cutoff;
  KH_ASSIGN_OR_RETURN(std::vector<treebank::Treebank> banks, ReadAll(options));
  KH_ASSIGN_OR_RETURN(Vocabulary vocabulary, BuildVocabulary(banks, options, base));
  prepared.corpus = Flatten(std::move(banks), vocabulary, options);
  Corpus& corpus = prepared.corpus;
  corpus.label_count = base.label_xpos.size();
  report.train_words = corpus.forms.size();
  base.lexicon = BuildLexicon(corpus);
  bool wordnet = !options.wordnet_dir.empty() && std::filesystem::exists(options.wordnet_dir);
  if (wordnet && options.wordnet_features) {
    KH_ASSIGN_OR_RETURN(base.lexicon.wordnet, BuildWordNetLexicon(options.wordnet_dir));
  }
  base.multiwords = BuildMultiwords(corpus, options);
  KH_ASSIGN_OR_RETURN(base.lemmatizer, BuildLemmatizer(corpus, vocabulary, options, base.xpos_names,
                                                       &report.exception_entries));
  if (!options.dev_path.empty()) {
    KH_ASSIGN_OR_RETURN(treebank::Treebank dev, treebank::ReadTreebank(options.dev_path));
    prepared.dev = std::make_unique<treebank::Treebank>(std::move(dev));
  }
  prepared.all_sentences.resize(corpus.sentence_count());
  for (uint32_t s = 0; s < corpus.sentence_count(); ++s) prepared.all_sentences[s] = s;
  return prepared;
}

void TrainFirstPass(const TrainOptions& options, Prepared& prepared, TrainReport& report) {
  TaggerParts& base = prepared.base;
  PassResult first = TrainPass(prepared.corpus, base.lexicon, options, prepared.all_sentences,
                               nullptr, options.epochs, prepared.dev.get(), options.seed,
                               [&](const internal::PerceptronWeights& weights) {
                                 TaggerParts parts = base;
                                 parts.weights = weights;
                                 return parts;
                               });
  report.dev_by_epoch = first.dev_by_epoch;
  report.best_epoch = first.best_epoch;
  report.best_dev = first.best_dev;
  base.weights = std::move(first.weights);
  report.tagger = first.tagger ? std::move(first.tagger) : std::make_unique<Tagger>(base);
}

// Trains the second pass and keeps it if it beats the first on dev (always without dev).
void TrainSecondPass(const TrainOptions& options, Prepared& prepared, TrainReport& report) {
  TaggerParts& base = prepared.base;
  std::vector<uint16_t> jackknifed =
      JackknifeFirstPass(prepared.corpus, base.lexicon, options, report.best_epoch);
  PassResult second = TrainPass(prepared.corpus, base.lexicon, options, prepared.all_sentences,
                                &jackknifed, options.epochs, prepared.dev.get(), options.seed + 100,
                                [&](const internal::PerceptronWeights& weights) {
                                  TaggerParts parts = base;
                                  parts.second_weights = weights;
                                  return parts;
                                });
  report.second_dev_by_epoch = second.dev_by_epoch;
  report.second_best_epoch = second.best_epoch;
  double first_score = report.best_dev.upos + report.best_dev.xpos;
  if (prepared.dev && second.best_dev.upos + second.best_dev.xpos <= first_score) return;
  report.best_dev = second.best_dev;
  base.second_weights = std::move(second.weights);
  report.tagger = second.tagger ? std::move(second.tagger) : std::make_unique<Tagger>(base);
}

}  // namespace

StatusOr<TrainReport> TrainTagger(const TrainOptions& options) {
  if (options.train_paths.empty()) return InvalidArgumentError("no training files");
  if (options.epochs <= 0 || options.folds < 2) {
    return InvalidArgumentError("need epochs >= 1 and folds >= 2");
  }
  auto start = std::chrono::steady_clock::now();
  TrainReport report;
  KH_ASSIGN_OR_RETURN(Prepared prepared, Prepare(options, report));
  TrainFirstPass(options, prepared, report);
  if (options.two_pass) TrainSecondPass(options, prepared, report);
  std::string training_data =
      options.training_data.empty() ? DefaultTrainingData(options) : options.training_data;
  std::string bytes = report.tagger->Serialize(training_data, "");
  report.model_bytes = bytes.size();
  if (!options.output_path.empty()) KH_RETURN_IF_ERROR(base::WriteFile(options.output_path, bytes));
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace khabar::tag
