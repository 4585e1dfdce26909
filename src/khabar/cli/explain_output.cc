#include "khabar/cli/explain_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

namespace khabar::cli {
namespace {

using json = nlohmann::ordered_json;

constexpr int kIndentPerLevel = 2;
constexpr int kLabelWidth = 10;  // "source", "pattern", ... in an event's block

// Code points, so that columns line up after non-ASCII words (al-Sīsī).
size_t DisplayWidth(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
  }));
}

void AppendPadded(std::string& out, std::string_view text, size_t width) {
  out += text;
  size_t used = DisplayWidth(text);
  if (used < width) out.append(width - used, ' ');
}

std::string_view QuadClassName(int quad_class) {
  switch (quad_class) {
    case 1:
      return "verbal cooperation";
    case 2:
      return "material cooperation";
    case 3:
      return "verbal conflict";
    case 4:
      return "material conflict";
    default:
      return "no quad class";
  }
}

double RoundedGoldstein(float goldstein) { return std::round(goldstein * 10.0) / 10.0; }

std::string Events(const std::vector<int>& numbers) {
  std::string out;
  for (int number : numbers) out += fmt::format("{}{}", out.empty() ? "" : ", ", number);
  return out;
}

void AppendHeader(std::string& out, const SentenceExplanation& explanation) {
  fmt::format_to(
      std::back_inserter(out), "=== doc {}  sentence {} of {}  bytes {}-{}  published {}\n",
      explanation.doc_id, explanation.number, explanation.count, explanation.raw_span.begin,
      explanation.raw_span.end,
      explanation.published.empty() ? "unknown (latest actor roles apply)" : explanation.published);
  fmt::format_to(std::back_inserter(out), "{}\n\n", explanation.text);
}

void AppendTree(std::string& out, const std::vector<ExplainedWord>& words) {
  size_t form_width = 4, lemma_width = 5, relation_width = 8, index_width = 1;
  for (const ExplainedWord& word : words) {
    form_width = std::max(form_width, word.depth * kIndentPerLevel + DisplayWidth(word.form));
    lemma_width = std::max(lemma_width, DisplayWidth(word.lemma));
    relation_width = std::max(relation_width, word.relation.size());
    index_width = std::max(index_width, std::to_string(word.index).size());
  }
  out += "  ";
  AppendPadded(out, "word", form_width + 2);
  AppendPadded(out, "UPOS", 7);
  AppendPadded(out, "lemma", lemma_width + 2);
  AppendPadded(out, "relation", relation_width + 2);
  fmt::format_to(std::back_inserter(out), "{:>{}}\n", "#", index_width);
  for (const ExplainedWord& word : words) {
    out += "  ";
    out.append(word.depth * kIndentPerLevel, ' ');
    AppendPadded(out, word.form, form_width - word.depth * kIndentPerLevel + 2);
    AppendPadded(out, word.upos, 7);
    AppendPadded(out, word.lemma, lemma_width + 2);
    AppendPadded(out, word.relation, relation_width + 2);
    fmt::format_to(std::back_inserter(out), "{:>{}}", word.index, index_width);
    if (!word.events.empty()) {
      fmt::format_to(std::back_inserter(out), "  <- event{} {}", word.events.size() > 1 ? "s" : "",
                     Events(word.events));
    }
    out += '\n';
  }
  out += '\n';
}

void AppendLabelled(std::string& out, std::string_view label, std::string_view value) {
  out += "    ";
  AppendPadded(out, label, kLabelWidth);
  out += value;
  out += '\n';
}

void AppendActor(std::string& out, std::string_view label, const ExplainedActor& actor,
                 size_t code_width) {
  AppendLabelled(out, label, fmt::format("{:<{}}  \"{}\"", actor.code, code_width, actor.text));
  AppendLabelled(out, "", actor.why);
}

// The pattern as written, its runs of spaces (column alignment in the file) folded.
std::string FoldSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Where the event's date comes from (when stage, docs/formats/when.md).
std::string DateText(const ExplainedEvent& explained) {
  const doc::EventDate& date = explained.event->date;
  if (date.precision == doc::DatePrecision::kNone) {
    return "none: no expression in the event's clause and no publication date";
  }
  std::string out = fmt::format("{} ({})", doc::FormatEventDate(date),
                                doc::DatePrecisionName(date.precision));
  if (date.from_text) return out + fmt::format(", from \"{}\"", explained.date_expression);
  return out + ", the publication date: no expression in the event's clause";
}

void AppendEvent(std::string& out, const ExplainedEvent& explained) {
  const doc::Event& event = *explained.event;
  fmt::format_to(std::back_inserter(out),
                 "  event {}  {} (root {})  {}, quad class {}  Goldstein {:+.1f}  PLOVER {}\n",
                 explained.number, event.cameo, event.root, QuadClassName(event.quad_class),
                 event.quad_class, RoundedGoldstein(event.goldstein),
                 event.plover.empty() ? "none" : event.plover);
  AppendLabelled(out, "verb",
                 fmt::format("{} (word {})", explained.verb_form, explained.verb_index));
  const size_t code_width = std::max(explained.source.code.size(), explained.target.code.size());
  AppendActor(out, "source", explained.source, code_width);
  AppendActor(out, "target", explained.target, code_width);
  std::string where = event.pattern_source;
  if (!explained.block.empty()) where += ", verb block " + explained.block;
  AppendLabelled(out, "pattern", fmt::format("{}  ({})", FoldSpaces(event.pattern), where));
  AppendLabelled(out, "negated",
                 event.negated ? "yes: coded as the negation of what the verb alone gives" : "no");
  AppendLabelled(out, "date", DateText(explained));
  std::string certainty(doc::CertaintyName(event.certainty));
  if (!explained.attributed_to.empty()) certainty += ", according to \"" + explained.attributed_to + "\"";
  AppendLabelled(out, "certainty", certainty);
  out += '\n';
}

// `source`: the argument is the source.
std::string ArgumentText(const TracedVerb& verb, bool source) {
  const TracedArgument& argument = source ? verb.source : verb.target;
  if (argument.head == 0 && verb.nominal) {
    return source ? "none: no possessor or \"by\" phrase"
                  : "none: no \"on\", \"against\", \"with\", \"to\" or \"into\" phrase";
  }
  if (argument.head == 0) {
    return source ? "none: the coder found no subject or agent"
                  : "none: no object, oblique or other word it looks at names an actor";
  }
  return fmt::format("\"{}\" (word {})  {}", argument.text, argument.head,
                     argument.codes.empty() ? "no actor" : argument.codes);
}

std::string CodeText(const TracedVerb& verb) {
  std::string out = verb.code;
  if (verb.negated) out += ", negated";
  if (!verb.analysed) return out + "  (its dictionary line)";
  if (verb.pattern.empty()) return out + "  from its dictionary line";
  return fmt::format("{}  from \"{}\" ({})", out, FoldSpaces(verb.pattern), verb.pattern_where);
}

// One dictionary verb or noun that carries no event: its line, the code the coder gave it,
// the source and target it took (unless a discard stopped it first), and why.
void AppendTracedVerb(std::string& out, const TracedVerb& verb) {
  std::string where = verb.where;
  if (!verb.block.empty()) where += ", verb block " + verb.block;
  fmt::format_to(std::back_inserter(out), "    {} {} (word {})  {}  {}\n",
                 verb.nominal ? "noun" : "verb", verb.form, verb.index, FoldSpaces(verb.entry),
                 where);
  constexpr size_t kWidth = 9;
  auto line = [&](std::string_view label, std::string_view value) {
    out += "      ";
    AppendPadded(out, label, kWidth);
    out += value;
    out += '\n';
  };
  if (verb.analysed) {
    line("code", CodeText(verb));
    line("source", ArgumentText(verb, /*source=*/true));
    line("target", ArgumentText(verb, /*source=*/false));
  }
  line("outcome", verb.why);
}

// The dictionary verbs and nouns that carry no event (the others are shown with their
// events), under "no event" when the sentence has none.
void AppendVerbs(std::string& out, const SentenceExplanation& explanation) {
  auto uncoded = [](const TracedVerb& verb) { return verb.outcome != events::Outcome::kEvent; };
  if (explanation.events.empty()) {
    out += "  no event\n";
    if (!explanation.discard.empty()) out += "    not coded: " + explanation.discard + "\n";
    if (explanation.verbs.empty()) {
      out += "    no word of the sentence is a dictionary verb or event noun\n";
    }
  } else if (std::any_of(explanation.verbs.begin(), explanation.verbs.end(), uncoded)) {
    out += "  other dictionary verbs and nouns\n";
  } else {
    return;
  }
  for (const TracedVerb& verb : explanation.verbs) {
    if (uncoded(verb)) AppendTracedVerb(out, verb);
  }
  out += '\n';
}

json NullIfEmpty(std::string_view text) {
  return text.empty() ? json(nullptr) : json(std::string(text));
}

json ActorJson(const ExplainedActor& actor) {
  json out;
  out["text"] = actor.text;
  out["code"] = actor.code;
  out["actor"] = NullIfEmpty(actor.actor);
  out["matched"] = NullIfEmpty(actor.matched);
  out["role_code"] = NullIfEmpty(actor.role_code);
  out["role_dates"] = NullIfEmpty(actor.role_dates);
  out["where"] = NullIfEmpty(actor.where);
  out["agents"] = NullIfEmpty(actor.agents);
  out["why"] = actor.why;
  return out;
}

json EventJson(const ExplainedEvent& explained) {
  const doc::Event& event = *explained.event;
  json out;
  out["number"] = explained.number;
  out["verb"] = {{"index", explained.verb_index}, {"form", std::string(explained.verb_form)}};
  out["cameo"] = event.cameo;
  out["root"] = event.root;
  out["quad_class"] = event.quad_class;
  out["goldstein"] = RoundedGoldstein(event.goldstein);
  out["plover"] = NullIfEmpty(event.plover);
  out["source"] = ActorJson(explained.source);
  out["target"] = ActorJson(explained.target);
  out["pattern"] = event.pattern;
  out["pattern_source"] = event.pattern_source;
  out["verb_block"] = NullIfEmpty(explained.block);
  out["negated"] = event.negated;
  if (event.date.precision == doc::DatePrecision::kNone) {
    out["date"] = nullptr;
  } else {
    out["date"] = {{"date", doc::FormatEventDate(event.date)},
                   {"precision", std::string(doc::DatePrecisionName(event.date.precision))},
                   {"from", event.date.from_text ? "text" : "publication"},
                   {"expression", NullIfEmpty(explained.date_expression)}};
  }
  out["certainty"] = std::string(doc::CertaintyName(event.certainty));
  out["attributed_to"] = NullIfEmpty(explained.attributed_to);
  return out;
}

json WordJson(const ExplainedWord& word) {
  return {{"index", word.index},
          {"form", std::string(word.form)},
          {"upos", std::string(word.upos)},
          {"lemma", std::string(word.lemma)},
          {"head", word.head},
          {"relation", std::string(word.relation)},
          {"depth", word.depth},
          {"events", word.events}};
}

json ArgumentJson(const TracedArgument& argument) {
  if (argument.head == 0) return nullptr;
  return {{"head", argument.head},
          {"text", argument.text},
          {"codes", NullIfEmpty(argument.codes)}};
}

json TracedVerbJson(const TracedVerb& verb) {
  return {{"index", verb.index},
          {"form", std::string(verb.form)},
          {"noun", verb.nominal},
          {"entry", verb.entry},
          {"where", verb.where},
          {"verb_block", NullIfEmpty(verb.block)},
          {"code", verb.code},
          {"pattern", NullIfEmpty(verb.pattern)},
          {"pattern_source", NullIfEmpty(verb.pattern_where)},
          {"negated", verb.negated},
          {"source", ArgumentJson(verb.source)},
          {"target", ArgumentJson(verb.target)},
          {"outcome", events::OutcomeName(verb.outcome)},
          {"events", verb.events},
          {"why", verb.why}};
}

}  // namespace

std::string ExplanationText(const SentenceExplanation& explanation, bool with_tree) {
  std::string out;
  AppendHeader(out, explanation);
  if (with_tree) AppendTree(out, explanation.words);
  for (const ExplainedEvent& event : explanation.events) AppendEvent(out, event);
  AppendVerbs(out, explanation);
  return out;
}

std::string ExplanationJson(const SentenceExplanation& explanation, bool with_tree) {
  json out;
  out["doc"] = std::string(explanation.doc_id);
  out["sentence"] = explanation.number;
  out["sentences"] = explanation.count;
  out["span"] = {explanation.raw_span.begin, explanation.raw_span.end};
  out["published"] = NullIfEmpty(explanation.published);
  out["text"] = std::string(explanation.text);
  out["discard"] = NullIfEmpty(explanation.discard);
  if (with_tree) {
    // Text order here: a program reads the tree from "head" and "depth".
    std::vector<const ExplainedWord*> words;
    for (const ExplainedWord& word : explanation.words) words.push_back(&word);
    std::sort(words.begin(), words.end(),
              [](const ExplainedWord* a, const ExplainedWord* b) { return a->index < b->index; });
    out["words"] = json::array();
    for (const ExplainedWord* word : words) out["words"].push_back(WordJson(*word));
  }
  out["events"] = json::array();
  for (const ExplainedEvent& event : explanation.events) out["events"].push_back(EventJson(event));
  out["verbs"] = json::array();
  for (const TracedVerb& verb : explanation.verbs) out["verbs"].push_back(TracedVerbJson(verb));
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace khabar::cli
