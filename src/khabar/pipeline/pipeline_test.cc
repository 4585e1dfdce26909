#include "khabar/pipeline/pipeline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/base/status_matchers.h"

namespace khabar::pipeline {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;

// Appends its name to the document's title, or fails when told to.
class RecordingStage : public doc::Stage {
 public:
  RecordingStage(std::string name, bool fail) : name_(std::move(name)), fail_(fail) {}
  std::string_view name() const override { return name_; }
  Status Process(doc::Document& document) const override {
    if (fail_) return DataLossError("byte 12: cannot continue");
    document.title += name_;
    return Status();
  }

 private:
  std::string name_;
  bool fail_;
};

TEST(PipelineTest, RunsStagesInOrder) {
  Pipeline pipeline;
  pipeline.Add(std::make_unique<RecordingStage>("a", false));
  pipeline.Add(std::make_unique<RecordingStage>("b", false));
  doc::Document document;
  EXPECT_THAT(pipeline.Run(document), IsOk());
  EXPECT_EQ(document.title, "ab");
}

TEST(PipelineTest, FailureNamesTheStageAndStopsLaterOnes) {
  Pipeline pipeline;
  pipeline.Add(std::make_unique<RecordingStage>("text", true));
  pipeline.Add(std::make_unique<RecordingStage>("later", false));
  doc::Document document;
  StageFailure failure;
  EXPECT_THAT(pipeline.Run(document, &failure),
              StatusIs(StatusCode::kDataLoss, "text: byte 12: cannot continue"));
  EXPECT_EQ(failure.stage, "text");
  EXPECT_EQ(document.title, "");
}

}  // namespace
}  // namespace khabar::pipeline
