#include "khabar/ner/internal/features.h"

#include <algorithm>

namespace khabar::ner::internal {
namespace {

// Feature template ids. They seed the hashes, so they are part of the model format:
// never renumber or reuse one (docs/formats/ner.md).
enum Template : uint64_t {
  kBias = 200,
  kLower,
  kExact,
  kPrefix,  // + length - 1
  kSuffix = kPrefix + kMaxAffix,
  kShape = kSuffix + kMaxAffix,
  kFlags,
  kPrevLower,
  kNextLower,
  kPrev2Lower,
  kNext2Lower,
  kPrevBigram,
  kNextBigram,
  kPrevShape,
  kNextShape,
  kPrevShapeShape,
  kShapeNextShape,
  kShapeTrigram,
  kUpos,
  kPrevUpos,
  kNextUpos,
  kPrev2Upos,
  kNext2Upos,
  kXpos,
  kPrevXpos,
  kNextXpos,
  kPrevUposUpos,
  kUposNextUpos,
  kXposLower,
  kEntity,
  kPrevEntity,
  kNextEntity,
  kEntityShape,
  kCase,
  kCaseFlags,
  kPrevCase,
  kNextCase,
  kCluster,
  kPrevCluster,
  kNextCluster,
  kPrevClusterCluster,
  kClusterNextCluster,
  kPrevLowerShape,
  kPrev2Shape,
  kNext2Shape,
  kPrevLabel,
  kPrevLabelLower,
  kPrevLabelShape,
  kPrevLabelUpos,
  kPrev2Labels,
  kPrevLabelCluster,
  kGazBegin,
  kGazInside,
  kGazBits,
  kPrevGaz,
  kNextGaz,
  kRunShape,
  kRunFirst,
  kRunLast,
  kRunLastEntity,
  kRunNext,
  kRunPrev,
  // Schema 2.
  kStyle,
  kStyleFlags,
  kStyleCasing,
  kStyleEntity,
  kStyleShape,
  kStyleGaz,
  kNormLower,
  kPrevNorm,
  kNextNorm,
  kPrevNormNorm,
  kPrev3Lower,
  kNext3Lower,
  kPrevSuffix,
  kNextSuffix,
  kPrevNextLower,
  kPrevLowerFlags,
  kShapeNextLower,
  kPrev2Entity,
  kNext2Entity,
  kPrev2Gaz,
  kNext2Gaz,
  kXposShape,
  kPrevPrefix,
  kNextPrefix,
};

constexpr uint64_t kShapeSeed = 7;
constexpr uint64_t kAffixSeed = 8;
constexpr uint64_t kTagSeed = 9;
constexpr size_t kMaxShape = 12;

enum Flag : uint8_t {
  kHasDigit = 1,
  kHasHyphen = 2,
  kInitUpper = 4,
  kAllUpper = 8,
  kHasLower = 16,
  kNonAscii = 32,
  kHasPeriod = 64,
  kFirstWord = 128,
};

char ShapeChar(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

// The shape with runs collapsed ("Al-Zaman" -> "Xx-Xx"), and the flag bits.
uint64_t ShapeHash(std::string_view form, uint8_t* flags) {
  char shape[kMaxShape];
  size_t length = 0;
  uint8_t bits = 0;
  for (unsigned char c : form) {
    const char s = ShapeChar(c);
    if (s == 'd') bits |= kHasDigit;
    if (s == '-') bits |= kHasHyphen;
    if (s == '.') bits |= kHasPeriod;
    if (s == 'X') bits |= kAllUpper;  // cleared below unless no lowercase
    if (s == 'x') bits |= kHasLower;
    if (s == 'u') bits |= kNonAscii;
    if (length < kMaxShape && (length == 0 || shape[length - 1] != s)) shape[length++] = s;
  }
  if (!form.empty() && ShapeChar(static_cast<unsigned char>(form[0])) == 'X') bits |= kInitUpper;
  if (bits & kHasLower) bits &= static_cast<uint8_t>(~kAllUpper);
  *flags = bits;
  return HashBytes(kShapeSeed, std::string_view(shape, length));
}

// Values of the pseudo-words beyond the sentence ends.
const WordInfo& Boundary(bool before) {
  static const WordInfo kBefore = [] {
    WordInfo word;
    word.lower = word.exact = word.shape = word.upos = word.xpos = word.norm = HashBytes(4, "<s>");
    word.cluster = 0xFFFFFFFFu;
    word.entity = word.casing = 0xFF;
    return word;
  }();
  static const WordInfo kAfter = [] {
    WordInfo word;
    word.lower = word.exact = word.shape = word.upos = word.xpos = word.norm = HashBytes(4, "</s>");
    word.cluster = 0xFFFFFFFEu;
    word.entity = word.casing = 0xFE;
    return word;
  }();
  return before ? kBefore : kAfter;
}

const WordInfo& At(const SentenceInfo& sentence, size_t position, int offset) {
  const int64_t index = static_cast<int64_t>(position) + offset;
  if (index < 0) return Boundary(true);
  if (index >= static_cast<int64_t>(sentence.words.size())) return Boundary(false);
  return sentence.words[static_cast<size_t>(index)];
}

uint64_t F(Template t, uint64_t value) { return HashPair(t, value); }
uint64_t F(Template t, uint64_t a, uint64_t b) { return HashPair(HashPair(t, a), b); }
uint64_t F(Template t, uint64_t a, uint64_t b, uint64_t c) {
  return HashPair(HashPair(HashPair(t, a), b), c);
}

// Word, affix, shape and window-word features.
size_t LexicalFeatures(const SentenceInfo& sentence, size_t position, uint32_t groups,
                       uint64_t* out) {
  const WordInfo& w0 = sentence.words[position];
  const WordInfo& p1 = At(sentence, position, -1);
  const WordInfo& n1 = At(sentence, position, 1);
  const WordInfo& p2 = At(sentence, position, -2);
  const WordInfo& n2 = At(sentence, position, 2);
  size_t count = 0;
  out[count++] = F(kBias, 0);
  out[count++] = F(kLower, w0.lower);
  out[count++] = F(kExact, w0.exact);
  const size_t length = w0.lower_end - w0.lower_begin;
  for (size_t affix = 0; affix < kMaxAffix && affix < length; ++affix) {
    out[count++] = F(static_cast<Template>(kPrefix + affix), w0.prefix[affix]);
    out[count++] = F(static_cast<Template>(kSuffix + affix), w0.suffix[affix]);
  }
  out[count++] = F(kShape, w0.shape);
  out[count++] = F(kFlags, w0.flags);
  out[count++] = F(kPrevLower, p1.lower);
  out[count++] = F(kNextLower, n1.lower);
  out[count++] = F(kPrev2Lower, p2.lower);
  out[count++] = F(kNext2Lower, n2.lower);
  out[count++] = F(kPrevBigram, p1.lower, w0.lower);
  out[count++] = F(kNextBigram, w0.lower, n1.lower);
  out[count++] = F(kPrevShape, p1.shape);
  out[count++] = F(kNextShape, n1.shape);
  out[count++] = F(kPrevShapeShape, p1.shape, w0.shape);
  out[count++] = F(kShapeNextShape, w0.shape, n1.shape);
  out[count++] = F(kShapeTrigram, p1.shape, w0.shape, n1.shape);
  out[count++] = F(kPrevLowerShape, p1.lower, w0.shape);
  if (groups & kWideGroup) {
    out[count++] = F(kPrev2Shape, p2.shape, p1.shape);
    out[count++] = F(kNext2Shape, n1.shape, n2.shape);
  }
  return count;
}

size_t PosFeatures(const SentenceInfo& sentence, size_t position, uint32_t groups, uint64_t* out) {
  const WordInfo& w0 = sentence.words[position];
  const WordInfo& p1 = At(sentence, position, -1);
  const WordInfo& n1 = At(sentence, position, 1);
  size_t count = 0;
  out[count++] = F(kUpos, w0.upos);
  out[count++] = F(kPrevUpos, p1.upos);
  out[count++] = F(kNextUpos, n1.upos);
  out[count++] = F(kXpos, w0.xpos);
  out[count++] = F(kPrevXpos, p1.xpos);
  out[count++] = F(kNextXpos, n1.xpos);
  out[count++] = F(kPrevUposUpos, p1.upos, w0.upos);
  out[count++] = F(kUposNextUpos, w0.upos, n1.upos);
  out[count++] = F(kXposLower, w0.xpos, w0.lower);
  if (groups & kWideGroup) {
    out[count++] = F(kPrev2Upos, At(sentence, position, -2).upos);
    out[count++] = F(kNext2Upos, At(sentence, position, 2).upos);
  }
  return count;
}

size_t WordTypeFeatures(const SentenceInfo& sentence, size_t position, uint32_t groups,
                        uint64_t* out) {
  const WordInfo& w0 = sentence.words[position];
  const WordInfo& p1 = At(sentence, position, -1);
  const WordInfo& n1 = At(sentence, position, 1);
  size_t count = 0;
  if (groups & kLexiconGroup) {
    out[count++] = F(kEntity, w0.entity);
    out[count++] = F(kPrevEntity, p1.entity);
    out[count++] = F(kNextEntity, n1.entity);
    out[count++] = F(kEntityShape, w0.entity, w0.shape);
  }
  if (groups & kCaseGroup) {
    out[count++] = F(kCase, w0.casing);
    out[count++] = F(kCaseFlags, w0.casing, w0.flags);
    out[count++] = F(kPrevCase, p1.casing);
    out[count++] = F(kNextCase, n1.casing);
  }
  if (groups & kGazetteerGroup) {
    const bool capitalised = (w0.flags & (kInitUpper | kAllUpper)) != 0;
    for (uint32_t bit = 1; bit <= kAllGazetteerBits; bit <<= 1) {
      if (w0.gaz_begin & bit) out[count++] = F(kGazBegin, bit, capitalised);
      if (w0.gaz_inside & bit) out[count++] = F(kGazInside, bit);
    }
    out[count++] = F(kGazBits, w0.gaz_begin, w0.gaz_inside);
    out[count++] = F(kPrevGaz, p1.gaz_begin | p1.gaz_inside);
    out[count++] = F(kNextGaz, n1.gaz_begin);
  }
  if (groups & kClusterGroup) {
    out[count++] = F(kCluster, w0.cluster);
    out[count++] = F(kPrevCluster, p1.cluster);
    out[count++] = F(kNextCluster, n1.cluster);
    out[count++] = F(kPrevClusterCluster, p1.cluster, w0.cluster);
    out[count++] = F(kClusterNextCluster, w0.cluster, n1.cluster);
  }
  return count;
}

// The casing style of the sentence with the word's own casing and word-type values.
size_t StyleFeatures(const SentenceInfo& sentence, size_t position, uint64_t* out) {
  const WordInfo& w0 = sentence.words[position];
  const uint64_t style = sentence.casing_style;
  size_t count = 0;
  out[count++] = F(kStyle, style);
  out[count++] = F(kStyleFlags, style, w0.flags);
  out[count++] = F(kStyleCasing, style, w0.casing);
  out[count++] = F(kStyleEntity, style, w0.entity);
  out[count++] = F(kStyleShape, style, w0.shape);
  out[count++] = F(kStyleGaz, style, w0.gaz_begin | w0.gaz_inside);
  return count;
}

size_t NormFeatures(const SentenceInfo& sentence, size_t position, uint64_t* out) {
  const WordInfo& w0 = sentence.words[position];
  const WordInfo& p1 = At(sentence, position, -1);
  const WordInfo& n1 = At(sentence, position, 1);
  size_t count = 0;
  out[count++] = F(kNormLower, w0.norm);
  out[count++] = F(kPrevNorm, p1.norm);
  out[count++] = F(kNextNorm, n1.norm);
  out[count++] = F(kPrevNormNorm, p1.norm, w0.norm);
  return count;
}

size_t ContextFeatures(const SentenceInfo& sentence, size_t position, uint32_t groups,
                       uint64_t* out) {
  const WordInfo& w0 = sentence.words[position];
  const WordInfo& p1 = At(sentence, position, -1);
  const WordInfo& n1 = At(sentence, position, 1);
  const WordInfo& p2 = At(sentence, position, -2);
  const WordInfo& n2 = At(sentence, position, 2);
  size_t count = 0;
  out[count++] = F(kPrev3Lower, At(sentence, position, -3).lower);
  out[count++] = F(kNext3Lower, At(sentence, position, 3).lower);
  out[count++] = F(kPrevSuffix, p1.suffix[2]);
  out[count++] = F(kNextSuffix, n1.suffix[2]);
  out[count++] = F(kPrevPrefix, p1.prefix[2]);
  out[count++] = F(kNextPrefix, n1.prefix[2]);
  out[count++] = F(kPrevNextLower, p1.lower, n1.lower);
  out[count++] = F(kPrevLowerFlags, p1.lower, w0.flags);
  out[count++] = F(kShapeNextLower, w0.shape, n1.lower);
  if (groups & kLexiconGroup) {
    out[count++] = F(kPrev2Entity, p2.entity);
    out[count++] = F(kNext2Entity, n2.entity);
  }
  if (groups & kGazetteerGroup) {
    out[count++] = F(kPrev2Gaz, p2.gaz_begin | p2.gaz_inside);
    out[count++] = F(kNext2Gaz, n2.gaz_begin | n2.gaz_inside);
  }
  if (groups & kPosGroup) out[count++] = F(kXposShape, w0.xpos, w0.shape);
  return count;
}

}  // namespace

uint8_t EntityClass(const uint32_t counts[4]) {
  const uint64_t total = uint64_t{counts[0]} + counts[1] + counts[2] + counts[3];
  if (total == 0) return 0;
  uint32_t value = 0;
  for (size_t type = 1; type < 4; ++type) {
    const double share = static_cast<double>(counts[type]) / static_cast<double>(total);
    const uint32_t bucket = share == 0     ? 0
                            : share <= 0.1 ? 1
                            : share <= 0.5 ? 2
                            : share <= 0.9 ? 3
                                           : 4;
    value = value * 5 + bucket;
  }
  return static_cast<uint8_t>(value + 1);
}

uint8_t CaseClass(uint32_t capitalised, uint32_t total) {
  if (total == 0) return 0;
  if (capitalised == 0) return 1;
  if (capitalised == total) return 6;
  const double share = static_cast<double>(capitalised) / total;
  return share <= 0.1 ? 2 : share <= 0.5 ? 3 : share <= 0.9 ? 4 : 5;
}

void AppendLower(std::string_view text, std::string& out) {
  for (char c : text) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

void AppendNormalised(std::string_view form, std::string& out) {
  const size_t start = out.size();
  for (size_t at = 0; at < form.size(); ++at) {
    // U+2018..U+201D are E2 80 98..9D in UTF-8.
    if (at + 2 < form.size() && form[at] == '\xE2' && form[at + 1] == '\x80') {
      const unsigned char last = static_cast<unsigned char>(form[at + 2]);
      if (last >= 0x98 && last <= 0x9B) {
        out += '\'';
        at += 2;
        continue;
      }
      if (last >= 0x9C && last <= 0x9D) {
        out += '"';
        at += 2;
        continue;
      }
    }
    const char c = form[at];
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (out.size() > start + 1 && out.back() == '.') out.pop_back();
}

namespace {

bool IsCapitalised(const WordInfo& word) { return (word.flags & (kInitUpper | kAllUpper)) != 0; }

bool IsRunConnector(std::string_view lower) {
  return lower == "of" || lower == "&" || lower == "and" || lower == "'s" || lower == "the" ||
         lower == "-" || lower == "de" || lower == "for" || lower == "s";
}

// Sets run_begin and run_end of every word.
void FindRuns(SentenceInfo& sentence) {
  const size_t size = sentence.words.size();
  size_t position = 0;
  while (position < size) {
    if (!IsCapitalised(sentence.words[position])) {
      sentence.words[position].run_begin = sentence.words[position].run_end = 0;
      ++position;
      continue;
    }
    size_t end = position + 1;
    while (end < size) {
      if (IsCapitalised(sentence.words[end])) {
        ++end;
      } else if (end + 1 < size && IsCapitalised(sentence.words[end + 1]) &&
                 IsRunConnector(sentence.Lower(sentence.words[end]))) {
        end += 2;
      } else {
        break;
      }
    }
    for (size_t inside = position; inside < end; ++inside) {
      sentence.words[inside].run_begin = static_cast<uint32_t>(position);
      sentence.words[inside].run_end = static_cast<uint32_t>(end);
    }
    position = end;
  }
}

size_t RunFeatures(const SentenceInfo& sentence, size_t position, uint64_t* out) {
  const WordInfo& w0 = sentence.words[position];
  if (w0.run_begin == w0.run_end) return 0;
  const WordInfo& first = sentence.words[w0.run_begin];
  const WordInfo& last = sentence.words[w0.run_end - 1];
  const uint32_t length = std::min<uint32_t>(w0.run_end - w0.run_begin, 5);
  const uint32_t offset = std::min<uint32_t>(static_cast<uint32_t>(position) - w0.run_begin, 4);
  const bool is_last = position + 1 == w0.run_end;
  size_t count = 0;
  out[count++] = F(kRunShape, length, offset, is_last);
  out[count++] = F(kRunFirst, first.lower);
  out[count++] = F(kRunLast, last.lower);
  out[count++] = F(kRunLastEntity, last.entity, is_last);
  out[count++] = F(kRunNext, At(sentence, w0.run_end - 1, 1).lower);
  out[count++] = F(kRunPrev, At(sentence, w0.run_begin, -1).lower);
  return count;
}

// For a sentence of another corpus, appends a copy of each feature keyed by the corpus.
size_t AddDomainCopies(const SentenceInfo& sentence, uint64_t* out, size_t count) {
  if (sentence.domain == 0) return count;
  for (size_t index = 0; index < count; ++index) {
    out[count + index] = HashPair(out[index], 0x100u + sentence.domain);
  }
  return 2 * count;
}

}  // namespace

// Sets gaz_begin and gaz_inside of every word.
void MatchGazetteer(const Gazetteer& gazetteer, SentenceInfo& sentence) {
  for (WordInfo& word : sentence.words) word.gaz_begin = word.gaz_inside = 0;
  if (gazetteer.names.size() == 0) return;
  const size_t size = sentence.words.size();
  const size_t max_words = std::min<size_t>(gazetteer.max_words, kMaxGazetteerWords);
  for (size_t start = 0; start < size; ++start) {
    sentence.name.clear();
    for (size_t length = 1; length <= max_words && start + length <= size; ++length) {
      if (length > 1) sentence.name += ' ';
      sentence.name += sentence.Lower(sentence.words[start + length - 1]);
      const uint32_t bits = gazetteer.names.Find(GazetteerKey(sentence.name));
      if (bits == HashTable::kMissing) continue;
      sentence.words[start].gaz_begin |= static_cast<uint16_t>(bits & kAllGazetteerBits);
      for (size_t inside = start + 1; inside < start + length; ++inside) {
        sentence.words[inside].gaz_inside |= static_cast<uint16_t>(bits & kAllGazetteerBits);
      }
    }
  }
}

size_t StaticFeatures(const SentenceInfo& sentence, size_t position, uint32_t groups,
                      uint64_t* out) {
  size_t count = LexicalFeatures(sentence, position, groups, out);
  if (groups & kPosGroup) count += PosFeatures(sentence, position, groups, out + count);
  count += WordTypeFeatures(sentence, position, groups, out + count);
  if (groups & kRunGroup) count += RunFeatures(sentence, position, out + count);
  if (groups & kSentenceCaseGroup) count += StyleFeatures(sentence, position, out + count);
  if (groups & kNormGroup) count += NormFeatures(sentence, position, out + count);
  if (groups & kContextGroup) count += ContextFeatures(sentence, position, groups, out + count);
  return AddDomainCopies(sentence, out, count);
}

size_t LabelFeatures(const SentenceInfo& sentence, size_t position, uint32_t groups,
                     uint32_t previous, uint32_t previous2, uint64_t* out) {
  const WordInfo& w0 = sentence.words[position];
  size_t count = 0;
  out[count++] = F(kPrevLabel, previous);
  out[count++] = F(kPrevLabelLower, previous, w0.lower);
  out[count++] = F(kPrevLabelShape, previous, w0.shape);
  if (groups & kPosGroup) out[count++] = F(kPrevLabelUpos, previous, w0.upos);
  if (groups & kClusterGroup) out[count++] = F(kPrevLabelCluster, previous, w0.cluster);
  if (previous2 != kNoLabel) out[count++] = F(kPrev2Labels, previous2, previous);
  return AddDomainCopies(sentence, out, count);
}

namespace {

bool IsLetter(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

uint8_t CasingStyle(std::span<const WordInput> words, const SentenceInfo& sentence) {
  size_t letters = 0, capitalised = 0, all_caps = 0;
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    const std::string_view form = words[word_idx].form;
    if (form.empty() || !IsLetter(static_cast<unsigned char>(form[0]))) continue;
    const uint8_t flags = sentence.words[word_idx].flags;
    if ((flags & kAllUpper) && form.size() > 1) ++all_caps;
    if (word_idx == 0 || form == "I") continue;
    ++letters;
    if (flags & (kInitUpper | kAllUpper)) ++capitalised;
  }
  if (letters + 1 >= 3 && all_caps * 10 >= (letters + 1) * 6) return 3;
  if (letters >= 3 && capitalised * 10 >= letters * 6) return 2;
  if (capitalised == 0) {
    const bool first_upper = !words.empty() && !words[0].form.empty() && words[0].form[0] >= 'A' &&
                             words[0].form[0] <= 'Z';
    return first_upper ? 4 : 1;
  }
  return 0;
}

}  // namespace

void PrepareSentence(std::span<const WordInput> words, const Lexicon& lexicon,
                     SentenceInfo& sentence, uint32_t groups) {
  sentence.words.resize(words.size());
  sentence.lower_text.clear();
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    WordInfo& word = sentence.words[word_idx];
    word.lower_begin = static_cast<uint32_t>(sentence.lower_text.size());
    AppendLower(words[word_idx].form, sentence.lower_text);
    word.lower_end = static_cast<uint32_t>(sentence.lower_text.size());
  }
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    const WordInput& input = words[word_idx];
    WordInfo& word = sentence.words[word_idx];
    const std::string_view lower = sentence.Lower(word);
    word.lower = WordKey(lower);
    word.exact = HashBytes(2, input.form);
    word.shape = ShapeHash(input.form, &word.flags);
    if (word_idx == 0) word.flags |= kFirstWord;
    for (size_t affix = 0; affix < kMaxAffix; ++affix) {
      const size_t n = std::min(affix + 1, lower.size());
      word.prefix[affix] = HashBytes(kAffixSeed, lower.substr(0, n));
      word.suffix[affix] = HashBytes(kAffixSeed + 1, lower.substr(lower.size() - n));
    }
    word.upos = HashPair(kTagSeed, static_cast<uint64_t>(input.upos));
    word.xpos = HashBytes(kTagSeed, input.xpos);
    sentence.name.clear();
    AppendNormalised(input.form, sentence.name);
    word.norm = NormKey(sentence.name);
    uint32_t row = lexicon.index.Find(word.lower);
    if (row == HashTable::kMissing && (groups & kNormGroup)) {
      if (sentence.name != lower) row = lexicon.index.Find(WordKey(sentence.name));
      if (row == HashTable::kMissing) {
        sentence.name += '.';
        row = lexicon.index.Find(WordKey(sentence.name));
      }
    }
    const bool known = row != HashTable::kMissing && row < lexicon.entity.size();
    word.entity = known ? lexicon.entity[row] : 0;
    word.casing = known ? lexicon.casing[row] : 0;
    const uint32_t cluster = lexicon.clusters.Find(ClusterKey(input.form));
    word.cluster = cluster == HashTable::kMissing ? 0 : cluster;
  }
  MatchGazetteer(lexicon.gazetteer, sentence);
  FindRuns(sentence);
  sentence.casing_style = CasingStyle(words, sentence);
}

}  // namespace khabar::ner::internal
