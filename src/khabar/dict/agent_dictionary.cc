#include "khabar/dict/agent_dictionary.h"

#include <optional>
#include <unordered_map>
#include <utility>

#include "khabar/dict/internal/brackets.h"
#include "khabar/dict/internal/dict_text.h"
#include "khabar/dict/internal/inflect.h"
#include "khabar/dict/internal/roles.h"
#include "khabar/dict/normalize.h"

namespace khabar::dict {
namespace {

// Substitution markers expand at most this many forms per line ("!A!!B!" multiplies).
constexpr size_t kMaxMarkerForms = 256;

struct AgentCode {
  std::string code;
  AgentCodePlacement placement;
};

// "~GOV" or "NGO~"; nullopt otherwise.
std::optional<AgentCode> ParseAgentCode(std::string_view group) {
  if (group.size() < 2) return std::nullopt;
  AgentCode parsed{std::string(group.substr(1)), AgentCodePlacement::kAfterActor};
  if (group.back() == '~') {
    parsed = {std::string(group.substr(0, group.size() - 1)), AgentCodePlacement::kBeforeActor};
  } else if (group.front() != '~') {
    return std::nullopt;
  }
  if (parsed.code.find('~') != std::string::npos || !internal::IsCodeText(parsed.code)) {
    return std::nullopt;
  }
  return parsed;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) joined += (joined.empty() ? "" : " ") + word;
  return joined;
}

}  // namespace

class AgentDictionary::Parser {
 public:
  Parser(AgentDictionary* dictionary, WarningSink& warnings)
      : dictionary_(dictionary), warnings_(warnings) {}

  void ParseLine(const internal::DictLine& line) {
    if (line.text.front() == '!' && line.text.find('=') != std::string_view::npos) {
      DefineMarker(line);
    } else {
      ParseAgent(line);
    }
  }

 private:
  void DefineMarker(const internal::DictLine& line) {
    size_t equals = line.text.find('=');
    std::string_view marker = internal::Trim(line.text.substr(0, equals));
    if (marker.size() < 3 || marker.back() != '!' ||
        marker.substr(1, marker.size() - 2).find('!') != std::string_view::npos) {
      warnings_.Add(line.number, "bad substitution set " + Quote(line.text) + "; skipped");
      return;
    }
    std::vector<std::string> items;
    std::string_view list = line.text.substr(equals + 1);
    while (!list.empty()) {
      size_t comma = list.find(',');
      std::string_view item = internal::Trim(list.substr(0, comma));
      if (!item.empty()) items.emplace_back(item);
      list = comma == std::string_view::npos ? "" : list.substr(comma + 1);
    }
    std::string name(marker.substr(1, marker.size() - 2));
    if (items.empty() || markers_.contains(name)) {
      warnings_.Add(line.number, "substitution set " + Quote(marker) +
                                     (items.empty() ? " is empty" : " is defined twice") +
                                     "; line skipped");
      return;
    }
    markers_.emplace(std::move(name), std::move(items));
  }

  void ParseAgent(const internal::DictLine& line) {
    internal::BracketSplit split = internal::SplitBrackets(line.text);
    if (split.unclosed || split.groups.empty()) {
      warnings_.Add(line.number, std::string(split.unclosed ? "'[' without ']'" : "no [code]") +
                                     " in agent line " + Quote(line.text) + "; skipped");
      return;
    }
    std::optional<AgentCode> code = ParseAgentCode(split.groups.front());
    if (!code) {
      warnings_.Add(line.number, "agent code " + Quote(split.groups.front()) +
                                     " is not \"~CODE\" or \"CODE~\"; line skipped");
      return;
    }
    std::vector<std::string> forms;
    if (!PhraseForms(split.head, line.number, &forms)) return;
    Agent& agent = dictionary_->agents_.emplace_back();
    agent.line = line.number;
    agent.code = std::move(code->code);
    agent.placement = code->placement;
    agent.phrase = std::string(split.head);
    for (const std::string& form : forms) IndexForm(form, line.number);
  }

  // The phrase forms of "PHRASE", "PHRASE {PLURAL}" or a phrase with "!MARKER!"s.
  bool PhraseForms(std::string_view head, uint32_t line, std::vector<std::string>* forms) {
    size_t brace = head.find('{');
    std::string_view phrase = internal::Trim(head.substr(0, brace));
    if (phrase.find('!') != std::string_view::npos) {
      return ExpandMarkers(std::string(phrase), line, 0, forms);
    }
    if (SplitPhrase(phrase).empty()) {
      warnings_.Add(line, "agent line has no phrase; skipped");
      return false;
    }
    forms->emplace_back(phrase);
    if (brace == std::string_view::npos) {
      std::vector<std::string> words = SplitPhrase(phrase);
      words.back() = internal::RegularPlural(words.back());
      forms->push_back(JoinWords(words));
      return true;
    }
    size_t close = head.find('}', brace);
    if (close == std::string_view::npos) {
      warnings_.Add(line, "'{' without '}' in " + Quote(head) + "; skipped");
      return false;
    }
    std::string_view plural = internal::Trim(head.substr(brace + 1, close - brace - 1));
    if (!plural.empty()) forms->emplace_back(plural);
    return true;
  }

  // Replaces the first "!NAME!" by each member of its set, recursively.
  bool ExpandMarkers(const std::string& phrase, uint32_t line, int depth,
                     std::vector<std::string>* forms) {
    size_t open = phrase.find('!');
    if (open == std::string::npos) {
      forms->push_back(phrase);
      return true;
    }
    size_t close = phrase.find('!', open + 1);
    auto set = close == std::string::npos
                   ? markers_.end()
                   : markers_.find(phrase.substr(open + 1, close - open - 1));
    if (set == markers_.end() || depth > 4) {
      warnings_.Add(
          line, "unknown or malformed substitution marker in " + Quote(phrase) + "; line skipped");
      return false;
    }
    for (const std::string& item : set->second) {
      if (forms->size() >= kMaxMarkerForms) break;
      std::string expanded = phrase.substr(0, open) + item + phrase.substr(close + 1);
      if (!ExpandMarkers(expanded, line, depth + 1, forms)) return false;
    }
    return true;
  }

  void IndexForm(const std::string& form, uint32_t line) {
    std::vector<std::string> words = SplitPhrase(form);
    if (words.empty()) return;
    auto id = static_cast<uint32_t>(dictionary_->agents_.size() - 1);
    Agent& agent = dictionary_->agents_.back();
    std::span<const uint32_t> owners = dictionary_->matcher_.Lookup(words);
    if (owners.empty()) {
      dictionary_->matcher_.Add(words, id);
      ++agent.form_count;
      return;
    }
    if (owners.front() == id) return;
    const Agent& first = dictionary_->agents_[owners.front()];
    if (first.code == agent.code && first.placement == agent.placement) {
      ++dictionary_->duplicate_phrases_;
      return;
    }
    warnings_.Add(line, "agent " + Quote(JoinWords(words)) + " already has code " +
                            Quote(first.code) + " from line " + std::to_string(first.line) +
                            "; kept the first");
  }

  AgentDictionary* dictionary_;
  WarningSink& warnings_;
  std::unordered_map<std::string, std::vector<std::string>> markers_;
};

AgentDictionary AgentDictionary::Parse(std::string_view bytes, std::string_view file_name,
                                       Warnings* warnings) {
  AgentDictionary dictionary;
  dictionary.file_ = std::string(file_name);
  WarningSink sink(file_name, warnings);
  internal::DictText text(bytes, sink);
  Parser parser(&dictionary, sink);
  for (const internal::DictLine& line : text.lines()) parser.ParseLine(line);
  return dictionary;
}

StatusOr<AgentDictionary> AgentDictionary::Load(const std::string& path, Warnings* warnings) {
  KH_ASSIGN_OR_RETURN(std::string bytes, ReadDictionaryFile(path));
  return Parse(bytes, path, warnings);
}

}  // namespace khabar::dict
