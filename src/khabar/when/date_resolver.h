// DocumentDates: every temporal expression of a parsed Document, found, placed in the
// dependency tree and resolved once against the publication date; DateOf() then gives an
// event the date of the expression of its own clause, or the publication date. The
// attachment rules are in docs/formats/when.md.
//
//   when::DocumentDates dates(document);  // after the parse stage
//   for (doc::Event& event : document.events.events) {
//     event.date = dates.DateOf(event.sentence, event.verb);
//   }
//
// Thread-compatible: borrows the Document, which must outlive it and not change.
#ifndef KHABAR_WHEN_DATE_RESOLVER_H_
#define KHABAR_WHEN_DATE_RESOLVER_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "khabar/doc/document.h"
#include "khabar/when/calendar.h"
#include "khabar/when/temporal_expression.h"

namespace khabar::when {

// One expression of one sentence, resolved.
struct FoundExpression {
  TemporalExpression expression;  // word indices local to the sentence
  int head = -1;                  // local index of the word it attaches to: its head word, or the
                                  // verb a parse repair gives it; -1 unparsed or unattachable
  Tense tense = Tense::kPast;     // of the clause it belongs to
  doc::EventDate date;            // from_text, with span; precision kNone: unresolvable
};

class DocumentDates {
 public:
  // Finds and resolves the expressions of every sentence. A relative expression ("the day
  // before") counts from the last day the text named before it. Without a valid
  // publication date only absolute expressions ("19 October 2018", "in 2016") resolve.
  explicit DocumentDates(const doc::Document& document);

  // The date of the event carried by word `verb` (a WordLayer index) of sentence
  // `sentence`: the nearest expression in the verb's own clause, else one of a clause it
  // depends on without a subject of its own, else the publication date (day precision,
  // from_text false), else precision kNone.
  doc::EventDate DateOf(uint32_t sentence, doc::WordIndex verb) const;

  const std::vector<FoundExpression>& expressions(uint32_t sentence) const {
    return found_[sentence];
  }
  // The publication date as an event date (from_text false); precision kNone when unknown.
  const doc::EventDate& publication() const { return publication_; }

 private:
  void FindInSentence(uint32_t sentence, std::optional<CivilDate>& anchor);

  const doc::Document* document_;
  std::optional<CivilDate> reference_;
  doc::EventDate publication_;
  std::vector<std::vector<FoundExpression>> found_;  // per sentence
};

}  // namespace khabar::when

#endif  // KHABAR_WHEN_DATE_RESOLVER_H_
