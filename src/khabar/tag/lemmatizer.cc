#include "khabar/tag/lemmatizer.h"

#include <algorithm>

#include "khabar/tag/internal/features.h"

namespace khabar::tag {
namespace {

using internal::HashBytes;
using internal::HashIndex;
using internal::HashPair;

constexpr uint64_t kFormSeed = 21;
constexpr uint64_t kSuffixSeed = 22;
constexpr uint64_t kExactSeed = 23;
constexpr uint64_t kKnownSeed = 24;
constexpr uint32_t kMaxScripts = 1u << 20;
constexpr size_t kMaxLowerBytes = 256;
constexpr size_t kMaxCandidateBytes = kMaxLowerBytes + 64;

uint64_t FormKey(std::string_view lower, uint16_t xpos) {
  return HashPair(HashBytes(kFormSeed, lower), xpos);
}
uint64_t ExactKey(std::string_view form, uint16_t xpos) {
  return HashPair(HashBytes(kExactSeed, form), xpos);
}
uint64_t SuffixKey(std::string_view suffix, uint16_t xpos) {
  return HashPair(HashBytes(kSuffixSeed, suffix), xpos);
}

std::string Lower(std::string_view text) {
  std::string out;
  internal::AppendLower(text, out);
  return out;
}

size_t CommonPrefix(std::string_view a, std::string_view b) {
  size_t length = 0;
  while (length < a.size() && length < b.size() && a[length] == b[length]) ++length;
  return length;
}

// The most frequent script; ties go to the smallest, so the choice is deterministic.
template <typename Map>
typename Map::key_type MostFrequent(const Map& counts) {
  auto best = counts.begin();
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    if (it->second > best->second) best = it;
  }
  return best->first;
}

}  // namespace

Lemmatizer::Builder::ScriptKey Lemmatizer::Builder::MakeScript(std::string_view form,
                                                               std::string_view lemma) {
  std::string lower = Lower(form);
  size_t keep = CommonPrefix(form, lemma);
  size_t lowered = CommonPrefix(lower, lemma);
  // Prefer lowercasing when it explains as much: the script then also fits the
  // capitalised form at a sentence start.
  bool use_lower = lower == form || lowered >= keep;
  size_t prefix = use_lower ? lowered : keep;
  return ScriptKey{use_lower, static_cast<uint32_t>(form.size() - prefix),
                   std::string(lemma.substr(prefix))};
}

void Lemmatizer::Builder::AddWord(std::string_view form, uint16_t xpos, std::string_view lemma) {
  if (form.empty() || lemma.empty() || lemma == "_" || form.size() > kMaxLowerBytes) return;
  ScriptKey script = MakeScript(form, lemma);
  ++words_[{Lower(form), xpos}][script];
  ++exact_words_[{std::string(form), xpos}][script];
  AddKnownLemma(lemma);
}

void Lemmatizer::Builder::AddKnownLemma(std::string_view lemma) {
  if (!lemma.empty() && lemma != "_") known_lemmas_.push_back(HashBytes(kKnownSeed, Lower(lemma)));
}

void Lemmatizer::Builder::AddException(std::string_view form, uint16_t xpos,
                                       std::string_view lemma) {
  if (form.empty() || lemma.empty() || form.size() > kMaxLowerBytes) return;
  exceptions_.emplace(Key{Lower(form), xpos}, MakeScript(form, lemma));
}

Lemmatizer Lemmatizer::Builder::Build(const Options& options) const {
  Lemmatizer lemmatizer;
  std::map<ScriptKey, uint32_t> script_ids;
  auto intern = [&](const ScriptKey& key) {
    auto [it, inserted] =
        script_ids.try_emplace(key, static_cast<uint32_t>(lemmatizer.scripts_.size()));
    if (inserted) {
      Script script{key.lower, key.strip, static_cast<uint32_t>(lemmatizer.append_text_.size()), 0};
      lemmatizer.append_text_ += key.append;
      script.append_end = static_cast<uint32_t>(lemmatizer.append_text_.size());
      lemmatizer.scripts_.push_back(script);
    }
    return it->second;
  };
  std::vector<uint64_t> form_keys;
  std::vector<uint32_t> form_values;
  std::map<std::pair<std::string, uint16_t>, std::map<ScriptKey, uint32_t>> rule_counts;
  for (const auto& [key, scripts] : words_) {
    ScriptKey best = MostFrequent(scripts);
    form_keys.push_back(FormKey(key.first, key.second));
    form_values.push_back(intern(best));
    // Rules learn from word types; a suffix may not reach into what the script strips.
    for (size_t length = 0; length <= std::min(kMaxRuleSuffix, key.first.size()); ++length) {
      ++rule_counts[{key.first.substr(key.first.size() - length), key.second}][best];
    }
  }
  // A form as written gets its own entry only where it disagrees with its lowercased form.
  for (const auto& [key, scripts] : exact_words_) {
    ScriptKey best = MostFrequent(scripts);
    if (MostFrequent(words_.at({Lower(key.first), key.second})) == best) continue;
    form_keys.push_back(ExactKey(key.first, key.second));
    form_values.push_back(intern(best));
  }
  for (const auto& [key, script] : exceptions_) {
    if (words_.count(key)) continue;
    form_keys.push_back(FormKey(key.first, key.second));
    form_values.push_back(intern(script));
  }
  std::vector<uint64_t> rule_keys;
  std::vector<uint32_t> rule_values;
  for (const auto& [key, scripts] : rule_counts) {
    std::vector<std::pair<uint32_t, ScriptKey>> ranked;  // (-count) order, then script
    for (const auto& [script, count] : scripts) {
      if (count >= options.min_rule_count) ranked.emplace_back(count, script);
    }
    if (ranked.empty()) continue;
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    if (ranked.size() > kMaxRuleScripts) ranked.resize(kMaxRuleScripts);
    rule_keys.push_back(SuffixKey(key.first, key.second));
    rule_values.push_back(
        static_cast<uint32_t>(lemmatizer.rule_scripts_.size() * 4 + ranked.size()));
    for (const auto& [count, script] : ranked) lemmatizer.rule_scripts_.push_back(intern(script));
  }
  std::vector<uint64_t> known = known_lemmas_;
  std::sort(known.begin(), known.end());
  known.erase(std::unique(known.begin(), known.end()), known.end());
  lemmatizer.known_ = HashIndex::Build(known, std::vector<uint32_t>(known.size(), 0));
  lemmatizer.forms_ = HashIndex::Build(form_keys, form_values);
  lemmatizer.suffixes_ = HashIndex::Build(rule_keys, rule_values);
  return lemmatizer;
}

uint32_t Lemmatizer::FindScript(std::string_view form, std::string_view lower,
                                uint16_t xpos) const {
  uint32_t script = forms_.Find(ExactKey(form, xpos));
  if (script != HashIndex::kMissing) return script;
  script = forms_.Find(FormKey(lower, xpos));
  if (script != HashIndex::kMissing) return script;
  return FindRule(lower, xpos);
}

uint32_t Lemmatizer::FindRule(std::string_view lower, uint16_t xpos) const {
  // From the longest suffix with a rule to the shortest, the first script that yields a
  // known lemma; else the most frequent applicable script of the longest suffix. A shorter
  // suffix may only strip less than that fallback would: "-elled" -> "-el" (travelled)
  // must not turn "shelled" into "shel" when "-ed" -> "" makes "shell", but "Annan" must
  // not lose its "n" because "Anna" is a known word.
  uint32_t fallback = HashIndex::kMissing;
  for (size_t length = std::min(kMaxRuleSuffix, lower.size()) + 1; length-- > 0;) {
    uint32_t rule = suffixes_.Find(SuffixKey(lower.substr(lower.size() - length), xpos));
    if (rule == HashIndex::kMissing) continue;
    const bool longest = fallback == HashIndex::kMissing;
    for (uint32_t idx = rule / 4; idx < rule / 4 + rule % 4; ++idx) {
      uint32_t script = rule_scripts_[idx];
      if (scripts_[script].strip >= lower.size()) continue;
      if (fallback == HashIndex::kMissing) fallback = script;
      if (!longest && scripts_[script].strip >= scripts_[fallback].strip) continue;
      if (Known(scripts_[script], lower)) return script;
    }
  }
  return fallback;
}

bool Lemmatizer::Known(const Script& script, std::string_view lower) const {
  if (known_.size() == 0) return false;
  char buffer[kMaxCandidateBytes];
  size_t kept = lower.size() - script.strip;
  size_t appended = script.append_end - script.append_begin;
  if (kept + appended > sizeof(buffer)) return false;
  std::copy(lower.begin(), lower.begin() + kept, buffer);
  for (size_t byte = 0; byte < appended; ++byte) {
    char c = append_text_[script.append_begin + byte];
    buffer[kept + byte] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return known_.Find(HashBytes(kKnownSeed, std::string_view(buffer, kept + appended))) !=
         HashIndex::kMissing;
}

void Lemmatizer::Apply(const Script& script, std::string_view form, std::string& out) const {
  std::string_view kept = form.substr(0, form.size() - script.strip);
  if (script.lower) {
    internal::AppendLower(kept, out);
  } else {
    out += kept;
  }
  out.append(append_text_, script.append_begin, script.append_end - script.append_begin);
}

void Lemmatizer::Lemmatize(std::string_view form, uint16_t xpos, std::string& out) const {
  char buffer[kMaxLowerBytes];
  if (form.size() > kMaxLowerBytes || form.empty()) {
    out += form;
    return;
  }
  for (size_t byte = 0; byte < form.size(); ++byte) {
    char c = form[byte];
    buffer[byte] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  uint32_t script = FindScript(form, std::string_view(buffer, form.size()), xpos);
  if (script == HashIndex::kMissing || scripts_[script].strip > form.size()) {
    out += form;
    return;
  }
  Apply(scripts_[script], form, out);
}

void Lemmatizer::Encode(model::Encoder& out) const {
  out.PutVarint32(static_cast<uint32_t>(scripts_.size()));
  for (const Script& script : scripts_) {
    out.PutVarint32(script.lower ? 1 : 0);
    out.PutVarint32(script.strip);
    out.PutString(std::string_view(append_text_)
                      .substr(script.append_begin, script.append_end - script.append_begin));
  }
  forms_.Encode(out);
  suffixes_.Encode(out);
  out.PutVarint32(static_cast<uint32_t>(rule_scripts_.size()));
  for (uint32_t script : rule_scripts_) out.PutVarint32(script);
  known_.Encode(out);
}

StatusOr<Lemmatizer> Lemmatizer::Decode(model::Decoder& in) {
  Lemmatizer lemmatizer;
  uint32_t count = 0;
  if (!in.GetVarint32(&count) || count > kMaxScripts || count > in.remaining()) {
    return DataLossError("bad lemma script count");
  }
  for (uint32_t script_idx = 0; script_idx < count; ++script_idx) {
    uint32_t lower = 0, strip = 0;
    std::string_view append;
    if (!in.GetVarint32(&lower) || !in.GetVarint32(&strip) || !in.GetString(&append) || lower > 1 ||
        strip > kMaxLowerBytes) {
      return DataLossError("bad lemma script");
    }
    Script script{lower == 1, strip, static_cast<uint32_t>(lemmatizer.append_text_.size()), 0};
    lemmatizer.append_text_ += append;
    script.append_end = static_cast<uint32_t>(lemmatizer.append_text_.size());
    lemmatizer.scripts_.push_back(script);
  }
  KH_ASSIGN_OR_RETURN(lemmatizer.forms_, HashIndex::Decode(in, count == 0 ? 0 : count - 1));
  KH_ASSIGN_OR_RETURN(lemmatizer.suffixes_, HashIndex::Decode(in, 0xFFFFFFFEu));
  if (count == 0 && (lemmatizer.forms_.size() || lemmatizer.suffixes_.size())) {
    return DataLossError("lemma tables without scripts");
  }
  uint32_t rule_script_count = 0;
  if (!in.GetVarint32(&rule_script_count) || rule_script_count > in.remaining()) {
    return DataLossError("bad rule script count");
  }
  lemmatizer.rule_scripts_.resize(rule_script_count);
  for (uint32_t& script : lemmatizer.rule_scripts_) {
    if (!in.GetVarint32(&script) || script >= count) return DataLossError("bad rule script");
  }
  // Each rule names 1..kMaxRuleScripts scripts inside rule_scripts_.
  if (!lemmatizer.suffixes_.AllValuesSatisfy([&](uint32_t rule) {
        return rule % 4 >= 1 && rule % 4 <= kMaxRuleScripts &&
               rule / 4 + rule % 4 <= rule_script_count;
      })) {
    return DataLossError("bad suffix rule");
  }
  KH_ASSIGN_OR_RETURN(lemmatizer.known_, HashIndex::Decode(in, 0));
  return lemmatizer;
}

}  // namespace khabar::tag
