#include "khabar/treebank/conllu.h"

#include <charconv>
#include <string>

#include "khabar/base/file.h"

namespace khabar::treebank {
namespace {

constexpr uint64_t kMaxTreebankBytes = 512ull << 20;
constexpr size_t kColumns = 10;

bool ParseUint(std::string_view text, uint32_t* value) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return !text.empty() && ec == std::errc() && ptr == text.data() + text.size();
}

// Splits a line into exactly ten tab-separated columns.
bool SplitColumns(std::string_view line, std::string_view columns[kColumns]) {
  size_t start = 0;
  for (size_t column = 0; column < kColumns; ++column) {
    size_t tab = line.find('\t', start);
    bool last = column + 1 == kColumns;
    if (last != (tab == std::string_view::npos)) return false;
    columns[column] = line.substr(start, last ? std::string_view::npos : tab - start);
    start = tab + 1;
  }
  return true;
}

}  // namespace

// Builds a Treebank line by line.
class TreebankParser {
 public:
  explicit TreebankParser(Treebank& treebank) : tb_(treebank) {}

  Status Line(std::string_view line) {
    if (line.empty()) return Finish();
    if (!open_) Open();
    if (line[0] == '#') {
      if (tb_.words_.size() == sentence_.word_begin &&
          tb_.empty_nodes_.size() == sentence_.empty_begin) {
        tb_.comments_.push_back(line);
        return Status::Ok();
      }
      return InvalidArgumentError("comment inside a sentence");
    }
    std::string_view columns[kColumns];
    if (!SplitColumns(line, columns))
      return InvalidArgumentError("expected 10 tab-separated columns");
    std::string_view id = columns[0];
    if (id.find('.') != std::string_view::npos) return EmptyNodeLine(id, line);
    if (id.find('-') != std::string_view::npos) return RangeLine(id, columns, line);
    return WordLine(columns);
  }

  Status Finish() {
    if (!open_) return Status::Ok();
    if (pending_range_last_ > next_id_ - 1)
      return InvalidArgumentError("range beyond the last word");
    sentence_.comment_end = static_cast<uint32_t>(tb_.comments_.size());
    sentence_.word_end = static_cast<uint32_t>(tb_.words_.size());
    sentence_.multiword_end = static_cast<uint32_t>(tb_.multiwords_.size());
    sentence_.empty_end = static_cast<uint32_t>(tb_.empty_nodes_.size());
    tb_.sentences_.push_back(sentence_);
    open_ = false;
    return Status::Ok();
  }

 private:
  void Open() {
    open_ = true;
    next_id_ = 1;
    pending_range_last_ = 0;
    sentence_ = Sentence();
    sentence_.comment_begin = static_cast<uint32_t>(tb_.comments_.size());
    sentence_.word_begin = static_cast<uint32_t>(tb_.words_.size());
    sentence_.multiword_begin = static_cast<uint32_t>(tb_.multiwords_.size());
    sentence_.empty_begin = static_cast<uint32_t>(tb_.empty_nodes_.size());
  }

  Status EmptyNodeLine(std::string_view id, std::string_view line) {
    size_t dot = id.find('.');
    uint32_t major = 0, minor = 0;
    if (!ParseUint(id.substr(0, dot), &major) || !ParseUint(id.substr(dot + 1), &minor)) {
      return InvalidArgumentError("bad empty node ID");
    }
    if (major != next_id_ - 1) return InvalidArgumentError("empty node out of sequence");
    tb_.empty_nodes_.push_back(EmptyNode{major, line});
    return Status::Ok();
  }

  Status RangeLine(std::string_view id, const std::string_view* columns, std::string_view line) {
    size_t dash = id.find('-');
    MultiwordToken token;
    if (!ParseUint(id.substr(0, dash), &token.first) ||
        !ParseUint(id.substr(dash + 1), &token.last)) {
      return InvalidArgumentError("bad multiword ID");
    }
    if (token.first != next_id_ || token.last <= token.first) {
      return InvalidArgumentError("multiword range out of sequence");
    }
    // Found by treebank_conllu_fuzzer: "2-33" then "2-3" before word 2 parsed, and the
    // written form no longer round-tripped.
    if (pending_range_last_ >= token.first) {
      return InvalidArgumentError("overlapping multiword ranges");
    }
    token.form = columns[1];
    token.misc = columns[9];
    token.line = line;
    pending_range_last_ = token.last;
    tb_.multiwords_.push_back(token);
    return Status::Ok();
  }

  Status WordLine(const std::string_view* columns) {
    Word word;
    if (!ParseUint(columns[0], &word.id)) return InvalidArgumentError("bad word ID");
    if (word.id != next_id_) return InvalidArgumentError("word ID out of sequence");
    if (columns[6] != "_") {
      uint32_t head = 0;
      if (!ParseUint(columns[6], &head) || head > (1u << 30))
        return InvalidArgumentError("bad HEAD");
      word.head = static_cast<int32_t>(head);
    }
    word.form = columns[1];
    word.lemma = columns[2];
    word.upos = columns[3];
    word.xpos = columns[4];
    word.feats = columns[5];
    word.deprel = columns[7];
    word.deps = columns[8];
    word.misc = columns[9];
    ++next_id_;
    tb_.words_.push_back(word);
    return Status::Ok();
  }

  Treebank& tb_;
  Sentence sentence_;
  bool open_ = false;
  uint32_t next_id_ = 1;
  uint32_t pending_range_last_ = 0;
};

StatusOr<Treebank> Treebank::Parse(std::string contents, std::string_view name) {
  Treebank treebank;
  *treebank.contents_ = std::move(contents);
  std::string_view text = *treebank.contents_;
  TreebankParser parser(treebank);
  size_t line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t newline = text.find('\n', start);
    size_t end = newline == std::string_view::npos ? text.size() : newline;
    std::string_view line = text.substr(start, end - start);
    // Strip every trailing CR (CRLF files, stray CRs): stripping only one broke the
    // write-then-read round trip (found by treebank_conllu_fuzzer).
    while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_number;
    if (Status status = parser.Line(line); !status.ok()) {
      return InvalidArgumentError(std::string(name) + ":" + std::to_string(line_number) + ": " +
                                  std::string(status.message()));
    }
    start = end + 1;
  }
  if (Status status = parser.Finish(); !status.ok()) {
    return InvalidArgumentError(std::string(name) + ": " + std::string(status.message()));
  }
  return treebank;
}

StatusOr<Treebank> ReadTreebank(const std::string& path) {
  KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(path, kMaxTreebankBytes));
  return Treebank::Parse(std::move(bytes), path);
}

namespace {

void AppendWord(const Word& word, std::string& out) {
  out += std::to_string(word.id);
  for (std::string_view column : {word.form, word.lemma, word.upos, word.xpos, word.feats}) {
    out += '\t';
    out += column;
  }
  out += '\t';
  out += word.head == kNoHead ? std::string("_") : std::to_string(word.head);
  for (std::string_view column : {word.deprel, word.deps, word.misc}) {
    out += '\t';
    out += column;
  }
  out += '\n';
}

}  // namespace

void AppendSentence(const Treebank& treebank, const Sentence& sentence, std::string& out) {
  for (std::string_view comment : treebank.Comments(sentence)) {
    out += comment;
    out += '\n';
  }
  std::span<const MultiwordToken> ranges = treebank.Multiwords(sentence);
  std::span<const EmptyNode> empties = treebank.EmptyNodes(sentence);
  size_t range_idx = 0, empty_idx = 0;
  auto flush_empties = [&](uint32_t after_word) {
    while (empty_idx < empties.size() && empties[empty_idx].after_word == after_word) {
      out += empties[empty_idx++].line;
      out += '\n';
    }
  };
  flush_empties(0);
  for (const Word& word : treebank.Words(sentence)) {
    if (range_idx < ranges.size() && ranges[range_idx].first == word.id) {
      out += ranges[range_idx++].line;
      out += '\n';
    }
    AppendWord(word, out);
    flush_empties(word.id);
  }
  out += '\n';
}

std::string WriteTreebank(const Treebank& treebank) {
  std::string out;
  for (const Sentence& sentence : treebank.sentences()) AppendSentence(treebank, sentence, out);
  return out;
}

bool SpaceAfter(std::string_view misc) {
  size_t start = 0;
  while (start <= misc.size()) {
    size_t bar = misc.find('|', start);
    std::string_view item = misc.substr(start, bar == std::string_view::npos ? bar : bar - start);
    if (item == "SpaceAfter=No") return false;
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return true;
}

}  // namespace khabar::treebank
