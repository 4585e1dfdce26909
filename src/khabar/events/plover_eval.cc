#include "khabar/events/plover_eval.h"

#include <nlohmann/json.hpp>

#include <array>
#include <unordered_map>
#include <utility>

#include "khabar/base/data_dir.h"
#include "khabar/base/file.h"
#include "khabar/dict/dictionaries.h"
#include "khabar/events/cameo_codebook.h"
#include "khabar/events/coding_stage.h"
#include "khabar/events/event_stage.h"
#include "khabar/mentions/coref_actor_resolver.h"

namespace khabar::events {
namespace {

// The PLOVER 0.6 category of each CAMEO root "01".."20" (index = root number).
constexpr std::array<std::string_view, 21> kRootTypes = {
    "",         "",           "",       "AGREE",  "CONSULT", "SUPPORT",  "COOPERATE",
    "AID",      "CONCEDE",    "INVESTIGATE",     "DEMAND",  "DISAPPROVE", "REJECT",
    "THREATEN", "PROTEST",    "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT",
    "FIGHT"};

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

std::set<std::string> ActorCodes(const nlohmann::json& record, const char* field) {
  std::set<std::string> codes;
  auto it = record.find(field);
  if (it == record.end() || !it->is_array()) return codes;  // null, "" or absent: none
  for (const nlohmann::json& actor : *it) {
    if (!actor.is_object()) continue;
    auto code = actor.find("code");
    if (code != actor.end() && code->is_string() && !code->get<std::string>().empty()) {
      codes.insert(GoldCountry(code->get<std::string>()));
    }
  }
  return codes;
}

std::string StringField(const nlohmann::json& record, const char* field) {
  auto it = record.find(field);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::set<std::string> SourcesOf(const std::vector<PloverCodedEvent>& coded, const std::string& type,
                                bool target) {
  std::set<std::string> countries;
  for (const PloverCodedEvent& event : coded) {
    const std::string& country = target ? event.target_country : event.source_country;
    if (event.type == type && !country.empty()) countries.insert(country);
  }
  return countries;
}

std::string DescribeParse(const doc::Document& document) {
  std::string out;
  const doc::WordLayer& layer = document.words;
  for (const doc::SentenceWords& range : layer.sentences) {
    for (doc::WordIndex word = range.word_begin; word < range.word_end; ++word) {
      const doc::Word& entry = layer.words[word];
      uint32_t head = entry.head == doc::kRootHead ? 0 : entry.head - range.word_begin + 1;
      out += std::to_string(word - range.word_begin + 1) + "\t" + std::string(layer.Form(document.text, entry)) +
             "\t" + std::string(layer.Lemma(entry)) + "\t" + std::string(doc::UposName(entry.upos)) + "\t" + std::to_string(head) + "\t" +
             std::string(layer.DeprelName(entry)) + "\n";
    }
  }
  return out;
}

}  // namespace

std::string PloverGsrType(std::string_view cameo) {
  if (cameo.size() < 2 || cameo.size() > 4 || !AllDigits(cameo)) return "";
  int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  if (root < 0 || root >= static_cast<int>(kRootTypes.size())) return "";
  // YIELD is split: 080-083 are verbal (CONCEDE), 084-087 material (RETREAT).
  if (root == 8 && cameo.size() >= 3 && cameo[2] >= '4') return "RETREAT";
  return std::string(kRootTypes[root]);
}

std::string ActorCountry(std::string_view code) {
  return code.size() < 3 ? std::string() : std::string(code.substr(0, 3));
}

std::string GoldCountry(std::string_view code) {
  std::string country = ActorCountry(code);
  if (country == "JAP") return "JPN";
  if (country == "ITL") return "ITA";
  return country;
}

StatusOr<std::vector<PloverItem>> ParsePloverGold(std::string_view bytes) {
  nlohmann::json root = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return InvalidArgumentError("malformed JSON");
  if (!root.is_array()) return InvalidArgumentError("expected a JSON array of records");
  std::vector<PloverItem> items;
  std::unordered_map<std::string, size_t> by_text;
  for (const nlohmann::json& record : root) {
    if (!record.is_object()) return InvalidArgumentError("expected a JSON object per record");
    std::string text = StringField(record, "text");
    std::string type = StringField(record, "event");
    if (text.empty() || type.empty()) continue;
    auto [it, inserted] = by_text.emplace(text, items.size());
    if (inserted) items.push_back(PloverItem{text, StringField(record, "date"), {}});
    items[it->second].gold.push_back(PloverGoldEvent{StringField(record, "id"), type,
                                                     ActorCodes(record, "source"), ActorCodes(record, "target")});
  }
  if (items.empty()) return InvalidArgumentError("no records with text");
  return items;
}

StatusOr<std::vector<PloverItem>> ReadPloverGold(const std::string& path) {
  KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(path, base::kDefaultMaxFileBytes));
  StatusOr<std::vector<PloverItem>> items = ParsePloverGold(bytes);
  if (!items.ok()) return items.status().WithPrefix(path);
  return items;
}

void PrfCounts::Add(const std::set<std::string>& gold, const std::set<std::string>& found) {
  for (const std::string& item : found) ++(gold.count(item) ? tp : fp);
  for (const std::string& item : gold) fn += found.count(item) ? 0 : 1;
}

void PloverScore::Add(const PloverItem& item, const std::vector<PloverCodedEvent>& coded) {
  ++items;
  records += item.gold.size();
  std::set<std::string> gold_types;
  for (const PloverGoldEvent& gold : item.gold) gold_types.insert(gold.type);
  std::set<std::string> coded_types;
  for (const PloverCodedEvent& event : coded) {
    if (!event.type.empty()) coded_types.insert(event.type);
  }
  event.Add(gold_types, coded_types);
  for (const std::string& type : gold_types) ++(coded_types.count(type) ? per_type[type].tp : per_type[type].fn);
  for (const std::string& type : coded_types) {
    if (!gold_types.count(type)) ++per_type[type].fp;
  }
  for (const std::string& type : gold_types) {
    std::set<std::string> gold_sources;
    std::set<std::string> gold_targets;
    for (const PloverGoldEvent& gold : item.gold) {
      if (gold.type != type) continue;
      gold_sources.insert(gold.sources.begin(), gold.sources.end());
      gold_targets.insert(gold.targets.begin(), gold.targets.end());
    }
    source.Add(gold_sources, SourcesOf(coded, type, /*target=*/false));
    target.Add(gold_targets, SourcesOf(coded, type, /*target=*/true));
  }
}

StatusOr<PloverEvalResult> RunPloverEval(const PloverEvalOptions& options) {
  PloverEvalResult result;
  KH_ASSIGN_OR_RETURN(result.items, ReadPloverGold(options.gold));
  CodingStageOptions coding;
  coding.dictionary_dir = options.dictionaries;
  coding.plover_mapping = false;  // only CAMEO codes are scored (PloverGsrType)
  if (options.coreference) coding.resolver_factory = &mentions::CoreferenceResolution();
  KH_ASSIGN_OR_RETURN(std::unique_ptr<CodingStage> coder, CodingStage::Create(coding));
  const EventStage& stage = coder->event_stage();
  KH_ASSIGN_OR_RETURN(pipeline::Analysis analysis, pipeline::Analysis::Load(options.models));

  for (size_t index = 0; index < result.items.size(); ++index) {
    const PloverItem& item = result.items[index];
    const std::string& id = item.gold.front().id;
    doc::Document document;
    document.id = id;
    document.raw = item.text;
    document.published = item.date;
    KH_RETURN_IF_ERROR(analysis.Analyze(document).WithPrefix(id));
    CodingContext context;
    context.date = ArticleDate(document);
    doc::EventLayer layer;
    KH_RETURN_IF_ERROR(stage.Annotate(document, context, layer).WithPrefix(id));

    PloverItemResult detail;
    detail.item = index;
    detail.parse = DescribeParse(document);
    std::vector<PloverCodedEvent> coded;
    for (const doc::Event& event : layer.events) {
      PloverCodedEvent scored{PloverGsrType(event.cameo), ActorCountry(event.source.code),
                              ActorCountry(event.target.code)};
      coded.push_back(scored);
      detail.coded.push_back(PloverCodedDetail{std::move(scored), event.cameo, event.source.code,
                                               event.target.code, event.negated, event.pattern,
                                               event.pattern_source});
    }
    result.score.Add(item, coded);
    result.results.push_back(std::move(detail));
  }
  return result;
}

}  // namespace khabar::events
