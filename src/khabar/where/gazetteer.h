// Gazetteer: GeoNames cities (cities5000.txt) and the iso-codes countries (ISO 3166-1) and
// their subdivisions (ISO 3166-2, as admin1 places), indexed by place-name keys
// (place_key.h) for the where stage. See docs/formats/where.md.
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<where::Gazetteer> gazetteer,
//                       where::Gazetteer::Load(where::GazetteerFiles::Default(data_dir)));
//   std::vector<std::string_view> words = {"Darnah"};
//   for (uint32_t id : gazetteer->Find(words)) fmt::print("{}\n", gazetteer->place(id).name);
//
// Places come from GeoNames (CC BY 4.0, "GeoNames") and Debian's iso-codes; the files are
// read at start-up and never copied. Bad lines are skipped with a warning naming file:line.
//
// Thread-safety: immutable after Load; Find may run on many threads at once.
#ifndef KHABAR_WHERE_GAZETTEER_H_
#define KHABAR_WHERE_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/events.h"

namespace khabar::where {

struct GazetteerFiles {
  std::string cities;      // GeoNames cities5000.txt (19 tab-separated columns)
  std::string countries;   // iso-codes iso_3166-1.json
  std::string subdivisions;  // iso-codes iso_3166-2.json; empty: no admin1 places

  // <data_dir>/geonames/cities5000.txt and /usr/share/iso-codes/json/iso_3166-{1,2}.json.
  static GazetteerFiles Default(const std::string& data_dir);
};

struct Place {
  uint32_t name_begin = 0;  // name: bytes of Gazetteer's name buffer
  uint32_t name_length = 0;
  int64_t geonameid = 0;    // 0 for iso-codes places
  int64_t population = 0;
  float lat = 0;
  float lon = 0;
  char country[2] = {0, 0};  // ISO 3166-1 alpha-2
  doc::PlacePrecision precision = doc::PlacePrecision::kCity;
  bool capital = false;          // GeoNames feature code PPLC
  bool has_coordinates = false;  // false for countries and admin1 (iso-codes has none)

  std::string_view country_code() const { return std::string_view(country, 2); }
};

// A key that Find matched, with how: by the fold key (exact but for case and marks) or only
// by the looser transliteration key.
struct Candidate {
  uint32_t place = 0;
  bool exact = false;
};

class Gazetteer {
 public:
  // Reads the files; NotFound or DataLoss when a file cannot be read. Bad lines become
  // warnings ("cities5000.txt:12: ...") and are skipped.
  static StatusOr<std::unique_ptr<Gazetteer>> Load(const GazetteerFiles& files);
  // The same from text in memory; `*_name` is used in warnings. An empty text adds nothing.
  static StatusOr<std::unique_ptr<Gazetteer>> FromText(std::string_view cities, std::string_view cities_name,
                                                       std::string_view countries,
                                                       std::string_view countries_name,
                                                       std::string_view subdivisions,
                                                       std::string_view subdivisions_name);

  // The places whose name or alternate name has the words' fold key, else those with their
  // transliteration key (exact == false); at most one entry per place.
  std::vector<Candidate> Find(std::span<const std::string_view> words) const;
  // The country (precision kCountry) named by the words, or nullptr ("Libya", "Syria",
  // "the United States" without "the").
  const Place* FindCountry(std::span<const std::string_view> words) const;
  // ISO alpha-3 ("LBY") -> alpha-2 ("LY"); empty when unknown.
  std::string_view Alpha2(std::string_view alpha3) const;

  const Place& place(uint32_t id) const { return places_[id]; }
  std::string_view name(const Place& place) const {
    return std::string_view(names_).substr(place.name_begin, place.name_length);
  }
  size_t size() const { return places_.size(); }
  size_t key_count() const { return fold_index_.size() + translit_index_.size(); }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  struct Entry {
    uint64_t hash;
    uint32_t place;
    bool operator<(const Entry& other) const {
      return hash != other.hash ? hash < other.hash : place < other.place;
    }
  };
  class Builder;

  Gazetteer() = default;
  static void Lookup(const std::vector<Entry>& index, uint64_t hash, bool exact,
                     std::vector<Candidate>* out);

  std::vector<Place> places_;
  std::string names_;
  std::vector<Entry> fold_index_;     // sorted by hash
  std::vector<Entry> translit_index_;  // sorted by hash
  std::unordered_map<std::string, std::string> alpha2_;  // alpha-3 -> alpha-2
  std::vector<std::string> warnings_;
};

}  // namespace khabar::where

#endif  // KHABAR_WHERE_GAZETTEER_H_
