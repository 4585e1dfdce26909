#include "khabar/eval/conllu.h"

#include <charconv>

#include "khabar/base/file.h"

namespace khabar::eval {
namespace {

constexpr uint64_t kMaxConlluBytes = 256ull << 20;
constexpr size_t kConlluColumns = 10;

bool IsComment(std::string_view line, std::string_view key) {
  if (line.substr(0, key.size()) != key) return false;
  return line.size() == key.size() || line[key.size()] == ' ' || line[key.size()] == '=';
}

// Splits a token line into its ten columns; false if there are fewer.
bool SplitColumns(std::string_view line, std::string_view columns[kConlluColumns]) {
  size_t column = 0;
  size_t start = 0;
  while (column + 1 < kConlluColumns) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) return false;
    columns[column++] = line.substr(start, tab - start);
    start = tab + 1;
  }
  size_t tab = line.find('\t', start);
  columns[column] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
  return true;
}

bool HasSpaceAfterNo(std::string_view misc) {
  size_t start = 0;
  while (start <= misc.size()) {
    size_t bar = misc.find('|', start);
    std::string_view item = misc.substr(start, bar == std::string_view::npos ? bar : bar - start);
    if (item == "SpaceAfter=No") return true;
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return false;
}

struct ParseState {
  ConlluFile* file;
  ConlluSentence pending;
  bool in_sentence = false;
  uint32_t skip_until = 0;  // word ids covered by the last multiword range
};

void FinishSentence(ParseState& state) {
  if (!state.in_sentence) return;
  state.pending.token_end = static_cast<uint32_t>(state.file->tokens.size());
  if (state.pending.token_end > state.pending.token_begin) state.file->sentences.push_back(state.pending);
  state.pending = ConlluSentence();
  state.in_sentence = false;
  state.skip_until = 0;
}

Status ParseTokenLine(std::string_view line, ParseState& state) {
  std::string_view columns[kConlluColumns];
  if (!SplitColumns(line, columns)) return InvalidArgumentError("expected 10 tab-separated columns");
  std::string_view id = columns[0];
  if (!state.in_sentence) {
    state.in_sentence = true;
    state.pending.token_begin = static_cast<uint32_t>(state.file->tokens.size());
    state.skip_until = 0;
  }
  if (id.find('.') != std::string_view::npos) return Status::Ok();  // empty node
  size_t dash = id.find('-');
  uint32_t first = 0;
  uint32_t last = 0;
  auto parse = [](std::string_view s, uint32_t* value) {
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
    return ec == std::errc() && ptr == s.data() + s.size();
  };
  if (dash != std::string_view::npos) {
    if (!parse(id.substr(0, dash), &first) || !parse(id.substr(dash + 1), &last)) {
      return InvalidArgumentError("bad multiword ID");
    }
    state.skip_until = last;
  } else {
    if (!parse(id, &first)) return InvalidArgumentError("bad ID");
    if (first <= state.skip_until) return Status::Ok();
  }
  state.file->tokens.push_back({columns[1], !HasSpaceAfterNo(columns[9])});
  return Status::Ok();
}

}  // namespace

StatusOr<ConlluFile> ParseConllu(std::string contents, std::string_view name) {
  ConlluFile file;
  file.contents = std::move(contents);
  ParseState state{&file, {}, false, 0};
  std::string_view all = file.contents;
  size_t line_number = 0;
  size_t start = 0;
  while (start < all.size()) {
    size_t newline = all.find('\n', start);
    size_t end = newline == std::string_view::npos ? all.size() : newline;
    std::string_view line = all.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    start = end + 1;
    ++line_number;
    if (line.empty()) {
      FinishSentence(state);
    } else if (line[0] == '#') {
      if (IsComment(line, "# newdoc")) state.pending.new_document = true;
      if (IsComment(line, "# newpar")) state.pending.new_paragraph = true;
      if (IsComment(line, "# sent_id")) {
        size_t eq = line.find('=');
        if (eq != std::string_view::npos && eq + 2 <= line.size()) state.pending.sent_id = line.substr(eq + 2);
      }
    } else if (Status status = ParseTokenLine(line, state); !status.ok()) {
      return status.WithPrefix(std::string(name) + ":" + std::to_string(line_number));
    }
  }
  FinishSentence(state);
  return file;
}

StatusOr<ConlluFile> ReadConllu(const std::string& path) {
  KH_ASSIGN_OR_RETURN(std::string contents, base::ReadFile(path, kMaxConlluBytes));
  return ParseConllu(std::move(contents), path);
}

RebuiltText RebuildText(const ConlluFile& file) {
  RebuiltText result;
  result.text.reserve(file.contents.size() / 4);
  for (size_t s = 0; s < file.sentences.size(); ++s) {
    const ConlluSentence& sentence = file.sentences[s];
    if (s > 0) {
      result.text += (sentence.new_document || sentence.new_paragraph) ? "\n\n" : " ";
    }
    uint32_t begin = static_cast<uint32_t>(result.text.size());
    for (uint32_t t = sentence.token_begin; t < sentence.token_end; ++t) {
      const ConlluToken& token = file.tokens[t];
      uint32_t token_begin = static_cast<uint32_t>(result.text.size());
      result.text += token.form;
      result.tokens.push_back({token_begin, static_cast<uint32_t>(result.text.size())});
      if (token.space_after && t + 1 < sentence.token_end) result.text += ' ';
    }
    result.sentences.push_back({begin, static_cast<uint32_t>(result.text.size())});
  }
  return result;
}

}  // namespace khabar::eval
