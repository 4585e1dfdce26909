#include "khabar/dict/actor_dictionary.h"

#include <memory>
#include <optional>
#include <utility>

#include "khabar/dict/internal/brackets.h"
#include "khabar/dict/internal/dict_text.h"
#include "khabar/dict/internal/roles.h"
#include "khabar/dict/normalize.h"

namespace khabar::dict {

// Reads the lines of one file into the dictionary. An actor's record ends at the next
// primary line or at the end of the file; its phrases are indexed then, so duplicate
// checks compare complete records.
class ActorDictionary::Parser {
 public:
  Parser(ActorDictionary* dictionary, uint32_t file, WarningSink& warnings)
      : dictionary_(dictionary), file_(file), warnings_(warnings) {}

  void ParseLine(const internal::DictLine& line) {
    if (line.text.front() == '+') {
      ParseAlias(line);
    } else if (line.text.front() == '[') {
      ParseRoleLine(line);
    } else {
      ParsePrimary(line);
    }
  }

  // Indexes the last record of the file.
  void Finish() { CloseRecord(); }

 private:
  static constexpr uint32_t kNoActor = 0xFFFFFFFFu;

  // A phrase of the current record, indexed when the record closes.
  struct PendingPhrase {
    std::vector<std::string> words;
    uint32_t line;
  };

  void ParsePrimary(const internal::DictLine& line) {
    CloseRecord();
    skipping_record_ = true;
    internal::BracketSplit split = internal::SplitBrackets(line.text);
    if (split.unclosed) {
      warnings_.Add(line.number, "'[' without ']' in " + Quote(line.text) + "; actor skipped");
      return;
    }
    std::vector<std::string> words = SplitPhrase(split.head);
    if (words.empty()) {
      warnings_.Add(line.number, "actor line " + Quote(line.text) + " has no name; skipped");
      return;
    }
    skipping_record_ = false;
    current_ = static_cast<uint32_t>(dictionary_->actors_.size());
    Actor& actor = dictionary_->actors_.emplace_back();
    actor.file = file_;
    actor.line = line.number;
    actor.name = std::string(split.head);
    phrases_.push_back({std::move(words), line.number});
    AddRoles(split, line.number);
  }

  void ParseAlias(const internal::DictLine& line) {
    if (!HasRecord(line, "alias")) return;
    internal::BracketSplit split = internal::SplitBrackets(line.text.substr(1));
    std::vector<std::string> words = SplitPhrase(split.head);
    if (split.unclosed || words.empty()) {
      warnings_.Add(line.number, "bad alias " + Quote(line.text) + "; skipped");
      return;
    }
    dictionary_->actors_[current_].aliases.push_back(std::string(split.head));
    phrases_.push_back({std::move(words), line.number});
    if (!split.groups.empty()) {
      warnings_.Add(line.number, "codes on an alias line apply to the whole actor");
      AddRoles(split, line.number);
    }
  }

  void ParseRoleLine(const internal::DictLine& line) {
    if (!HasRecord(line, "code")) return;
    internal::BracketSplit split = internal::SplitBrackets(line.text);
    if (split.unclosed) {
      warnings_.Add(line.number, "'[' without ']' in " + Quote(line.text) + "; skipped");
      return;
    }
    AddRoles(split, line.number);
  }

  // False (with a warning unless the record was already rejected) if there is no actor.
  bool HasRecord(const internal::DictLine& line, std::string_view what) {
    if (current_ != kNoActor) return true;
    if (!skipping_record_) {
      warnings_.Add(line.number, std::string(what) + " line " + Quote(line.text) +
                                     " comes before any actor; skipped");
    }
    return false;
  }

  void AddRoles(const internal::BracketSplit& split, uint32_t line_number) {
    if (!split.between.empty()) {
      warnings_.Add(line_number, "text " + Quote(split.between) + " after a code ignored");
    }
    for (std::string_view group : split.groups) {
      std::optional<ActorRole> role = internal::ParseActorRole(group, line_number, warnings_);
      if (role) dictionary_->actors_[current_].roles.push_back(std::move(*role));
    }
  }

  void CloseRecord() {
    if (current_ != kNoActor) {
      for (const PendingPhrase& phrase : phrases_) IndexPhrase(phrase);
    }
    phrases_.clear();
    current_ = kNoActor;
  }

  void IndexPhrase(const PendingPhrase& phrase);

  ActorDictionary* dictionary_;
  uint32_t file_;
  WarningSink& warnings_;
  uint32_t current_ = kNoActor;
  bool skipping_record_ = false;
  std::vector<PendingPhrase> phrases_;
};

void ActorDictionary::Parser::IndexPhrase(const PendingPhrase& phrase) {
  std::span<const uint32_t> owners = dictionary_->matcher_.Lookup(phrase.words);
  if (owners.empty()) {
    dictionary_->matcher_.Add(phrase.words, current_);
    return;
  }
  if (owners.front() == current_) return;  // repeated within one record
  const Actor& first = dictionary_->actors_[owners.front()];
  if (first.roles == dictionary_->actors_[current_].roles) {
    ++dictionary_->duplicate_phrases_;
    return;
  }
  std::string joined;
  for (const std::string& word : phrase.words) joined += (joined.empty() ? "" : " ") + word;
  warnings_.Add(phrase.line, "phrase " + Quote(joined) + " already names the actor at " +
                                 dictionary_->Where(first) + " with other codes; kept the first");
}

ActorDictionary ActorDictionary::Parse(std::span<const DictionarySource> files,
                                       Warnings* warnings) {
  ActorDictionary dictionary;
  for (const DictionarySource& source : files) {
    auto file = static_cast<uint32_t>(dictionary.files_.size());
    dictionary.files_.push_back(source.name);
    WarningSink sink(source.name, warnings);
    internal::DictText text(source.bytes, sink);
    Parser parser(&dictionary, file, sink);
    for (const internal::DictLine& line : text.lines()) parser.ParseLine(line);
    parser.Finish();
  }
  return dictionary;
}

StatusOr<ActorDictionary> ActorDictionary::Load(std::span<const std::string> paths,
                                                Warnings* warnings) {
  std::vector<std::string> contents;
  std::vector<DictionarySource> sources;
  contents.reserve(paths.size());
  for (const std::string& path : paths) {
    KH_ASSIGN_OR_RETURN(std::string bytes, ReadDictionaryFile(path));
    contents.push_back(std::move(bytes));
  }
  for (size_t index = 0; index < paths.size(); ++index) {
    sources.push_back({paths[index], contents[index]});
  }
  return Parse(sources, warnings);
}

size_t ActorDictionary::ActorCount(uint32_t file) const {
  size_t count = 0;
  for (const Actor& actor : actors_) count += actor.file == file ? 1 : 0;
  return count;
}

std::string ActorDictionary::Where(const Actor& actor) const {
  return files_[actor.file] + ":" + std::to_string(actor.line);
}

std::string_view ActorDictionary::CodeOn(uint32_t actor_id, Date date) const {
  const Actor& actor = actors_[actor_id];
  for (const ActorRole& role : actor.roles) {
    if (role.dated() && role.Holds(date)) return role.code;
  }
  for (const ActorRole& role : actor.roles) {
    if (!role.dated()) return role.code;
  }
  return {};
}

}  // namespace khabar::dict
