#include "khabar/where/gazetteer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

#include "khabar/base/ascii.h"
#include "khabar/base/file.h"
#include "khabar/where/place_key.h"

namespace khabar::where {
namespace {

constexpr size_t kGeoNamesColumns = 19;
constexpr size_t kMaxNameWords = 6;
constexpr uint64_t kMaxGazetteerBytes = 256ull << 20;

// Names of countries that the iso-codes names miss, in Khabar's own words: English short
// forms news writes ("Britain", "Russia", "the U.S.").
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kCountryAliases = {{
    {"Britain", "GB"},      {"Great Britain", "GB"}, {"UK", "GB"},          {"U.K.", "GB"},
    {"US", "US"},           {"U.S.", "US"},          {"USA", "US"},         {"U.S.A.", "US"},
    {"America", "US"},      {"Russia", "RU"},        {"Turkey", "TR"},      {"Ivory Coast", "CI"},
    {"Palestine", "PS"},    {"Burma", "MM"},         {"Czech Republic", "CZ"}, {"DR Congo", "CD"},
    {"Vatican", "VA"},      {"Holland", "NL"},
}};

// Words that name a part of anything; an ISO 3166-2 region named by them alone ("South",
// Cameroon; "Central", Botswana) would turn "the South of Libya" into Cameroon.
constexpr std::array<std::string_view, 16> kGenericRegionWords = {
    "north",   "south",    "east",    "west",    "northern", "southern", "eastern", "western",
    "central", "centre",   "center",  "upper",   "lower",    "middle",   "capital", "coast"};

bool IsGenericRegionName(std::string_view name) {
  for (std::string_view word : PlaceNameWords(name)) {
    std::string lower(word);
    for (char& ch : lower) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    if (std::find(kGenericRegionWords.begin(), kGenericRegionWords.end(), lower) == kGenericRegionWords.end()) {
      return false;
    }
  }
  return true;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> columns;
  size_t start = 0;
  for (size_t pos = 0; pos <= line.size(); ++pos) {
    if (pos < line.size() && line[pos] != '\t') continue;
    columns.push_back(line.substr(start, pos - start));
    start = pos + 1;
  }
  return columns;
}

template <typename Number>
bool ParseNumber(std::string_view text, Number* out) {
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return error == std::errc() && end == text.data() + text.size();
}

// A lead byte of a Latin letter with a mark (U+00C0-U+02BF), of Latin Extended Additional
// (U+1E00-U+1EFF, "ṣ"), or of general punctuation (U+2000-U+203F, "’").
bool IsLatinSequence(std::string_view name, size_t pos) {
  auto byte = [&](size_t at) { return at < name.size() ? static_cast<unsigned char>(name[at]) : 0; };
  unsigned char lead = byte(pos);
  if (lead >= 0xC3 && lead <= 0xCA) return true;
  if (lead == 0xE1) return byte(pos + 1) >= 0xB8 && byte(pos + 1) <= 0xBB;
  return lead == 0xE2 && byte(pos + 1) == 0x80;
}

// Alternate names worth a key: Latin script, not a code (no lower-case letter: "BEN", "DNF"),
// not a lower-case romanisation ("trabls") unless it starts with the article ("al-Bayda").
bool UsefulAlternate(std::string_view name) {
  if (name.empty()) return false;
  bool has_lower = false;
  for (size_t pos = 0; pos < name.size(); ++pos) {
    auto byte = static_cast<unsigned char>(name[pos]);
    if (byte >= 0x80 && byte < 0xC0) continue;  // continuation byte
    if (byte >= 0x80 && !IsLatinSequence(name, pos)) return false;
    has_lower = has_lower || base::IsAsciiLower(name[pos]);
  }
  if (!has_lower) return false;
  if (!base::IsAsciiLower(name[0])) return true;
  return name.size() > 3 && (name.starts_with("al") || name.starts_with("el")) &&
         (name[2] == '-' || name[2] == ' ');
}

}  // namespace

GazetteerFiles GazetteerFiles::Default(const std::string& data_dir) {
  return GazetteerFiles{data_dir + "/geonames/cities5000.txt", "/usr/share/iso-codes/json/iso_3166-1.json",
                        "/usr/share/iso-codes/json/iso_3166-2.json"};
}

// Collects places and index entries; Finish sorts the indexes.
class Gazetteer::Builder {
 public:
  explicit Builder(Gazetteer* gazetteer) : gazetteer_(gazetteer) {}

  void AddCities(std::string_view text, std::string_view file);
  Status AddCountries(std::string_view text, std::string_view file);
  Status AddSubdivisions(std::string_view text, std::string_view file);
  void Finish();

 private:
  bool AddCityLine(std::string_view line, std::string* problem);
  uint32_t AddPlace(Place place, std::string_view name);
  void AddKeys(uint32_t place, std::string_view name);

  Gazetteer* gazetteer_;
};

uint32_t Gazetteer::Builder::AddPlace(Place place, std::string_view name) {
  place.name_begin = static_cast<uint32_t>(gazetteer_->names_.size());
  place.name_length = static_cast<uint32_t>(name.size());
  gazetteer_->names_.append(name);
  gazetteer_->places_.push_back(place);
  return static_cast<uint32_t>(gazetteer_->places_.size() - 1);
}

void Gazetteer::Builder::AddKeys(uint32_t place, std::string_view name) {
  std::vector<std::string_view> words = PlaceNameWords(name);
  if (words.empty() || words.size() > kMaxNameWords) return;
  std::string fold = FoldKey(words);
  if (!fold.empty()) gazetteer_->fold_index_.push_back({KeyHash(fold), place});
  std::string translit = TransliteratedKey(words);
  if (!translit.empty()) gazetteer_->translit_index_.push_back({KeyHash(translit), place});
}

bool Gazetteer::Builder::AddCityLine(std::string_view line, std::string* problem) {
  std::vector<std::string_view> columns = SplitTabs(line);
  if (columns.size() != kGeoNamesColumns) {
    *problem = fmt::format("expected {} tab-separated columns, found {}", kGeoNamesColumns, columns.size());
    return false;
  }
  Place place;
  double lat = 0;
  double lon = 0;
  if (!ParseNumber(columns[0], &place.geonameid) || !ParseNumber(columns[4], &lat) ||
      !ParseNumber(columns[5], &lon) || columns[8].size() != 2 || columns[1].empty()) {
    *problem = "bad geonameid, name, latitude, longitude or country code";
    return false;
  }
  if (!ParseNumber(columns[14], &place.population)) place.population = 0;
  place.lat = static_cast<float>(lat);
  place.lon = static_cast<float>(lon);
  place.country[0] = columns[8][0];
  place.country[1] = columns[8][1];
  place.capital = columns[7] == "PPLC";
  place.has_coordinates = true;
  uint32_t id = AddPlace(place, columns[1]);
  AddKeys(id, columns[1]);
  if (columns[2] != columns[1]) AddKeys(id, columns[2]);
  size_t start = 0;
  std::string_view alternates = columns[3];
  for (size_t pos = 0; pos <= alternates.size(); ++pos) {
    if (pos < alternates.size() && alternates[pos] != ',') continue;
    std::string_view alternate = alternates.substr(start, pos - start);
    if (UsefulAlternate(alternate)) AddKeys(id, alternate);
    start = pos + 1;
  }
  return true;
}

void Gazetteer::Builder::AddCities(std::string_view text, std::string_view file) {
  size_t line_number = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    std::string problem;
    if (!AddCityLine(line, &problem)) {
      gazetteer_->warnings_.push_back(fmt::format("{}:{}: {}; line skipped", file, line_number, problem));
    }
  }
}

namespace {

std::string StringField(const nlohmann::json& entry, const char* field) {
  auto it = entry.find(field);
  return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
}

StatusOr<nlohmann::json> ParseIsoList(std::string_view text, std::string_view file, const char* list) {
  nlohmann::json root = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object() || !root.contains(list) || !root[list].is_array()) {
    return DataLossError(fmt::format("{}: not an iso-codes \"{}\" JSON file", file, list));
  }
  return root[list];
}

}  // namespace

Status Gazetteer::Builder::AddCountries(std::string_view text, std::string_view file) {
  if (text.empty()) return Status();
  KH_ASSIGN_OR_RETURN(nlohmann::json list, ParseIsoList(text, file, "3166-1"));
  std::unordered_map<std::string, uint32_t> by_alpha2;
  for (size_t index = 0; index < list.size(); ++index) {
    const nlohmann::json& entry = list[index];
    std::string alpha2 = entry.is_object() ? StringField(entry, "alpha_2") : "";
    std::string alpha3 = entry.is_object() ? StringField(entry, "alpha_3") : "";
    std::string name = entry.is_object() ? StringField(entry, "name") : "";
    if (alpha2.size() != 2 || alpha3.size() != 3 || name.empty()) {
      gazetteer_->warnings_.push_back(
          fmt::format("{}: entry {}: no alpha_2, alpha_3 or name; skipped", file, index + 1));
      continue;
    }
    std::string common = StringField(entry, "common_name");
    Place place;
    place.country[0] = alpha2[0];
    place.country[1] = alpha2[1];
    place.precision = doc::PlacePrecision::kCountry;
    uint32_t id = AddPlace(place, common.empty() ? name : common);
    for (const std::string& each : {name, common, StringField(entry, "official_name")}) {
      // "Korea, Republic of" is no way to write a country in running text.
      if (!each.empty() && each.find(',') == std::string::npos) AddKeys(id, each);
    }
    gazetteer_->alpha2_[alpha3] = alpha2;
    by_alpha2[alpha2] = id;
  }
  for (const auto& [alias, alpha2] : kCountryAliases) {
    auto it = by_alpha2.find(std::string(alpha2));
    if (it != by_alpha2.end()) AddKeys(it->second, alias);
  }
  return Status();
}

Status Gazetteer::Builder::AddSubdivisions(std::string_view text, std::string_view file) {
  if (text.empty()) return Status();
  KH_ASSIGN_OR_RETURN(nlohmann::json list, ParseIsoList(text, file, "3166-2"));
  for (size_t index = 0; index < list.size(); ++index) {
    const nlohmann::json& entry = list[index];
    if (!entry.is_object()) continue;
    std::string code = StringField(entry, "code");
    std::string name = StringField(entry, "name");
    if (code.size() < 4 || code[2] != '-' || name.empty()) {
      gazetteer_->warnings_.push_back(fmt::format("{}: entry {}: no code or name; skipped", file, index + 1));
      continue;
    }
    if (entry.contains("parent")) continue;  // below the first level
    Place place;
    place.country[0] = code[0];
    place.country[1] = code[1];
    place.precision = doc::PlacePrecision::kAdmin1;
    uint32_t id = AddPlace(place, name);
    if (name.find(',') == std::string::npos && !IsGenericRegionName(name)) AddKeys(id, name);
  }
  return Status();
}

void Gazetteer::Builder::Finish() {
  for (std::vector<Entry>* index : {&gazetteer_->fold_index_, &gazetteer_->translit_index_}) {
    std::sort(index->begin(), index->end());
    index->erase(std::unique(index->begin(), index->end(),
                             [](const Entry& a, const Entry& b) { return a.hash == b.hash && a.place == b.place; }),
                 index->end());
    index->shrink_to_fit();
  }
}

StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::FromText(std::string_view cities, std::string_view cities_name,
                                                         std::string_view countries,
                                                         std::string_view countries_name,
                                                         std::string_view subdivisions,
                                                         std::string_view subdivisions_name) {
  std::unique_ptr<Gazetteer> gazetteer(new Gazetteer());
  Builder builder(gazetteer.get());
  KH_RETURN_IF_ERROR(builder.AddCountries(countries, countries_name));
  KH_RETURN_IF_ERROR(builder.AddSubdivisions(subdivisions, subdivisions_name));
  builder.AddCities(cities, cities_name);
  builder.Finish();
  return gazetteer;
}

StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load(const GazetteerFiles& files) {
  KH_ASSIGN_OR_RETURN(std::string cities, base::ReadFile(files.cities, kMaxGazetteerBytes));
  KH_ASSIGN_OR_RETURN(std::string countries, base::ReadFile(files.countries, kMaxGazetteerBytes));
  std::string subdivisions;
  if (!files.subdivisions.empty()) {
    KH_ASSIGN_OR_RETURN(subdivisions, base::ReadFile(files.subdivisions, kMaxGazetteerBytes));
  }
  return FromText(cities, files.cities, countries, files.countries, subdivisions, files.subdivisions);
}

void Gazetteer::Lookup(const std::vector<Entry>& index, uint64_t hash, bool exact, std::vector<Candidate>* out) {
  auto it = std::lower_bound(index.begin(), index.end(), Entry{hash, 0});
  for (; it != index.end() && it->hash == hash; ++it) out->push_back(Candidate{it->place, exact});
}

std::vector<Candidate> Gazetteer::Find(std::span<const std::string_view> words) const {
  std::vector<Candidate> out;
  std::string fold = FoldKey(words);
  if (fold.empty()) return out;
  Lookup(fold_index_, KeyHash(fold), /*exact=*/true, &out);
  if (!out.empty()) return out;
  std::string translit = TransliteratedKey(words);
  if (!translit.empty()) Lookup(translit_index_, KeyHash(translit), /*exact=*/false, &out);
  return out;
}

const Place* Gazetteer::FindCountry(std::span<const std::string_view> words) const {
  std::string fold = FoldKey(words);
  if (fold.empty()) return nullptr;
  std::vector<Candidate> found;
  Lookup(fold_index_, KeyHash(fold), /*exact=*/true, &found);
  for (const Candidate& candidate : found) {
    if (places_[candidate.place].precision == doc::PlacePrecision::kCountry) return &places_[candidate.place];
  }
  return nullptr;
}

std::string_view Gazetteer::Alpha2(std::string_view alpha3) const {
  auto it = alpha2_.find(std::string(alpha3));
  return it == alpha2_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace khabar::where
