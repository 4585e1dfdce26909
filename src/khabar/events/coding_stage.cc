#include "khabar/events/coding_stage.h"

#include <utility>

#include "khabar/base/data_dir.h"

namespace khabar::events {

StatusOr<std::unique_ptr<CodingStage>> CodingStage::Create(const CodingStageOptions& options) {
  std::string dictionary_dir = options.dictionary_dir;
  std::string plover_path = options.plover_path;
  if (dictionary_dir.empty() || (plover_path.empty() && options.plover_mapping)) {
    KH_ASSIGN_OR_RETURN(std::string data, base::FindDataDir());
    if (dictionary_dir.empty()) dictionary_dir = data + "/cameo";
    if (plover_path.empty()) plover_path = data + "/plover/CAMEO2PLOVER-2021.txt";
  }
  KH_ASSIGN_OR_RETURN(dict::Dictionaries dictionaries,
                      dict::LoadDictionaries(dictionary_dir, options.files));
  CameoCodebook codebook;
  if (options.plover_mapping) {
    KH_ASSIGN_OR_RETURN(codebook, CameoCodebook::Load(plover_path));
  }
  return std::unique_ptr<CodingStage>(
      new CodingStage(std::make_unique<dict::Dictionaries>(std::move(dictionaries)),
                      std::make_unique<CameoCodebook>(std::move(codebook)), options.resolver_factory));
}

CodingStage::CodingStage(std::unique_ptr<dict::Dictionaries> dictionaries,
                         std::unique_ptr<CameoCodebook> codebook,
                         const DocumentResolverFactory* factory)
    : dictionaries_(std::move(dictionaries)),
      codebook_(std::move(codebook)),
      stage_(*dictionaries_, *codebook_) {
  stage_.set_resolver_factory(factory);
}

Status CodingStage::Process(doc::Document& document) const {
  document.events.Clear();
  CodingContext context;
  context.date = ArticleDate(document);
  return stage_.Annotate(document, context, document.events);
}

Status CodingStage::ProcessWithTrace(doc::Document& document,
                                     std::vector<SentenceTrace>* trace) const {
  document.events.Clear();
  CodingContext context;
  context.date = ArticleDate(document);
  return stage_.Annotate(document, context, document.events, trace);
}

}  // namespace khabar::events
