#include "khabar/dict/issue_list.h"

#include <utility>

#include "khabar/dict/internal/brackets.h"
#include "khabar/dict/internal/dict_text.h"
#include "khabar/dict/internal/inflect.h"
#include "khabar/dict/internal/roles.h"
#include "khabar/dict/normalize.h"

namespace khabar::dict {
namespace {

// One line's operators multiply its forms; beyond this the line is cut short.
constexpr size_t kMaxIssueForms = 256;

std::vector<std::string> SplitOn(std::string_view text, char separator) {
  std::vector<std::string> pieces;
  size_t start = 0;
  for (size_t pos = 0; pos <= text.size(); ++pos) {
    if (pos < text.size() && text[pos] != separator) continue;
    pieces.emplace_back(text.substr(start, pos - start));
    start = pos + 1;
  }
  return pieces;
}

// The forms of one '+'-free piece: "n:school" -> {school, schools}.
std::vector<std::string> PieceForms(std::string_view piece) {
  std::string key = NormalizeKey(piece);
  if (key.size() > 2 && key.starts_with("n:")) {
    key.erase(0, 2);
    return {key, internal::RegularPlural(key)};
  }
  if (key.size() > 2 && key.starts_with("v:")) {
    key.erase(0, 2);
    auto forms = internal::RegularVerbForms(key);
    return {key, forms[0], forms[1], forms[2]};
  }
  return {key};
}

// The forms of one blank-free word: '+' joins pieces with a space or a hyphen.
std::vector<std::string> WordForms(std::string_view word) {
  std::vector<std::string> forms = {""};
  bool first_piece = true;
  for (const std::string& piece : SplitOn(word, '+')) {
    if (piece.empty()) continue;  // "a++b" is "a+b"
    std::vector<std::string> piece_forms = PieceForms(piece);
    std::vector<std::string> next;
    for (const std::string& prefix : forms) {
      if (next.size() >= kMaxIssueForms) break;
      for (const std::string& piece_form : piece_forms) {
        if (first_piece) {
          next.push_back(piece_form);
        } else {
          next.push_back(prefix + " " + piece_form);
          next.push_back(prefix + "-" + piece_form);
        }
      }
    }
    forms = std::move(next);
    first_piece = false;
  }
  return forms;
}

// All forms of a phrase; false if they were cut at kMaxIssueForms.
bool PhraseForms(std::string_view phrase, std::vector<std::string>* forms) {
  *forms = {""};
  bool complete = true;
  for (const std::string& word : SplitOn(phrase, ' ')) {
    if (internal::Trim(word).empty()) continue;
    std::vector<std::string> word_forms = WordForms(internal::Trim(word));
    complete = complete && word_forms.size() < kMaxIssueForms;
    std::vector<std::string> next;
    for (const std::string& prefix : *forms) {
      for (const std::string& word_form : word_forms) {
        if (next.size() >= kMaxIssueForms) break;
        next.push_back(prefix.empty() ? word_form : prefix + " " + word_form);
      }
    }
    complete = complete && next.size() < kMaxIssueForms;
    *forms = std::move(next);
  }
  return complete;
}

}  // namespace

class IssueList::Parser {
 public:
  Parser(IssueList* list, WarningSink& warnings) : list_(list), warnings_(warnings) {}

  void ParseLine(const internal::DictLine& line) {
    std::string_view text = line.text;
    if (text.starts_with("</")) {
      category_.clear();
    } else if (text.front() == '<') {
      OpenCategory(line);
    } else if (text.starts_with("~~")) {
      AddIssue(line, internal::Trim(text.substr(2)), "", IssueKind::kIgnoreStory);
    } else if (text.front() == '~') {
      AddIssue(line, internal::Trim(text.substr(1)), "", IssueKind::kIgnoreSentence);
    } else {
      ParseCoded(line);
    }
  }

 private:
  void OpenCategory(const internal::DictLine& line) {
    constexpr std::string_view kAttribute = "CATEGORY=\"";
    size_t start = line.text.find(kAttribute);
    size_t end = start == std::string_view::npos ? std::string_view::npos
                                                 : line.text.find('"', start + kAttribute.size());
    if (!line.text.starts_with("<ISSUE") || end == std::string_view::npos) {
      warnings_.Add(line.number, "unknown tag " + Quote(line.text) + "; skipped");
      return;
    }
    start += kAttribute.size();
    category_ = std::string(line.text.substr(start, end - start));
  }

  void ParseCoded(const internal::DictLine& line) {
    internal::BracketSplit split = internal::SplitBrackets(line.text);
    if (split.unclosed || split.groups.empty() || !internal::IsCodeText(split.groups.front())) {
      warnings_.Add(line.number,
                    "issue line " + Quote(line.text) + " needs \"phrase [CODE]\"; skipped");
      return;
    }
    AddIssue(line, split.head, std::string(split.groups.front()), IssueKind::kCode);
  }

  void AddIssue(const internal::DictLine& line, std::string_view phrase, std::string code,
                IssueKind kind) {
    if (SplitPhrase(phrase).empty()) {
      warnings_.Add(line.number, "issue line " + Quote(line.text) + " has no phrase; skipped");
      return;
    }
    std::vector<std::string> forms;
    if (!PhraseForms(phrase, &forms)) {
      warnings_.Add(line.number,
                    "more than " + std::to_string(kMaxIssueForms) + " forms; the rest are ignored");
    }
    auto id = static_cast<uint32_t>(list_->issues_.size());
    list_->issues_.push_back({line.number, std::string(phrase), std::move(code), category_, kind});
    for (const std::string& form : forms) IndexForm(form, id, line.number);
  }

  void IndexForm(const std::string& form, uint32_t id, uint32_t line) {
    std::vector<std::string> words = SplitPhrase(form);
    if (words.empty()) return;
    std::span<const uint32_t> owners = list_->matcher_.Lookup(words);
    if (owners.empty()) {
      list_->matcher_.Add(words, id);
      return;
    }
    if (owners.front() == id) return;
    const Issue& first = list_->issues_[owners.front()];
    const Issue& issue = list_->issues_[id];
    if (first.code == issue.code && first.kind == issue.kind) {
      ++list_->duplicate_phrases_;
    } else {
      warnings_.Add(line, "issue phrase " + Quote(form) + " already belongs to line " +
                              std::to_string(first.line) + "; kept the first");
    }
  }

  IssueList* list_;
  WarningSink& warnings_;
  std::string category_;
};

IssueList IssueList::Parse(std::string_view bytes, std::string_view file_name, Warnings* warnings) {
  IssueList list;
  list.file_ = std::string(file_name);
  WarningSink sink(file_name, warnings);
  internal::DictText text(bytes, sink);
  Parser parser(&list, sink);
  for (const internal::DictLine& line : text.lines()) parser.ParseLine(line);
  return list;
}

StatusOr<IssueList> IssueList::Load(const std::string& path, Warnings* warnings) {
  KH_ASSIGN_OR_RETURN(std::string bytes, ReadDictionaryFile(path));
  return Parse(bytes, path, warnings);
}

}  // namespace khabar::dict
