#include "khabar/pipeline/pipeline.h"

namespace khabar::pipeline {

Status Pipeline::Run(doc::Document& document, StageFailure* failure) const {
  for (const auto& stage : stages_) {
    Status status = stage->Process(document);
    if (status.ok()) continue;
    if (failure != nullptr) *failure = StageFailure{std::string(stage->name()), status};
    return status.WithPrefix(stage->name());
  }
  return Status();
}

}  // namespace khabar::pipeline
