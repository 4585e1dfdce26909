#include "khabar/ner/iob2.h"

#include <charconv>

#include "khabar/base/file.h"

namespace khabar::ner {
namespace {

// Largest file ReadIob2 accepts (UNER EWT train is 4 MB).
constexpr uint64_t kMaxIob2Bytes = 256ull << 20;
// Longest sentence, in words: keeps decoding scratch bounded on hostile input.
constexpr uint32_t kMaxSentenceWords = 10000;

// Splits `line` at tabs into at most `max` fields; returns how many.
size_t SplitTabs(std::string_view line, std::string_view* fields, size_t max) {
  size_t count = 0;
  while (count < max) {
    const size_t tab = line.find('\t');
    fields[count++] = line.substr(0, tab);
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return count;
}

class Parser {
 public:
  Parser(const std::string& contents, std::string_view name) : contents_(contents), name_(name) {}

  Status Run(Iob2Corpus& corpus) {
    size_t position = 0;
    while (position < contents_.size()) {
      size_t end = contents_.find('\n', position);
      if (end == std::string_view::npos) end = contents_.size();
      std::string_view line = contents_.substr(position, end - position);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++line_number_;
      KH_RETURN_IF_ERROR(Line(line, corpus));
      position = end + 1;
    }
    EndSentence(corpus);
    return Status::Ok();
  }

 private:
  Status Error(std::string_view what) const {
    return InvalidArgumentError(std::string(name_) + ":" + std::to_string(line_number_) + ": " +
                                std::string(what));
  }

  void EndSentence(Iob2Corpus& corpus) {
    if (in_sentence_) corpus.sentences.push_back(current_);
    in_sentence_ = false;
  }

  Status Line(std::string_view line, Iob2Corpus& corpus) {
    if (line.empty()) {
      EndSentence(corpus);
      return Status::Ok();
    }
    if (line.front() == '#') {
      if (in_sentence_) return Error("comment inside a sentence");
      return Status::Ok();
    }
    std::string_view fields[4];
    if (SplitTabs(line, fields, 4) < 3) return Error("expected `index<TAB>word<TAB>tag`");
    uint32_t index = 0;
    const auto [end, error] =
        std::from_chars(fields[0].data(), fields[0].data() + fields[0].size(), index);
    if (error != std::errc() || end != fields[0].data() + fields[0].size() || index == 0) {
      return Error("bad word index '" + std::string(fields[0]) + "'");
    }
    const uint32_t expected = in_sentence_ ? current_.word_count() + 1 : 1;
    if (index != expected) {
      return Error("word index " + std::to_string(index) + ", expected " +
                   std::to_string(expected));
    }
    if (fields[1].empty()) return Error("empty word");
    if (expected > kMaxSentenceWords) return Error("sentence too long");
    const std::optional<ParsedTag> tag = ParseTag(fields[2]);
    if (!tag.has_value()) return Error("bad tag '" + std::string(fields[2]) + "'");
    if (!in_sentence_) {
      current_ = {static_cast<uint32_t>(corpus.forms.size()),
                  static_cast<uint32_t>(corpus.forms.size()), line_number_};
      in_sentence_ = true;
    }
    corpus.forms.push_back(fields[1]);
    corpus.labels.push_back(tag->label);
    if (tag->other_type) ++corpus.other_type_words;
    ++current_.word_end;
    return Status::Ok();
  }

  std::string_view contents_;
  std::string_view name_;
  uint32_t line_number_ = 0;
  bool in_sentence_ = false;
  Iob2Sentence current_;
};

}  // namespace

StatusOr<Iob2Corpus> ParseIob2(std::string contents, std::string_view name) {
  Iob2Corpus corpus;
  corpus.contents = std::make_unique<const std::string>(std::move(contents));
  Parser parser(*corpus.contents, name);
  KH_RETURN_IF_ERROR(parser.Run(corpus));
  return corpus;
}

StatusOr<Iob2Corpus> ReadIob2(const std::string& path) {
  KH_ASSIGN_OR_RETURN(std::string contents, base::ReadFile(path, kMaxIob2Bytes));
  return ParseIob2(std::move(contents), path);
}

}  // namespace khabar::ner
