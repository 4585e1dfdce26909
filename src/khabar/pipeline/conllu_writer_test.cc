#include "khabar/pipeline/conllu_writer.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace khabar::pipeline {
namespace {

doc::NameTable Names(std::vector<std::string> names) {
  return std::make_shared<const std::vector<std::string>>(std::move(names));
}

// "Police  didn't come." (raw) normalised to one space and tokenized as Police | didn't | come | . with didn't = did + n't.
doc::Document TokenizedDocument() {
  doc::Document document;
  document.id = "d1";
  document.raw = "Police  didn't come.";
  document.text = "Police didn't come.";
  document.offsets.AddAnchor(0, 0);
  document.offsets.AddAnchor(6, 6);  // "Police" copied, then two spaces became one
  document.offsets.AddAnchor(7, 8);
  document.tokens = {doc::Token{{0, 6}, true, true}, doc::Token{{7, 13}}, doc::Token{{14, 18}, false},
                     doc::Token{{18, 19}}};
  document.sentences = {doc::Sentence{0, 4, {0, 19}}};
  return document;
}

void AddWord(doc::Document& document, doc::Span span, uint32_t token, doc::Upos upos, uint16_t xpos,
             const std::string& lemma, doc::WordIndex head, uint16_t deprel) {
  doc::Word word;
  word.span = span;
  word.token = token;
  word.upos = upos;
  word.xpos = xpos;
  word.lemma.begin = static_cast<uint32_t>(document.words.strings.size());
  document.words.strings += lemma;
  word.lemma.end = static_cast<uint32_t>(document.words.strings.size());
  word.head = head;
  word.deprel = deprel;
  document.words.words.push_back(word);
}

TEST(ConlluWriterTest, WritesTokensOnlyBeforeTagging) {
  doc::Document document = TokenizedDocument();
  std::string out;
  AppendConllu(document, out);
  EXPECT_EQ(out,
            "# newdoc id = d1\n# newpar\n# sent_id = d1-1\n# text = Police didn't come.\n"
            "1\tPolice\t_\t_\t_\t_\t_\t_\t_\tTokenRange=0:6\n"
            "2\tdidn't\t_\t_\t_\t_\t_\t_\t_\tTokenRange=8:14\n"
            "3\tcome\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|TokenRange=15:19\n"
            "4\t.\t_\t_\t_\t_\t_\t_\t_\tTokenRange=19:20\n\n");
}

TEST(ConlluWriterTest, WritesWordsTagsAndTreeWithMultiwordRanges) {
  doc::Document document = TokenizedDocument();
  document.words.xpos_names = Names({"NNS", "VBD", "RB", "VB", "."});
  document.words.deprel_names = Names({"root", "nsubj", "aux", "advmod", "punct"});
  AddWord(document, {0, 6}, 0, doc::Upos::kNoun, 0, "police", 3, 1);
  AddWord(document, {7, 10}, 1, doc::Upos::kAux, 1, "do", 3, 2);
  AddWord(document, {10, 13}, 1, doc::Upos::kPart, 2, "not", 3, 3);
  AddWord(document, {14, 18}, 2, doc::Upos::kVerb, 3, "come", doc::kRootHead, 0);
  AddWord(document, {18, 19}, 3, doc::Upos::kPunct, 4, ".", 3, 4);
  document.words.sentences = {{0, 5}};
  std::string out;
  AppendConllu(document, out);
  EXPECT_EQ(out,
            "# newdoc id = d1\n# newpar\n# sent_id = d1-1\n# text = Police didn't come.\n"
            "1\tPolice\tpolice\tNOUN\tNNS\t_\t4\tnsubj\t_\tTokenRange=0:6\n"
            "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\tTokenRange=8:14\n"
            "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n"
            "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
            "4\tcome\tcome\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No|TokenRange=15:19\n"
            "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\tTokenRange=19:20\n\n");
}

TEST(ConlluWriterTest, TaggedButUnparsedWordsHaveNoTree) {
  doc::Document document = TokenizedDocument();
  document.words.xpos_names = Names({"NNS", "VBD", "RB", "VB", "."});
  AddWord(document, {0, 6}, 0, doc::Upos::kNoun, 0, "police", doc::kNoHead, 0);
  AddWord(document, {7, 13}, 1, doc::Upos::kAux, 1, "didn't", doc::kNoHead, 0);
  AddWord(document, {14, 18}, 2, doc::Upos::kVerb, 3, "come", doc::kNoHead, 0);
  AddWord(document, {18, 19}, 3, doc::Upos::kPunct, 4, ".", doc::kNoHead, 0);
  document.words.sentences = {{0, 4}};
  std::string out;
  AppendConllu(document, out);
  EXPECT_NE(out.find("1\tPolice\tpolice\tNOUN\tNNS\t_\t_\t_\t_\tTokenRange=0:6\n"), std::string::npos);
}

}  // namespace
}  // namespace khabar::pipeline
