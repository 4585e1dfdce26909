#include "khabar/dict/actor_dictionary.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <utility>

#include "khabar/base/utf8.h"
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
  dictionary_->IndexTransliterated(phrase.words, current_);
  std::span<const uint32_t> owners = dictionary_->matcher_.Lookup(phrase.words);
  if (owners.empty()) {
    dictionary_->matcher_.Add(phrase.words, current_);
    return;
  }
  if (owners.front() == current_) return;  // repeated within one record
  const Actor& first = dictionary_->actors_[owners.front()];
  const Actor& current = dictionary_->actors_[current_];
  if (first.roles == current.roles) {
    ++dictionary_->duplicate_phrases_;
    return;
  }
  if (dictionary_->IsOverlay(first) && !dictionary_->IsOverlay(current)) {
    ++dictionary_->overridden_phrases_;
    return;
  }
  std::string joined;
  for (const std::string& word : phrase.words) joined += (joined.empty() ? "" : " ") + word;
  warnings_.Add(phrase.line, "phrase " + Quote(joined) + " already names the actor at " +
                                 dictionary_->Where(first) + " with other codes; kept the first");
}

void ActorDictionary::IndexTransliterated(const std::vector<std::string>& words, uint32_t actor) {
  // Base phrases of one word are left out: across 27,000 Phoenix actors they are what
  // capitalised English words collide with (Taxes/TEXAS, Send/SIND, Curse/CORSE).
  size_t min_keys = IsOverlay(actors_[actor]) ? 1 : 2;
  std::vector<std::string_view> views(words.begin(), words.end());
  TransliteratedTokens kept;
  TransliterateTokens(views, ArticleMode::kKeep, &kept);
  if (kept.keys.size() >= min_keys && transliteration_matcher_.Lookup(kept.keys).empty()) {
    transliteration_matcher_.Add(kept.keys, actor);
  }
  TransliteratedTokens dropped;
  TransliterateTokens(views, ArticleMode::kDrop, &dropped);
  // "EL_SALVADOR" must not become "Salvador"; "AL-ASHMAWY" may become "Ashmawy".
  bool separate_article = std::any_of(words.begin(), words.end(),
                                      [](const std::string& word) { return IsArticle(word); });
  if (dropped.keys.size() < min_keys || dropped.keys == kept.keys) return;
  if (separate_article && dropped.keys.size() < 2) return;
  if (transliteration_matcher_.Lookup(dropped.keys).empty()) {
    transliteration_matcher_.Add(dropped.keys, actor);
  }
}

void ActorDictionary::ParseFile(const DictionarySource& source, uint32_t file,
                                Warnings* warnings) {
  WarningSink sink(source.name, warnings);
  internal::DictText text(source.bytes, sink);
  Parser parser(this, file, sink);
  for (const internal::DictLine& line : text.lines()) parser.ParseLine(line);
  parser.Finish();
}

ActorDictionary ActorDictionary::Parse(std::span<const DictionarySource> files,
                                       Warnings* warnings) {
  return Parse(files, {}, warnings);
}

ActorDictionary ActorDictionary::Parse(std::span<const DictionarySource> files,
                                       std::span<const DictionarySource> overlays,
                                       Warnings* warnings) {
  ActorDictionary dictionary;
  for (const DictionarySource& source : files) dictionary.files_.push_back(source.name);
  dictionary.overlay_begin_ = static_cast<uint32_t>(files.size());
  for (const DictionarySource& source : overlays) dictionary.files_.push_back(source.name);
  for (size_t index = 0; index < overlays.size(); ++index) {
    dictionary.ParseFile(overlays[index], static_cast<uint32_t>(files.size() + index), warnings);
  }
  for (size_t index = 0; index < files.size(); ++index) {
    dictionary.ParseFile(files[index], static_cast<uint32_t>(index), warnings);
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

namespace {

// Lowercase words that may sit inside a capitalised name ("Government of National Accord",
// "Osama bin Laden").
constexpr std::array<std::string_view, 12> kNameConnectors = {
    "of", "the", "and", "for", "in", "on", "de", "bin", "ibn", "bint", "abu", "abd"};

bool IsHyphen(std::string_view token) {
  return token == "-" || token == "\u2010" || token == "\u2011" || token == "\u2013";
}

// An uppercase or uncased (Arabic, Chinese, ...) letter first; "al-Sisi" counts by "Sisi".
bool IsCapitalised(std::string_view token) {
  if (token.size() > 3 && token[2] == '-' && IsArticle(token.substr(0, 2))) token.remove_prefix(3);
  if (token.empty()) return false;
  char32_t code_point = 0;
  if (base::DecodeUtf8(token, 0, &code_point) == 0) return false;
  utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(code_point));
  return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT ||
         category == UTF8PROC_CATEGORY_LO;
}

// The guard on transliteration matches (see FindActors in the header).
bool NamesOnly(std::span<const std::string_view> tokens, uint32_t begin, uint32_t end) {
  bool capitalised = false;
  for (uint32_t index = begin; index < end; ++index) {
    std::string_view token = tokens[index];
    if (IsCapitalised(token)) {
      capitalised = true;
    } else if (!IsArticle(token) && !IsHyphen(token) &&
               std::find(kNameConnectors.begin(), kNameConnectors.end(), token) ==
                   kNameConnectors.end()) {
      return false;
    }
  }
  return capitalised;
}

struct Candidate {
  PhraseMatch match;
  bool exact = false;
};

// A capitalised plural that is not part of an exact match, matched as its one-word
// singular: "Albanians" is ALBANIAN_ (ALB), "Liberians" LIBERIAN_. Phoenix lists the
// nationality adjectives, and an adjective with a trailing "_" matches only itself.
void AddCapitalisedPlurals(const PhraseMatcher& matcher, std::span<const std::string_view> tokens,
                           const std::vector<PhraseMatch>& exact, std::vector<Candidate>* candidates) {
  for (uint32_t index = 0; index < tokens.size(); ++index) {
    std::string_view token = tokens[index];
    if (token.size() < 5 || token.back() != 's' || token[token.size() - 2] == 's' || !IsCapitalised(token)) continue;
    bool covered = std::any_of(exact.begin(), exact.end(),
                               [&](const PhraseMatch& match) { return match.begin <= index && index < match.end; });
    if (covered) continue;
    std::string_view singular[] = {token.substr(0, token.size() - 1)};
    std::vector<PhraseMatch> found = matcher.FindLongest(singular);
    if (found.size() == 1 && found[0].end == 1) candidates->push_back({{index, index + 1, found[0].values}, false});
  }
}

}  // namespace

std::vector<PhraseMatch> ActorDictionary::FindActors(
    std::span<const std::string_view> tokens) const {
  std::vector<PhraseMatch> exact = matcher_.FindLongest(tokens);
  bool any_capitalised = std::any_of(tokens.begin(), tokens.end(), IsCapitalised);
  if (!any_capitalised) return exact;
  std::vector<Candidate> candidates;
  for (const PhraseMatch& match : exact) candidates.push_back({match, true});
  AddCapitalisedPlurals(matcher_, tokens, exact, &candidates);
  if (transliteration_matcher_.phrase_count() == 0 && candidates.size() == exact.size()) return exact;
  TransliteratedTokens keys;
  std::vector<std::string_view> views;
  for (ArticleMode mode : {ArticleMode::kKeep, ArticleMode::kDrop}) {
    TransliterateTokens(tokens, mode, &keys);
    views.assign(keys.keys.begin(), keys.keys.end());
    for (const PhraseMatch& match : transliteration_matcher_.FindLongest(views)) {
      PhraseMatch mapped{keys.origins[match.begin], keys.origins[match.end - 1] + 1, match.values};
      if (NamesOnly(tokens, mapped.begin, mapped.end)) candidates.push_back({mapped, false});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.match.begin != b.match.begin) return a.match.begin < b.match.begin;
    if (a.match.end != b.match.end) return a.match.end > b.match.end;
    return a.exact && !b.exact;
  });
  std::vector<PhraseMatch> matches;
  uint32_t covered = 0;
  for (const Candidate& candidate : candidates) {
    if (candidate.match.begin < covered) continue;
    matches.push_back(candidate.match);
    covered = candidate.match.end;
  }
  return matches;
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
