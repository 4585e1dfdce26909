#include "khabar/where/where_stage.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include "khabar/base/data_dir.h"
#include "khabar/where/attachment.h"

namespace khabar::where {
namespace {

constexpr int kMaxCountryWords = 3;
// Scores (docs/formats/where.md, "Homonyms").
constexpr double kActorCountryScore = 4;
constexpr double kArticleCountryScore = 3;
constexpr double kExactNameScore = 1;
constexpr double kCountryPlaceScore = 5;   // "Mexico" the country before Mexico the town
constexpr double kAdmin1PlaceScore = -1;   // a city (with coordinates) before its region
constexpr double kCapitalScore = 1.5;
constexpr double kPopulationWeight = 0.5;  // per power of ten
constexpr double kCoordinateScale = 1e5;

bool IsCapitalised(std::string_view form) { return !form.empty() && form[0] >= 'A' && form[0] <= 'Z'; }

bool Contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

double Score(const Place& place, bool exact, const PlaceContext& context) {
  std::string_view country = place.country_code();
  double score = kPopulationWeight * std::log10(static_cast<double>(place.population) + 1);
  if (Contains(context.actor_countries, country)) score += kActorCountryScore;
  if (Contains(context.article_countries, country)) score += kArticleCountryScore;
  if (exact) score += kExactNameScore;
  if (place.capital) score += kCapitalScore;
  if (place.precision == doc::PlacePrecision::kCountry) score += kCountryPlaceScore;
  if (place.precision == doc::PlacePrecision::kAdmin1) score += kAdmin1PlaceScore;
  return score;
}

void AddActorCountry(const Gazetteer& gazetteer, const doc::EventArgument& argument,
                     std::vector<std::string>* out) {
  std::string_view alpha2 = gazetteer.Alpha2(doc::EventCountry(argument));
  if (!alpha2.empty() && !Contains(*out, alpha2)) out->emplace_back(alpha2);
}

void SetPlace(const Gazetteer& gazetteer, const Place& place, doc::Span span, doc::EventPlace* out) {
  out->name = std::string(gazetteer.name(place));
  out->geonameid = place.geonameid;
  out->country = std::string(place.country_code());
  // GeoNames gives five decimals; the index keeps floats, so round back to what it gave.
  out->lat = std::round(static_cast<double>(place.lat) * kCoordinateScale) / kCoordinateScale;
  out->lon = std::round(static_cast<double>(place.lon) * kCoordinateScale) / kCoordinateScale;
  out->has_coordinates = place.has_coordinates;
  out->precision = place.precision;
  out->span = span;
}

}  // namespace

std::vector<std::string> MentionedCountries(const doc::Document& document, const Gazetteer& gazetteer) {
  std::vector<std::string> countries;
  const std::vector<doc::Word>& words = document.words.words;
  std::vector<std::string_view> run;
  for (size_t start = 0; start < words.size(); ++start) {
    if (words[start].upos != doc::Upos::kPropn) continue;
    for (int length = kMaxCountryWords; length >= 1; --length) {
      if (start + length > words.size()) continue;
      run.clear();
      for (size_t at = start; at < start + length; ++at) {
        run.push_back(document.words.Form(document.text, words[at]));
      }
      if (!IsCapitalised(run.back())) continue;
      if (const Place* country = gazetteer.FindCountry(run)) {
        if (!Contains(countries, country->country_code())) countries.emplace_back(country->country_code());
        break;
      }
    }
  }
  return countries;
}

const Place* ChoosePlace(const Gazetteer& gazetteer, std::span<const Candidate> candidates,
                         const PlaceContext& context) {
  const Place* best = nullptr;
  double best_score = 0;
  for (const Candidate& candidate : candidates) {
    const Place& place = gazetteer.place(candidate.place);
    double score = Score(place, candidate.exact, context);
    if (best == nullptr || score > best_score) {
      best = &place;
      best_score = score;
    }
  }
  return best;
}

StatusOr<std::unique_ptr<WhereStage>> WhereStage::Create(const WhereStageOptions& options) {
  auto start = std::chrono::steady_clock::now();
  GazetteerFiles files = options.files;
  if (files.cities.empty()) {
    KH_ASSIGN_OR_RETURN(std::string data, base::FindDataDir());
    files = GazetteerFiles::Default(data);
  }
  KH_ASSIGN_OR_RETURN(std::unique_ptr<Gazetteer> gazetteer, Gazetteer::Load(files));
  auto stage = std::make_unique<WhereStage>(std::move(gazetteer));
  stage->load_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stage;
}

Status WhereStage::Process(doc::Document& document) const {
  if (document.events.events.empty() || !document.words.parsed()) return Status();
  PlaceContext context;
  context.article_countries = MentionedCountries(document, *gazetteer_);
  std::optional<SentenceView> view;
  for (doc::Event& event : document.events.events) {
    event.place = doc::EventPlace();
    if (!view || view->Local(event.verb) < 0) view.emplace(document, event.sentence);
    AttachedPlace attached = AttachPlace(*view, event.verb, gazetteer_.get());
    if (attached.span.empty()) continue;
    std::vector<std::string_view> words;
    for (int word = attached.first; word <= attached.last; ++word) words.push_back(view->form(word));
    std::vector<Candidate> candidates = gazetteer_->Find(words);
    context.actor_countries.clear();
    AddActorCountry(*gazetteer_, event.source, &context.actor_countries);
    AddActorCountry(*gazetteer_, event.target, &context.actor_countries);
    if (const Place* place = ChoosePlace(*gazetteer_, candidates, context)) {
      SetPlace(*gazetteer_, *place, attached.span, &event.place);
    }
  }
  return Status();
}

}  // namespace khabar::where
