#include "khabar/tag/internal/features.h"

#include <algorithm>

namespace khabar::tag::internal {
namespace {

// Feature template ids. Serialised implicitly (they seed the hashes): never renumber.
enum Template : uint64_t {
  kBias = 100,
  kWord,
  kExact,
  kPrefix,  // + length (1..4)
  kSuffix = kPrefix + 8,
  kShape = kSuffix + 8,
  kFlags,
  kPrevWord,
  kNextWord,
  kPrev2Word,
  kNext2Word,
  kPrevLabel,
  kPrev2Labels,
  kPrevLabelWord,
  kPrevWordWord,
  kWordNextWord,
  kPrevSuffix,
  kNextSuffix,
  kAmb,
  kNextAmb,
  kNext2Amb,
  kPrevLabelAmb,
  kPrev2Label,
  kWordNextAmb,
  kPrevLabelSuffix,
  kNextAmbNext2Amb,
  kShapeNextShape,
  kFirstLabel,
  kFirstNextLabel,
  kFirstNext2Label,
  kFirstNextLabels,
  kPrevFirstNextLabel,
  kFirstNextLabelWord,
  kFirstLabelWord,
  kFirstPrevFirstNext,
  kWordNet,
  kWordNetFlags,
  kNextWordNet,
  kWordNetSuffix,
};

constexpr uint64_t kShapeSeed = 7;
constexpr uint64_t kSuffixSeed = 8;
constexpr size_t kMaxShape = 12;
constexpr size_t kMaxAffix = 4;

enum Flag : uint8_t {
  kHasDigit = 1,
  kHasHyphen = 2,
  kHasUpper = 4,
  kInitUpper = 8,
  kAllUpper = 16,
  kHasLower = 32,
  kNonAscii = 64,
};

char ShapeChar(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

// Shape with runs collapsed ("Al-Zaman" -> "Xx-Xx"), and flag bits.
uint64_t ShapeHash(std::string_view form, uint8_t* flags) {
  char shape[kMaxShape];
  size_t length = 0;
  uint8_t bits = 0;
  for (unsigned char c : form) {
    char s = ShapeChar(c);
    if (s == 'd') bits |= kHasDigit;
    if (s == '-') bits |= kHasHyphen;
    if (s == 'X') bits |= kHasUpper;
    if (s == 'x') bits |= kHasLower;
    if (s == 'u') bits |= kNonAscii;
    if (length < kMaxShape && (length == 0 || shape[length - 1] != s)) shape[length++] = s;
  }
  if (!form.empty() && ShapeChar(static_cast<unsigned char>(form[0])) == 'X') bits |= kInitUpper;
  if ((bits & kHasUpper) && !(bits & kHasLower)) bits |= kAllUpper;
  *flags = bits;
  return HashBytes(kShapeSeed, std::string_view(shape, length));
}

}  // namespace

void AppendLower(std::string_view text, std::string& out) {
  for (char c : text) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

void PrepareSentence(std::span<const std::string_view> forms, const Lexicon& lexicon,
                     uint32_t rare_cutoff, SentenceFeatures& features) {
  features.words.resize(forms.size());
  features.lower_text.clear();
  for (size_t word_idx = 0; word_idx < forms.size(); ++word_idx) {
    WordContext& word = features.words[word_idx];
    word.lower_begin = static_cast<uint32_t>(features.lower_text.size());
    AppendLower(forms[word_idx], features.lower_text);
    word.lower_end = static_cast<uint32_t>(features.lower_text.size());
  }
  for (size_t word_idx = 0; word_idx < forms.size(); ++word_idx) {
    WordContext& word = features.words[word_idx];
    std::string_view lower = features.Lower(word);
    word.lower = WordKey(lower);
    word.exact = HashBytes(2, forms[word_idx]);
    word.shape = ShapeHash(forms[word_idx], &word.flags);
    word.suffix3 =
        HashBytes(kSuffixSeed, lower.substr(lower.size() - std::min<size_t>(3, lower.size())));
    word.wordnet = lexicon.wordnet.size() ? LookUpWordNet(lexicon.wordnet, lower) : 0;
    uint32_t row = lexicon.index.Find(word.lower);
    OverrideLexicon(word, row == HashIndex::kMissing ? 0 : lexicon.freq[row],
                    row == HashIndex::kMissing ? 0 : lexicon.amb[row], rare_cutoff);
  }
}

namespace {

// WordNet's morphy detachment rules: (part-of-speech bit, suffix, replacement).
struct Detachment {
  uint32_t pos;
  std::string_view suffix;
  std::string_view replacement;
};
constexpr Detachment kDetachments[] = {
    {kWordNetNoun, "s", ""},        {kWordNetNoun, "ses", "s"},      {kWordNetNoun, "xes", "x"},
    {kWordNetNoun, "zes", "z"},     {kWordNetNoun, "ches", "ch"},    {kWordNetNoun, "shes", "sh"},
    {kWordNetNoun, "men", "man"},   {kWordNetNoun, "ies", "y"},      {kWordNetVerb, "s", ""},
    {kWordNetVerb, "ies", "y"},     {kWordNetVerb, "es", "e"},       {kWordNetVerb, "es", ""},
    {kWordNetVerb, "ed", "e"},      {kWordNetVerb, "ed", ""},        {kWordNetVerb, "ing", "e"},
    {kWordNetVerb, "ing", ""},      {kWordNetAdjective, "er", ""},   {kWordNetAdjective, "est", ""},
    {kWordNetAdjective, "er", "e"}, {kWordNetAdjective, "est", "e"},
};
constexpr size_t kMaxMorphyBytes = 48;

}  // namespace

uint32_t LookUpWordNet(const HashIndex& wordnet, std::string_view lower) {
  uint32_t bits = wordnet.Find(WordNetKey(lower));
  if (bits == HashIndex::kMissing) bits = 0;
  if (lower.size() > kMaxMorphyBytes) return bits;
  char buffer[kMaxMorphyBytes + 4];
  for (const Detachment& rule : kDetachments) {
    if (lower.size() <= rule.suffix.size() ||
        lower.substr(lower.size() - rule.suffix.size()) != rule.suffix)
      continue;
    size_t stem = lower.size() - rule.suffix.size();
    std::copy(lower.begin(), lower.begin() + stem, buffer);
    std::copy(rule.replacement.begin(), rule.replacement.end(), buffer + stem);
    uint32_t base =
        wordnet.Find(WordNetKey(std::string_view(buffer, stem + rule.replacement.size())));
    if (base != HashIndex::kMissing && (base & rule.pos)) bits |= rule.pos << kWordNetInflected;
  }
  return bits;
}

void OverrideLexicon(WordContext& word, uint32_t freq, uint32_t amb, uint32_t rare_cutoff) {
  bool frequent = freq >= rare_cutoff;
  word.freq = freq;
  word.context = frequent ? word.lower : word.shape;
  word.amb = frequent ? amb : 0;
}

namespace {

constexpr WordContext kBoundary = {
    .lower = 11, .exact = 11, .context = 11, .shape = 11, .suffix3 = 11, .amb = 11};
constexpr uint64_t kNoAmb = 13;

const WordContext& At(const SentenceFeatures& sentence, size_t position, int offset) {
  int64_t index = static_cast<int64_t>(position) + offset;
  if (index < 0 || index >= static_cast<int64_t>(sentence.words.size())) return kBoundary;
  return sentence.words[index];
}

}  // namespace

size_t ExtractFeatures(const SentenceFeatures& sentence, size_t position, const uint16_t* labels,
                       const uint16_t* first_pass, uint64_t* out) {
  size_t count = 0;
  auto emit = [&](uint64_t template_id, uint64_t value) {
    out[count++] = HashPair(template_id, value);
  };
  const WordContext& word = sentence.words[position];
  const WordContext& prev = At(sentence, position, -1);
  const WordContext& prev2 = At(sentence, position, -2);
  const WordContext& next = At(sentence, position, 1);
  const WordContext& next2 = At(sentence, position, 2);
  uint64_t label1 = position > 0 ? labels[position - 1] : kStartLabel;
  uint64_t label2 = position > 1 ? labels[position - 2] : kStartLabel;
  uint64_t amb = word.amb ? word.amb : kNoAmb;

  emit(kBias, 0);
  if (word.context == word.lower) {
    emit(kWord, word.lower);
    emit(kExact, word.exact);
  }
  std::string_view lower = sentence.Lower(word);
  for (size_t length = 1; length <= std::min(kMaxAffix, lower.size()); ++length) {
    emit(kPrefix + length, HashBytes(0, lower.substr(0, length)));
    emit(kSuffix + length, HashBytes(0, lower.substr(lower.size() - length)));
  }
  emit(kShape, word.shape);
  emit(kFlags, word.flags | (position == 0 ? 0x80 : 0));
  emit(kPrevWord, prev.context);
  emit(kNextWord, next.context);
  emit(kPrev2Word, prev2.context);
  emit(kNext2Word, next2.context);
  emit(kPrevLabel, label1);
  emit(kPrev2Label, label2);
  emit(kPrev2Labels, label1 << 16 | label2);
  emit(kPrevLabelWord, HashPair(label1, word.context));
  emit(kPrevWordWord, HashPair(prev.context, word.context));
  emit(kWordNextWord, HashPair(word.context, next.context));
  emit(kPrevSuffix, prev.suffix3);
  emit(kNextSuffix, next.suffix3);
  emit(kAmb, amb);
  emit(kNextAmb, next.amb);
  emit(kNext2Amb, next2.amb);
  emit(kPrevLabelAmb, HashPair(label1, amb));
  emit(kWordNextAmb, HashPair(word.context, next.amb));
  emit(kPrevLabelSuffix, HashPair(label1, word.suffix3));
  emit(kNextAmbNext2Amb, HashPair(next.amb, next2.amb));
  emit(kShapeNextShape, HashPair(word.shape, next.shape));
  if (word.wordnet || next.wordnet) {
    emit(kWordNet, word.wordnet);
    emit(kWordNetFlags, HashPair(word.wordnet, word.flags | (position == 0 ? 0x80 : 0)));
    emit(kNextWordNet, next.wordnet);
    emit(kWordNetSuffix, HashPair(word.wordnet, word.suffix3));
  }
  if (first_pass == nullptr) return count;
  size_t size = sentence.words.size();
  uint64_t first = first_pass[position];
  uint64_t first_next = position + 1 < size ? first_pass[position + 1] : kStartLabel;
  uint64_t first_next2 = position + 2 < size ? first_pass[position + 2] : kStartLabel;
  uint64_t first_prev = position > 0 ? first_pass[position - 1] : kStartLabel;
  emit(kFirstLabel, first);
  emit(kFirstNextLabel, first_next);
  emit(kFirstNext2Label, first_next2);
  emit(kFirstNextLabels, first_next << 16 | first_next2);
  emit(kPrevFirstNextLabel, label1 << 16 | first_next);
  emit(kFirstNextLabelWord, HashPair(first_next, word.context));
  emit(kFirstLabelWord, HashPair(first, word.context));
  emit(kFirstPrevFirstNext, first_prev << 16 | first_next);
  return count;
}

}  // namespace khabar::tag::internal
