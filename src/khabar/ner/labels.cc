#include "khabar/ner/labels.h"

namespace khabar::ner {

std::string_view LabelName(BioLabel label) {
  static constexpr std::string_view kNames[kLabelCount] = {
      "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-OTH", "I-OTH"};
  const auto index = static_cast<uint8_t>(label);
  return index < kLabelCount ? kNames[index] : "O";
}

std::optional<ParsedTag> ParseTag(std::string_view tag) {
  if (tag == "O") return ParsedTag{};
  if (tag.size() < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I')) return std::nullopt;
  const bool begin = tag[0] == 'B';
  const std::string_view type = tag.substr(2);
  if (type == "PER") return ParsedTag{MakeLabel(EntityType::kPer, begin), false};
  if (type == "ORG") return ParsedTag{MakeLabel(EntityType::kOrg, begin), false};
  if (type == "LOC") return ParsedTag{MakeLabel(EntityType::kLoc, begin), false};
  if (type == "OTH") return ParsedTag{begin ? BioLabel::kBOth : BioLabel::kIOth, true};
  return ParsedTag{BioLabel::kO, true};
}

void DecodeSpans(std::span<const BioLabel> labels, std::vector<LabelSpan>& spans) {
  spans.clear();
  std::optional<BioLabel> previous;
  bool open = false;  // the last span in `spans` may grow
  for (uint32_t position = 0; position < labels.size(); ++position) {
    const BioLabel label = labels[position];
    if (static_cast<uint8_t>(label) >= kLabelCount) {  // not a label: read as O
      previous = BioLabel::kO;
      open = false;
      continue;
    }
    if (label == BioLabel::kO) {
      open = false;
    } else if (IsBegin(label) || !AllowedAfter(previous, label)) {
      open = LabelType(label) != EntityType::kNone;
      if (open) spans.push_back({position, position + 1, LabelType(label)});
    } else if (open) {
      spans.back().end = position + 1;
    }
    previous = label;
  }
}

}  // namespace khabar::ner
