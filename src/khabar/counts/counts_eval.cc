#include "khabar/counts/counts_eval.h"

#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "khabar/base/file.h"
#include "khabar/counts/attach.h"
#include "khabar/counts/counts_stage.h"
#include "khabar/events/coding_stage.h"
#include "khabar/mentions/coref_actor_resolver.h"

namespace khabar::counts {

const std::array<std::string_view, kCountFields> kCountFieldNames = {"killed", "injured", "displaced",
                                                                     "arrested", "kidnapped"};

namespace {

using json = nlohmann::json;

// One line as a case, or the reason it is no case.
StatusOr<CountsCase> ParseCase(std::string_view line) {
  json object = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded() || !object.is_object()) return InvalidArgumentError("not a JSON object");
  CountsCase item;
  for (const char* key : {"id", "text", "verb"}) {
    auto found = object.find(key);
    if (found == object.end() || !found->is_string() || found->get<std::string>().empty()) {
      return InvalidArgumentError(fmt::format("\"{}\" must be a non-empty string", key));
    }
  }
  item.id = object["id"].get<std::string>();
  item.text = object["text"].get<std::string>();
  item.verb = object["verb"].get<std::string>();
  for (size_t field = 0; field < kCountFields; ++field) {
    auto found = object.find(std::string(kCountFieldNames[field]));
    if (found == object.end()) return InvalidArgumentError(fmt::format("\"{}\" is missing", kCountFieldNames[field]));
    if (found->is_null()) {
      item.gold[field] = -1;
    } else if (found->is_number_integer() && found->get<int64_t>() >= 0) {
      item.gold[field] = found->get<int64_t>();
    } else {
      return InvalidArgumentError(fmt::format("\"{}\" must be a non-negative integer or null",
                                              kCountFieldNames[field]));
    }
  }
  return item;
}

CountValues ValuesOf(const doc::EventCounts& counts) {
  return {counts.killed.value, counts.injured.value, counts.displaced.value, counts.arrested.value,
          counts.kidnapped.value};
}

// The first word written exactly as `verb`, else the first equal ignoring case.
std::optional<doc::WordIndex> FindVerb(const doc::Document& document, std::string_view verb) {
  std::optional<doc::WordIndex> folded;
  for (doc::WordIndex index = 0; index < document.words.words.size(); ++index) {
    std::string_view form = document.words.Form(document.text, document.words.words[index]);
    if (form == verb) return index;
    if (!folded && form.size() == verb.size() &&
        std::equal(form.begin(), form.end(), verb.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      folded = index;
    }
  }
  return folded;
}

uint32_t SentenceOf(const doc::Document& document, doc::WordIndex word) {
  for (uint32_t sentence = 0; sentence < document.words.sentences.size(); ++sentence) {
    if (word < document.words.sentences[sentence].word_end) return sentence;
  }
  return 0;
}

// The counts of the case's verb: its coded event's, else an uncoded anchor's.
CountsCaseResult CountsOfVerb(const doc::Document& document, std::string_view verb) {
  CountsCaseResult result;
  result.found.fill(-1);
  std::optional<doc::WordIndex> word = FindVerb(document, verb);
  if (!word) return result;
  result.verb_found = true;
  for (const doc::Event& event : document.events.events) {
    if (event.verb != *word) continue;
    result.coded = true;
    result.found = ValuesOf(event.counts);
    return result;
  }
  const uint32_t sentence = SentenceOf(document, *word);
  std::vector<Anchor> anchors;
  for (const doc::Event& event : document.events.events) {
    if (event.sentence == sentence) anchors.push_back(Anchor{event.verb, event.root, event.quad_class});
  }
  anchors.push_back(Anchor{*word, "", 0});
  result.found = ValuesOf(AttachCounts(document, sentence, anchors).back());
  return result;
}

}  // namespace

CountsGold ParseCountsGold(std::string_view bytes, std::string_view name) {
  CountsGold gold;
  size_t line_number = 0;
  while (!bytes.empty()) {
    size_t newline = bytes.find('\n');
    std::string_view line = bytes.substr(0, newline);
    bytes.remove_prefix(newline == std::string_view::npos ? bytes.size() : newline + 1);
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    StatusOr<CountsCase> item = ParseCase(line);
    if (!item.ok()) {
      gold.errors.push_back(fmt::format("{}:{}: {}", name, line_number, item.status().message()));
      continue;
    }
    item->line = line_number;
    gold.cases.push_back(std::move(*item));
  }
  return gold;
}

StatusOr<CountsGold> ReadCountsGold(const std::string& path) {
  KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(path, base::kDefaultMaxFileBytes));
  return ParseCountsGold(bytes, path);
}

void CountsScore::Add(const CountValues& gold, const CountValues& found) {
  ++cases;
  size_t right = 0;
  for (size_t field = 0; field < kCountFields; ++field) {
    if (gold[field] != found[field]) continue;
    ++right;
    ++right_by_field[field];
  }
  fields_right += right;
  if (right == kCountFields) ++cases_right;
}

StatusOr<CountsEvalResult> RunCountsEval(const CountsEvalOptions& options) {
  CountsEvalResult result;
  KH_ASSIGN_OR_RETURN(result.gold, ReadCountsGold(options.gold));
  events::CodingStageOptions coding;
  coding.dictionary_dir = options.dictionaries;
  coding.resolver_factory = &mentions::CoreferenceResolution();
  KH_ASSIGN_OR_RETURN(std::unique_ptr<events::CodingStage> coder, events::CodingStage::Create(coding));
  KH_ASSIGN_OR_RETURN(pipeline::Analysis analysis, pipeline::Analysis::Load(options.models));
  const CountsStage counts;
  for (size_t index = 0; index < result.gold.cases.size(); ++index) {
    const CountsCase& item = result.gold.cases[index];
    doc::Document document;
    document.id = item.id;
    document.raw = item.text;
    KH_RETURN_IF_ERROR(analysis.Analyze(document).WithPrefix(item.id));
    KH_RETURN_IF_ERROR(coder->Process(document).WithPrefix(item.id));
    KH_RETURN_IF_ERROR(counts.Process(document).WithPrefix(item.id));
    CountsCaseResult case_result = CountsOfVerb(document, item.verb);
    case_result.item = index;
    result.score.Add(item.gold, case_result.found);
    result.results.push_back(case_result);
  }
  return result;
}

}  // namespace khabar::counts
