#include "khabar/dict/verb_dictionary.h"

#include <utility>

#include "khabar/dict/internal/brackets.h"
#include "khabar/dict/internal/dict_text.h"
#include "khabar/dict/internal/inflect.h"
#include "khabar/dict/internal/verb_compiler.h"
#include "khabar/dict/internal/verb_syntax.h"
#include "khabar/dict/normalize.h"

namespace khabar::dict {
namespace {

bool IsVerbStart(char ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
         ch == '+' || static_cast<unsigned char>(ch) >= 0x80;
}

// Removes the "(){}" of synset members written like pattern parts ("+(TO THE END)").
std::string WithoutGrouping(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch != '(' && ch != ')' && ch != '{' && ch != '}') out.push_back(ch);
  }
  return out;
}

}  // namespace

std::string EventCode::ToString() const {
  return passive.empty() ? active : active + ":" + passive;
}

// Reads the file line by line: a small state machine over "synset" and "verb block"
// sections. Synset references are resolved afterwards by internal::CompileVerbDictionary,
// because PETRARCH allowed a synset to be defined after its first use.
class VerbDictionary::Parser {
 public:
  Parser(VerbDictionary* dictionary, WarningSink& warnings, uint32_t file)
      : dictionary_(dictionary), warnings_(warnings), file_(file) {}

  void ParseLine(const internal::DictLine& line) {
    std::string_view text = line.text;
    if (text.starts_with("---")) {
      ParseBlockHeader(line);
    } else if (text.front() == '&') {
      ParseSynsetHeader(line);
    } else if (text.front() == '~') {
      ParseTransformation(line);
    } else if (text.front() == '-') {
      ParsePattern(line);
    } else if (text.front() == '+' && section_ == Section::kSynset) {
      ParseSynsetMember(line);
    } else if (section_ == Section::kBlock && IsVerbStart(text.front())) {
      ParseVerb(line);
    } else {
      warnings_.Add(line.number,
                    Quote(text) + " is not a verb, pattern, synset or block header; skipped");
    }
  }

 private:
  enum class Section : uint8_t { kNone, kSynset, kBlock };

  void ParseBlockHeader(const internal::DictLine& line) {
    std::string_view body = line.text.substr(3);
    while (body.ends_with('-')) body.remove_suffix(1);
    internal::BracketSplit split = internal::SplitBrackets(body);
    VerbBlock block;
    block.line = line.number;
    block.name = std::string(split.head.substr(0, split.head.find_first_of(" \t")));
    block.code = {"---", ""};
    std::string error;
    std::string unusual;
    if (split.unclosed || block.name.empty() ||
        (!split.groups.empty() &&
         !internal::ParseEventCode(split.groups.front(), &block.code, &error, &unusual))) {
      warnings_.Add(line.number,
                    "bad block header " + Quote(line.text) + "; its verbs are skipped");
      section_ = Section::kNone;
      return;
    }
    if (!unusual.empty()) warnings_.Add(line.number, unusual);
    section_ = Section::kBlock;
    if (file_ > 0) {  // an overlay reopens a block of the same name
      for (size_t index = 0; index < dictionary_->blocks_.size(); ++index) {
        if (dictionary_->blocks_[index].name == block.name) {
          current_block_ = static_cast<uint32_t>(index);
          return;
        }
      }
    }
    current_block_ = static_cast<uint32_t>(dictionary_->blocks_.size());
    dictionary_->blocks_.push_back(std::move(block));
  }

  void ParseSynsetHeader(const internal::DictLine& line) {
    std::string_view label = line.text.substr(0, line.text.find_first_of(" \t"));
    std::string name = internal::CanonicalSynsetName(label);
    section_ = Section::kNone;
    if (name.empty()) {
      warnings_.Add(line.number, "synset without a name; its members are skipped");
      return;
    }
    label_without_plurals_ = label.ends_with('_');
    auto [it, inserted] = dictionary_->synset_index_.try_emplace(
        name, static_cast<uint32_t>(dictionary_->synsets_.size()));
    if (inserted) {
      dictionary_->synsets_.push_back({line.number, name, {}});
    } else {
      warnings_.Add(line.number, "synset &" + name + " is defined again (first at line " +
                                     std::to_string(dictionary_->synsets_[it->second].line) +
                                     "); members merged");
    }
    synset_ = it->second;
    section_ = Section::kSynset;
  }

  void ParseSynsetMember(const internal::DictLine& line) {
    std::string_view text = internal::Trim(line.text.substr(1));
    SynsetMember member;
    member.line = line.number;
    if (!text.empty() && text.front() == '&') {
      member.reference = internal::CanonicalSynsetName(text);
      member.plural = false;
    } else {
      member.words = SplitPhrase(WithoutGrouping(text));
      member.plural = !label_without_plurals_ && !text.ends_with('_');
    }
    if (member.words.empty() && member.reference.empty()) {
      warnings_.Add(line.number, "empty synset member; skipped");
      return;
    }
    dictionary_->synsets_[synset_].members.push_back(std::move(member));
  }

  void ParsePattern(const internal::DictLine& line) {
    if (section_ != Section::kBlock) {
      warnings_.Add(line.number, "pattern outside a verb block; skipped");
      return;
    }
    Pattern pattern;
    std::string error;
    std::string unusual;
    if (!internal::ParsePattern(line.text, &pattern, &error, &unusual)) {
      warnings_.Add(line.number, "bad pattern " + Quote(line.text) + ": " + error + "; skipped");
      return;
    }
    if (!unusual.empty()) warnings_.Add(line.number, unusual);
    pattern.line = line.number;
    pattern.file = file_;
    pattern.block = CurrentBlock();
    pattern.text = std::string(line.text);
    dictionary_->patterns_.push_back(std::move(pattern));
  }

  void ParseTransformation(const internal::DictLine& line) {
    Transformation transformation;
    std::string error;
    if (!internal::ParseTransformation(line.text, &transformation, &error)) {
      warnings_.Add(line.number,
                    "bad transformation " + Quote(line.text) + ": " + error + "; skipped");
      return;
    }
    transformation.line = line.number;
    transformation.text = std::string(line.text);
    dictionary_->transformations_.push_back(std::move(transformation));
  }

  void ParseVerb(const internal::DictLine& line) {
    internal::BracketSplit split = internal::SplitBrackets(line.text);
    Verb verb;
    verb.line = line.number;
    verb.file = file_;
    verb.block = CurrentBlock();
    verb.text = std::string(line.text);
    verb.code = dictionary_->blocks_[CurrentBlock()].code;
    std::string error;
    std::string unusual;
    if (split.unclosed ||
        (!split.groups.empty() &&
         !internal::ParseEventCode(split.groups.front(), &verb.code, &error, &unusual))) {
      warnings_.Add(line.number, "bad verb code in " + Quote(line.text) + "; skipped");
      return;
    }
    if (!unusual.empty()) warnings_.Add(line.number, unusual);
    std::vector<std::vector<std::string>> spellings;
    uint32_t head = 0;
    if (!VerbSpellings(split.head, line.number, &spellings, &head)) return;
    auto verb_id = static_cast<uint32_t>(dictionary_->verbs_.size());
    dictionary_->blocks_[CurrentBlock()].verbs.push_back(verb_id);
    dictionary_->verbs_.push_back(std::move(verb));
    for (size_t index = 0; index < spellings.size(); ++index) {
      AddForm(verb_id, std::move(spellings[index]), head, index == 0, line.number);
    }
  }

  // The base spelling first, then the "{...}" forms or the regular ones.
  bool VerbSpellings(std::string_view head_text, uint32_t line,
                     std::vector<std::vector<std::string>>* spellings, uint32_t* head) {
    size_t brace = head_text.find('{');
    std::string_view base = internal::Trim(head_text.substr(0, brace));
    std::string error;
    std::vector<std::string> words;
    if (!internal::ParseVerbSpelling(base, &words, head, &error)) {
      warnings_.Add(line, error + "; line skipped");
      return false;
    }
    spellings->push_back(words);
    if (brace == std::string_view::npos) {
      for (std::string& form : internal::RegularVerbForms(words[*head])) {
        spellings->push_back(words);
        spellings->back()[*head] = std::move(form);
      }
      return true;
    }
    size_t close = head_text.find('}', brace);
    // After the '}' only a TABARI-style ";comment" may follow ("SIP {SIPS SIPPED};xy 1/2/93").
    std::string_view after = close == std::string_view::npos
                                 ? std::string_view()
                                 : internal::Trim(head_text.substr(close + 1));
    if (close == std::string_view::npos || !(after.empty() || after.front() == ';')) {
      warnings_.Add(line, "bad \"{...}\" in " + Quote(head_text) + "; line skipped");
      return false;
    }
    AddIrregularSpellings(head_text.substr(brace + 1, close - brace - 1), line, spellings);
    return true;
  }

  void AddIrregularSpellings(std::string_view list, uint32_t line,
                             std::vector<std::vector<std::string>>* spellings) {
    std::string separated(list);
    for (char& ch : separated) {
      if (ch == ',' || ch == '\t') ch = ' ';
    }
    std::string_view rest = separated;
    while (!(rest = internal::Trim(rest)).empty()) {
      std::string_view item = rest.substr(0, rest.find(' '));
      rest.remove_prefix(item.size());
      std::vector<std::string> words;
      uint32_t head = 0;
      std::string error;
      if (!internal::ParseVerbSpelling(item, &words, &head, &error)) {
        warnings_.Add(line, error + "; form skipped");
        continue;
      }
      spellings->push_back(std::move(words));
    }
  }

  // Indexes one spelling unless an earlier verb owns it (PETRARCH: first wins).
  void AddForm(uint32_t verb_id, std::vector<std::string> words, uint32_t head, bool base,
               uint32_t line) {
    std::span<const uint32_t> owners = dictionary_->verb_matcher_.Lookup(words);
    if (!owners.empty()) {
      const Verb& owner = dictionary_->verbs_[dictionary_->forms_[owners.front()].verb];
      if (base && owner.block != dictionary_->verbs_[verb_id].block) {
        warnings_.Add(line, "verb " + Quote(dictionary_->verbs_[verb_id].text) +
                                " is already in block " +
                                Quote(dictionary_->blocks_[owner.block].name) + " (line " +
                                std::to_string(owner.line) + "); kept the first");
      }
      return;
    }
    auto form_id = static_cast<uint32_t>(dictionary_->forms_.size());
    dictionary_->verb_matcher_.Add(words, form_id);
    dictionary_->forms_.push_back({verb_id, std::move(words), head});
    dictionary_->verbs_[verb_id].forms.push_back(form_id);
  }

  uint32_t CurrentBlock() const { return current_block_; }

  VerbDictionary* dictionary_;
  WarningSink& warnings_;
  uint32_t file_ = 0;           // index into files_: 0 the base, then overlays
  uint32_t current_block_ = 0;  // the open block (section_ == kBlock)
  Section section_ = Section::kNone;
  uint32_t synset_ = 0;
  bool label_without_plurals_ = false;
};

VerbDictionary VerbDictionary::Parse(std::string_view bytes, std::string_view file_name,
                                     Warnings* warnings) {
  DictionarySource source{std::string(file_name), bytes};
  return Parse(std::span<const DictionarySource>(&source, 1), warnings);
}

VerbDictionary VerbDictionary::Parse(std::span<const DictionarySource> sources, Warnings* warnings) {
  VerbDictionary dictionary;
  dictionary.files_.clear();
  for (const DictionarySource& source : sources) dictionary.files_.push_back(source.name);
  if (dictionary.files_.empty()) dictionary.files_.push_back("");
  for (size_t index = 0; index < sources.size(); ++index) {
    WarningSink sink(sources[index].name, warnings);
    internal::DictText text(sources[index].bytes, sink);
    Parser parser(&dictionary, sink, static_cast<uint32_t>(index));
    for (const internal::DictLine& line : text.lines()) parser.ParseLine(line);
  }
  WarningSink sink(dictionary.files_.front(), warnings);
  internal::CompileVerbDictionary(&dictionary, sink);
  return dictionary;
}

StatusOr<VerbDictionary> VerbDictionary::Load(const std::string& path, Warnings* warnings) {
  KH_ASSIGN_OR_RETURN(std::string bytes, ReadDictionaryFile(path));
  return Parse(bytes, path, warnings);
}

uint32_t VerbDictionary::FindSynset(std::string_view name) const {
  auto it = synset_index_.find(internal::CanonicalSynsetName(name));
  return it == synset_index_.end() ? kNoId : it->second;
}

std::string VerbDictionary::Where(const Pattern& pattern) const {
  return files_[pattern.file] + ":" + std::to_string(pattern.line);
}

std::string VerbDictionary::Where(const Verb& verb) const {
  return files_[verb.file] + ":" + std::to_string(verb.line);
}

}  // namespace khabar::dict
