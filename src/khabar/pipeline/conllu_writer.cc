#include "khabar/pipeline/conllu_writer.h"

#include <fmt/format.h>

#include <iterator>
#include <string_view>

namespace khabar::pipeline {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// `text` with every whitespace run replaced by one space (CoNLL-U fields hold no tabs or
// newlines).
std::string OneLine(std::string_view text) {
  std::string line;
  line.reserve(text.size());
  bool in_space = false;
  for (char c : text) {
    const bool space = IsSpace(c);
    if (space && !in_space) line += ' ';
    if (!space) line += c;
    in_space = space;
  }
  return line;
}

std::string_view OrUnderscore(std::string_view value) { return value.empty() ? "_" : value; }

std::string TokenMisc(const doc::Document& document, doc::TokenIndex index) {
  const doc::Token& token = document.tokens[index];
  const doc::Span raw = document.offsets.ToRawSpan(token.span);
  return fmt::format("{}TokenRange={}:{}", token.space_after ? "" : "SpaceAfter=No|", raw.begin,
                     raw.end);
}

// HEAD column: 1-based within the sentence, 0 for the root, "_" when not parsed.
std::string HeadColumn(const doc::Word& word, doc::SentenceWords sentence) {
  if (word.head == doc::kNoHead) return "_";
  if (word.head == doc::kRootHead) return "0";
  return std::to_string(word.head - sentence.word_begin + 1);
}

// The text of a token as it stands in the article (Document::raw).
std::string RawForm(const doc::Document& document, doc::TokenIndex index) {
  return OneLine(document.RawText(document.tokens[index].span));
}

// `form` is the raw token for a word that is a whole token, the word's own form (as the
// tag stage split it) inside a multiword token.
void AppendWord(const doc::Document& document, doc::SentenceWords sentence, doc::WordIndex index,
                std::string_view form, std::string_view misc, std::string& out) {
  const doc::WordLayer& layer = document.words;
  const doc::Word& word = layer.words[index];
  fmt::format_to(std::back_inserter(out), "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}\n",
                 index - sentence.word_begin + 1, form,
                 OrUnderscore(OneLine(layer.Lemma(word))), doc::UposName(word.upos),
                 layer.XposName(word), HeadColumn(word, sentence),
                 layer.parsed() ? layer.DeprelName(word) : "_", misc);
}

// Token lines only, for a document the tag stage has not seen.
void AppendTokens(const doc::Document& document, const doc::Sentence& sentence, std::string& out) {
  for (doc::TokenIndex index = sentence.token_begin; index < sentence.token_end; ++index) {
    fmt::format_to(std::back_inserter(out), "{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}\n",
                   index - sentence.token_begin + 1, RawForm(document, index),
                   TokenMisc(document, index));
  }
}

void AppendWords(const doc::Document& document, const doc::Sentence& sentence,
                 doc::SentenceWords words, std::string& out) {
  const doc::WordLayer& layer = document.words;
  doc::WordIndex word = words.word_begin;
  for (doc::TokenIndex token = sentence.token_begin; token < sentence.token_end; ++token) {
    doc::WordIndex end = word;
    while (end < words.word_end && layer.words[end].token == token) ++end;
    const std::string misc = TokenMisc(document, token);
    if (end - word == 1) {
      AppendWord(document, words, word, RawForm(document, token), misc, out);
    } else {
      if (end > word) {
        fmt::format_to(std::back_inserter(out), "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}\n",
                       word - words.word_begin + 1, end - words.word_begin,
                       RawForm(document, token), misc);
      }
      for (doc::WordIndex index = word; index < end; ++index) {
        const std::string form = OneLine(document.words.Form(document.text, document.words.words[index]));
        AppendWord(document, words, index, form, "_", out);
      }
    }
    word = end;
  }
}

void AppendSentence(const doc::Document& document, size_t number, std::string& out) {
  const doc::Sentence& sentence = document.sentences[number];
  if (sentence.token_begin < sentence.token_end && document.tokens[sentence.token_begin].paragraph_start) {
    out += "# newpar\n";
  }
  fmt::format_to(std::back_inserter(out), "# sent_id = {}-{}\n# text = {}\n", document.id, number + 1,
                 OneLine(document.RawText(sentence.span)));
  if (number < document.words.sentences.size()) {
    AppendWords(document, sentence, document.words.sentences[number], out);
  } else {
    AppendTokens(document, sentence, out);
  }
  out += '\n';
}

}  // namespace

void AppendConllu(const doc::Document& document, std::string& out) {
  fmt::format_to(std::back_inserter(out), "# newdoc id = {}\n", document.id);
  for (size_t number = 0; number < document.sentences.size(); ++number) {
    AppendSentence(document, number, out);
  }
}

}  // namespace khabar::pipeline
