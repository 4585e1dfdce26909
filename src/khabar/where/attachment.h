// Attachment: which place name in a sentence belongs to an event verb (docs/formats/where.md,
// "Attachment"). The place is looked for, in order,
//   1. in a locative phrase of the verb's clause ("killed in Derna", "shelled near Sirte");
//   2. in a locative phrase inside one of the verb's arguments ("militants in Derna"), or an
//      argument that is itself a place ("captured Badme", "the streets of Reynosa");
//   3. nowhere: a place merely mentioned elsewhere in the sentence is never taken.
// The clause is the verb's subtree without relative clauses, parataxis, and clauses below
// it that have their own subject. The name span is proposed even when the gazetteer lacks
// the place (a village, a district); the gazetteer breaks ties and vets names under words
// that are not place nouns ("the Manbij campaign" yes, "a U.S. airstrike" no).
//
//   where::SentenceView view(document, sentence);
//   where::AttachedPlace place = where::AttachPlace(view, event.verb, gazetteer);
//   if (!place.span.empty()) Print(place.span.In(document.text));
//
// Thread-compatible: a SentenceView is built and used by one thread.
#ifndef KHABAR_WHERE_ATTACHMENT_H_
#define KHABAR_WHERE_ATTACHMENT_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "khabar/doc/document.h"
#include "khabar/where/gazetteer.h"

namespace khabar::where {

// One parsed sentence with child lists, indexed locally (0 .. size()-1).
class SentenceView {
 public:
  SentenceView(const doc::Document& document, uint32_t sentence);

  int size() const { return static_cast<int>(head_.size()); }
  doc::WordIndex Global(int word) const { return begin_ + static_cast<doc::WordIndex>(word); }
  // -1 for a word outside the sentence.
  int Local(doc::WordIndex word) const;
  const doc::Word& word(int word) const { return document_->words.words[Global(word)]; }
  std::string_view form(int word) const { return document_->words.Form(document_->text, this->word(word)); }
  std::string_view lemma(int word) const { return document_->words.Lemma(this->word(word)); }
  int head(int word) const { return head_[word]; }  // -1 for the root
  std::string_view rel(int word) const { return rel_[word]; }
  // The relation without its subtype: "nsubj" for "nsubj:pass".
  std::string_view base(int word) const { return rel_[word].substr(0, rel_[word].find(':')); }
  const std::vector<int>& kids(int word) const { return kids_[word]; }
  const doc::Document& document() const { return *document_; }

 private:
  const doc::Document* document_;
  doc::WordIndex begin_ = 0;
  std::vector<int> head_;
  std::vector<std::string_view> rel_;
  std::vector<std::vector<int>> kids_;
};

enum class AttachedBy : uint8_t { kNone = 0, kVerbPhrase, kArgument, kEnclosingClause, kSentence };

// "none", "verb", "argument", "clause", "sentence".
std::string_view AttachedByName(AttachedBy by);

struct AttachedPlace {
  doc::Span span;  // bytes of Document::text of the place name; empty: no place
  int first = -1;  // local word indices of the name, inclusive
  int last = -1;
  AttachedBy by = AttachedBy::kNone;
};

// The place name attached to `verb` (a WordLayer index in the view's sentence), or an empty
// span. `gazetteer` may be nullptr: names are then judged by the parse alone.
AttachedPlace AttachPlace(const SentenceView& view, doc::WordIndex verb, const Gazetteer* gazetteer);

}  // namespace khabar::where

#endif  // KHABAR_WHERE_ATTACHMENT_H_
