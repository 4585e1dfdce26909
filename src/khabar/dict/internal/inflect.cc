#include "khabar/dict/internal/inflect.h"

namespace khabar::dict::internal {
namespace {

bool IsVowel(char ch) { return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u'; }

bool EndsWith(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

// "y" after a consonant: "deputy", "rally" (but not "envoy", "play").
bool EndsInConsonantY(std::string_view word) {
  return word.size() >= 2 && word.back() == 'y' && !IsVowel(word[word.size() - 2]);
}

bool TakesEs(std::string_view word) {
  return EndsWith(word, "s") || EndsWith(word, "x") || EndsWith(word, "z") ||
         EndsWith(word, "ch") || EndsWith(word, "sh");
}

std::string WithoutLast(std::string_view word, size_t count) {
  return std::string(word.substr(0, word.size() - count));
}

}  // namespace

std::string RegularPlural(std::string_view word) {
  if (EndsInConsonantY(word)) return WithoutLast(word, 1) + "ies";
  if (TakesEs(word)) return std::string(word) + "es";
  return std::string(word) + "s";
}

std::array<std::string, 3> RegularVerbForms(std::string_view word) {
  std::array<std::string, 3> forms;
  forms[0] = RegularPlural(word);
  if (word.back() == 'e') {
    forms[1] = std::string(word) + "d";
  } else if (EndsInConsonantY(word)) {
    forms[1] = WithoutLast(word, 1) + "ied";
  } else {
    forms[1] = std::string(word) + "ed";
  }
  if (EndsWith(word, "ie")) {
    forms[2] = WithoutLast(word, 2) + "ying";
  } else if (word.size() >= 2 && word.back() == 'e' && !EndsWith(word, "ee") &&
             !EndsWith(word, "ye") && !EndsWith(word, "oe")) {
    forms[2] = WithoutLast(word, 1) + "ing";
  } else {
    forms[2] = std::string(word) + "ing";
  }
  return forms;
}

}  // namespace khabar::dict::internal
