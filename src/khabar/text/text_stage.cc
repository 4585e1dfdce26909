#include "khabar/text/text_stage.h"

#include <filesystem>
#include <limits>

#include "khabar/base/data_dir.h"
#include "khabar/base/utf8.h"
#include "khabar/model/container.h"

namespace khabar::text {
namespace {

// True if `word` ends with an abbreviation's stop that should go to its own token when
// the sentence ends there.
bool HasDetachableStop(std::string_view word) {
  if (word.size() < 3 || word.back() != '.') return false;
  std::string_view stem = word.substr(0, word.size() - 1);
  if (stem.back() == '.') return false;
  return Tokenizer::IsAbbreviation(stem) && !Tokenizer::IsTitle(stem) && stem.size() > 1;
}

}  // namespace

StatusOr<std::unique_ptr<TextStage>> TextStage::Create(const std::string& model_path) {
  KH_ASSIGN_OR_RETURN(model::ModelReader reader,
                      model::ModelReader::Load(model_path, model::ComponentKind::kTokenizer,
                                               kTokenizerSchemaVersion, kTokenizerSchemaVersion));
  KH_ASSIGN_OR_RETURN(std::string_view weights, reader.Section(kSplitterWeightsSection));
  StatusOr<SentenceSplitter> splitter = SentenceSplitter::FromBytes(weights);
  if (!splitter.ok()) return splitter.status().WithPrefix(model_path);
  return std::make_unique<TextStage>(std::move(splitter).value());
}

std::string DefaultTokenizerModelPath() { return base::ModelsDir() + "/tokenizer-en.khm"; }

StatusOr<std::unique_ptr<TextStage>> TextStage::CreateWithDefault(const std::string& model_path) {
  if (!model_path.empty()) return Create(model_path);
  std::string default_path = DefaultTokenizerModelPath();
  std::error_code error;
  if (std::filesystem::is_regular_file(default_path, error)) return Create(default_path);
  return CreateRuleBased();
}

std::unique_ptr<TextStage> TextStage::CreateRuleBased() {
  return std::make_unique<TextStage>(SentenceSplitter::RuleBased());
}

Status TextStage::SaveModel(const SentenceSplitter& splitter, std::string_view training_data,
                            const std::string& path) {
  model::ModelWriter writer(model::ComponentKind::kTokenizer, kTokenizerSchemaVersion,
                            std::string(training_data));
  writer.AddSection(kSplitterWeightsSection, splitter.Serialize());
  return writer.WriteToFile(path);
}

Status TextStage::Process(doc::Document& document) const {
  if (document.raw.size() >= std::numeric_limits<uint32_t>::max() / 2) {
    return ResourceExhaustedError("text: document larger than 2 GiB");
  }
  if (size_t bad = base::FindInvalidUtf8(document.raw); bad != std::string_view::npos) {
    return InvalidArgumentError("text: invalid UTF-8 at byte " + std::to_string(bad));
  }
  normalizer_.Normalize(document);
  if (document.text.size() >= std::numeric_limits<uint32_t>::max()) {
    return ResourceExhaustedError("text: normalised text larger than 4 GiB");
  }
  document.tokens.clear();
  tokenizer_.Tokenize(document.text, &document.tokens);
  splitter_.Split(document.text, document.tokens, &document.sentences);
  SplitFinalAbbreviationStops(document.text, document.tokens, document.sentences);
  return Status::Ok();
}

void SplitFinalAbbreviationStops(std::string_view text, std::vector<doc::Token>& tokens,
                                 std::vector<doc::Sentence>& sentences) {
  size_t extra = 0;
  for (const doc::Sentence& sentence : sentences) {
    extra += HasDetachableStop(tokens[sentence.token_end - 1].span.In(text));
  }
  if (extra == 0) return;
  std::vector<doc::Token> result;
  result.reserve(tokens.size() + extra);
  for (doc::Sentence& sentence : sentences) {
    doc::TokenIndex begin = static_cast<doc::TokenIndex>(result.size());
    for (doc::TokenIndex i = sentence.token_begin; i < sentence.token_end; ++i) {
      doc::Token token = tokens[i];
      if (i + 1 == sentence.token_end && HasDetachableStop(token.span.In(text))) {
        doc::Token stop = token;
        stop.span.begin = token.span.end - 1;
        stop.paragraph_start = false;
        token.span.end -= 1;
        token.space_after = false;
        result.push_back(token);
        result.push_back(stop);
        continue;
      }
      result.push_back(token);
    }
    sentence.token_begin = begin;
    sentence.token_end = static_cast<doc::TokenIndex>(result.size());
  }
  tokens = std::move(result);
}

}  // namespace khabar::text
