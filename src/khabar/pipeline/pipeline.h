// Pipeline: runs the stages over one Document in order.
//
//   pipeline::Pipeline pipeline;
//   pipeline.Add(std::move(text_stage));
//   pipeline::StageFailure failure;
//   if (!pipeline.Run(document, &failure)) quarantine(failure);
//
// Thread-safety: after the last Add(), Run() may be called from many threads at once,
// each with its own Document; stages hold only immutable state.
#ifndef KHABAR_PIPELINE_PIPELINE_H_
#define KHABAR_PIPELINE_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/document.h"
#include "khabar/doc/stage.h"

namespace khabar::pipeline {

// Which stage stopped a document, and why.
struct StageFailure {
  std::string stage;
  Status status;
};

class Pipeline {
 public:
  void Add(std::unique_ptr<doc::Stage> stage) { stages_.push_back(std::move(stage)); }
  size_t size() const { return stages_.size(); }

  // Runs every stage in order. Returns OK, or the first failure with its stage's name in
  // the message ("text: ..."); later stages do not run on a failed document.
  Status Run(doc::Document& document, StageFailure* failure = nullptr) const;

 private:
  std::vector<std::unique_ptr<doc::Stage>> stages_;
};

}  // namespace khabar::pipeline

#endif  // KHABAR_PIPELINE_PIPELINE_H_
