#include "khabar/events/cameo_eval.h"

#include <filesystem>
#include <string_view>
#include <utility>

#include "khabar/base/data_dir.h"
#include "khabar/events/cameo_codebook.h"
#include "khabar/events/coding_stage.h"
#include "khabar/events/event_stage.h"
#include "khabar/mentions/coref_actor_resolver.h"

namespace khabar::events {
namespace {

std::string StripValidatePrefix(std::string name) {
  constexpr std::string_view kPrefix = "validate/";
  if (name.rfind(kPrefix, 0) == 0) name.erase(0, kPrefix.size());
  return name;
}

std::string DescribeParse(const doc::Document& document) {
  std::string out;
  const doc::WordLayer& layer = document.words;
  for (const doc::SentenceWords& range : layer.sentences) {
    for (doc::WordIndex word = range.word_begin; word < range.word_end; ++word) {
      const doc::Word& entry = layer.words[word];
      uint32_t head = entry.head == doc::kRootHead ? 0 : entry.head - range.word_begin + 1;
      out += std::to_string(word - range.word_begin + 1) + "\t" + std::string(layer.Form(document.text, entry)) +
             "\t" + std::string(layer.Lemma(entry)) + "\t" + std::string(doc::UposName(entry.upos)) + "\t" +
             std::to_string(head) + "\t" + std::string(layer.DeprelName(entry)) + "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

dict::DictionaryFiles DictionaryFilesFor(const std::string& dir) {
  dict::DictionaryFiles validate = dict::DictionaryFiles::Validate();
  std::error_code error;
  if (!std::filesystem::exists(dir + "/" + StripValidatePrefix(validate.verbs), error)) {
    return dict::DictionaryFiles::PhoenixWithOverlays();
  }
  validate.verbs = StripValidatePrefix(validate.verbs);
  for (std::string& actors : validate.actors) actors = StripValidatePrefix(actors);
  validate.agents = StripValidatePrefix(validate.agents);
  validate.discards = StripValidatePrefix(validate.discards);
  validate.issues = StripValidatePrefix(validate.issues);
  validate.ontology = StripValidatePrefix(validate.ontology);
  return validate;
}

StatusOr<CameoEvalResult> RunCameoEval(const CameoEvalOptions& options) {
  KH_ASSIGN_OR_RETURN(std::vector<ValidationRecord> records, ReadValidationRecords(options.records));
  CodingStageOptions coding;
  coding.dictionary_dir = options.dictionaries;
  coding.files = DictionaryFilesFor(options.dictionaries);
  coding.plover_path = options.plover;
  if (options.coreference) coding.resolver_factory = &mentions::CoreferenceResolution();
  KH_ASSIGN_OR_RETURN(std::unique_ptr<CodingStage> coder, CodingStage::Create(coding));
  const EventStage& stage = coder->event_stage();
  KH_ASSIGN_OR_RETURN(pipeline::Analysis analysis, pipeline::Analysis::Load(options.models));

  CameoEvalResult result;
  for (const ValidationRecord& record : records) {
    if (!record.evaluate) {
      ++result.score.skipped;
      continue;
    }
    if (record.expectation == RecordExpectation::kBadParse) {
      ++result.score.not_applicable;
      continue;
    }
    doc::Document document;
    document.id = record.id;
    document.raw = record.text;
    if (record.date.size() == 8) {
      document.published = record.date.substr(0, 4) + "-" + record.date.substr(4, 2) + "-" + record.date.substr(6, 2);
    }
    KH_RETURN_IF_ERROR(analysis.Analyze(document).WithPrefix(record.id));
    CodingContext context;
    context.date = ArticleDate(document);
    context.future_is_intent = options.future_is_intent;
    doc::EventLayer layer;
    KH_RETURN_IF_ERROR(stage.Annotate(document, context, layer).WithPrefix(record.id));

    CameoRecordResult detail;
    detail.id = record.id;
    detail.category = record.category;
    detail.text = record.text;
    detail.expectation = record.expectation;
    detail.gold = record.gold;
    detail.parse = DescribeParse(document);
    std::vector<Triple> coded;
    for (const doc::Event& event : layer.events) {
      Triple triple{event.source.code, event.target.code, event.cameo};
      coded.push_back(triple);
      detail.coded.push_back(CodedTriple{std::move(triple), event.negated, event.pattern, event.pattern_source});
    }
    detail.correct = result.score.Add(record, std::move(coded));
    result.records.push_back(std::move(detail));
  }
  return result;
}

}  // namespace khabar::events
