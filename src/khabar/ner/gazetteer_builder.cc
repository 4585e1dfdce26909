#include "khabar/ner/gazetteer_builder.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>

#include "khabar/base/file.h"
#include "khabar/ner/internal/features.h"

namespace khabar::ner {
namespace {

using internal::Gazetteer;

constexpr uint64_t kMaxSourceBytes = 256ull << 20;
constexpr uint64_t kBigCityPopulation = 100000;
// WordNet lexicographer files (lexnames(5WN)).
constexpr std::string_view kNounGroup = "14";
constexpr std::string_view kNounLocation = "15";
constexpr std::string_view kNounPerson = "18";

using NameBits = std::map<std::string, uint32_t>;

void Add(std::string_view name, uint32_t bits, NameBits& names) {
  for (const std::string& joined : GazetteerNames(name)) names[joined] |= bits;
}

bool Capitalised(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

std::vector<std::string_view> SplitFields(std::string_view line, char separator) {
  std::vector<std::string_view> fields;
  while (true) {
    const size_t at = line.find(separator);
    fields.push_back(line.substr(0, at));
    if (at == std::string_view::npos) return fields;
    line.remove_prefix(at + 1);
  }
}

// One data.noun line: "offset lexfile n count(hex) word lex_id ... pointers | gloss".
void AddWordNetLine(std::string_view line, NameBits& names) {
  const std::vector<std::string_view> fields = SplitFields(line.substr(0, line.find('|')), ' ');
  if (fields.size() < 4) return;
  const std::string_view lexfile = fields[1];
  if (lexfile != kNounGroup && lexfile != kNounLocation && lexfile != kNounPerson) return;
  unsigned word_count = 0;
  std::from_chars(fields[3].data(), fields[3].data() + fields[3].size(), word_count, 16);
  if (fields.size() < 4 + 2 * size_t{word_count}) return;
  const bool instance = std::find(fields.begin(), fields.end(), "@i") != fields.end();
  for (unsigned word_idx = 0; word_idx < word_count; ++word_idx) {
    const std::string_view word = fields[4 + 2 * word_idx];
    if (!Capitalised(word)) continue;
    if (lexfile == kNounGroup) {
      Add(word, internal::kGazGroup, names);
    } else if (lexfile == kNounLocation) {
      Add(word, internal::kGazPlace, names);
    } else if (instance) {
      Add(word, internal::kGazPerson, names);
      const size_t first = word.find('_');
      if (first == std::string_view::npos) continue;
      Add(word.substr(0, first), internal::kGazFirstName, names);
      Add(word.substr(word.rfind('_') + 1), internal::kGazLastName, names);
    }
  }
}

Status AddWordNet(const std::string& dir, NameBits& names) {
  KH_ASSIGN_OR_RETURN(std::string data, base::ReadFile(dir + "/data.noun", kMaxSourceBytes));
  for (std::string_view line : SplitFields(data, '\n')) {
    if (!line.empty() && line[0] != ' ') AddWordNetLine(line, names);
  }
  return Status::Ok();
}

// Adds `name` and, for "Korea, Republic of", the part before the comma.
void AddCountryName(const std::string& name, uint32_t bits, NameBits& names) {
  Add(name, bits, names);
  const size_t comma = name.find(", ");
  if (comma != std::string::npos) Add(name.substr(0, comma), bits, names);
}

Status AddIsoFile(const std::string& path, const char* list, uint32_t bits, NameBits& names) {
  KH_ASSIGN_OR_RETURN(std::string text, base::ReadFile(path, kMaxSourceBytes));
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object() || !json.contains(list) || !json[list].is_array()) {
    return DataLossError(path + ": not an iso-codes list");
  }
  for (const nlohmann::json& entry : json[list]) {
    if (!entry.is_object()) continue;
    for (const char* key : {"name", "official_name", "common_name"}) {
      if (entry.contains(key) && entry[key].is_string()) {
        AddCountryName(entry[key].get<std::string>(), bits, names);
      }
    }
  }
  return Status::Ok();
}

Status AddGeoNames(const std::string& path, NameBits& names) {
  KH_ASSIGN_OR_RETURN(std::string data, base::ReadFile(path, kMaxSourceBytes));
  for (std::string_view line : SplitFields(data, '\n')) {
    const std::vector<std::string_view> fields = SplitFields(line, '\t');
    if (fields.size() < 15) continue;
    uint64_t population = 0;
    std::from_chars(fields[14].data(), fields[14].data() + fields[14].size(), population);
    const uint32_t bits = internal::kGazCity |
                          (population >= kBigCityPopulation ? uint32_t{internal::kGazBigCity} : 0u);
    Add(fields[1], bits, names);
    Add(fields[2], bits, names);
  }
  return Status::Ok();
}

// The name of an actor dictionary line ("UNITED_NATIONS_ [IGOUNO] # ..." -> "UNITED NATIONS"),
// without its leading '+'.
std::string ActorName(std::string_view line) {
  if (!line.empty() && line[0] == '+') line.remove_prefix(1);
  line = line.substr(0, line.find_first_of("[#\t"));
  std::string name;
  for (char c : line) name += (c == '_' || c == ' ') ? ' ' : c;
  while (!name.empty() && name.back() == ' ') name.pop_back();
  while (!name.empty() && name.front() == ' ') name.erase(name.begin());
  return name;
}

// Folds the codes in `line` ("[IGOUNO 950501-050430] [ELI]") into the block's kind.
void ReadActorCodes(std::string_view line, bool* dated, bool* country_only, bool* any) {
  size_t at = 0;
  while ((at = line.find('[', at)) != std::string_view::npos) {
    const size_t end = line.find(']', at);
    const std::string_view code =
        line.substr(at + 1, end == std::string_view::npos ? std::string_view::npos : end - at - 1);
    *any = true;
    if (code.find(' ') != std::string_view::npos) *dated = true;
    const std::string_view head = code.substr(0, code.find(' '));
    if (head.size() != 3) *country_only = false;
    if (end == std::string_view::npos) break;
    at = end + 1;
  }
}

// One Phoenix actor file: blocks of a primary name, "+" synonyms and "[CODE date]" lines.
Status AddActors(const std::string& path, NameBits& names) {
  KH_ASSIGN_OR_RETURN(std::string data, base::ReadFile(path, kMaxSourceBytes));
  std::vector<std::string> block;
  bool dated = false, country_only = true, any = false;
  auto flush = [&] {
    if (any) {
      const uint32_t bits = dated          ? internal::kGazActorPerson
                            : country_only ? internal::kGazActorCountry
                                           : internal::kGazActorGroup;
      for (const std::string& name : block) {
        if (name.size() > 1 && name.find_first_of("0123456789") == std::string::npos) {
          Add(name, bits, names);
        }
      }
    }
    block.clear();
    dated = any = false;
    country_only = true;
  };
  for (std::string_view line : SplitFields(data, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == ' ' || line[0] == '\t') {
      ReadActorCodes(line.substr(0, line.find('#')), &dated, &country_only, &any);
      continue;
    }
    if (line[0] != '+') flush();
    block.push_back(ActorName(line));
    ReadActorCodes(line.substr(0, line.find('#')), &dated, &country_only, &any);
  }
  flush();
  return Status::Ok();
}

// Appends `piece` split at hyphens ("al-Ani" -> "al", "-", "ani") or whole.
void AppendWords(std::string_view piece, bool split_hyphens, std::vector<std::string>& words) {
  if (!split_hyphens) {
    words.emplace_back(piece);
    return;
  }
  size_t start = 0;
  for (size_t at = 0; at <= piece.size(); ++at) {
    if (at < piece.size() && piece[at] != '-') continue;
    if (at > start) words.emplace_back(piece.substr(start, at - start));
    if (at < piece.size()) words.emplace_back("-");
    start = at + 1;
  }
}

std::string Tokenize(std::string_view name, bool split_hyphens, size_t* word_count) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (current.empty()) return;
    const bool comma = current.back() == ',';
    if (comma) current.pop_back();
    AppendWords(current, split_hyphens, words);
    if (comma) words.emplace_back(",");
    current.clear();
  };
  for (char c : name) {
    if (c == ' ' || c == '_') {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  *word_count = words.size();
  std::string joined;
  for (const std::string& word : words) {
    if (!joined.empty()) joined += ' ';
    internal::AppendLower(word, joined);
  }
  return joined;
}

}  // namespace

std::vector<std::string> GazetteerNames(std::string_view name) {
  std::vector<std::string> names;
  if (name.find_first_of("()") != std::string_view::npos) return names;
  for (bool split_hyphens : {true, false}) {
    size_t word_count = 0;
    std::string joined = Tokenize(name, split_hyphens, &word_count);
    if (word_count == 0 || word_count > internal::kMaxGazetteerWords) continue;
    if (std::find(names.begin(), names.end(), joined) == names.end()) names.push_back(joined);
  }
  return names;
}

StatusOr<internal::Gazetteer> BuildGazetteer(const GazetteerSources& sources) {
  NameBits names;
  if (!sources.wordnet_dir.empty()) KH_RETURN_IF_ERROR(AddWordNet(sources.wordnet_dir, names));
  if (!sources.iso_codes_dir.empty()) {
    KH_RETURN_IF_ERROR(AddIsoFile(sources.iso_codes_dir + "/iso_3166-1.json", "3166-1",
                                  internal::kGazCountry, names));
    KH_RETURN_IF_ERROR(AddIsoFile(sources.iso_codes_dir + "/iso_3166-2.json", "3166-2",
                                  internal::kGazRegion, names));
  }
  if (!sources.geonames_path.empty()) KH_RETURN_IF_ERROR(AddGeoNames(sources.geonames_path, names));
  for (const std::string& path : sources.actor_paths) KH_RETURN_IF_ERROR(AddActors(path, names));
  internal::Gazetteer gazetteer;
  std::vector<std::pair<uint64_t, uint32_t>> rows;
  for (const auto& [joined, bits] : names) {
    rows.emplace_back(internal::GazetteerKey(joined), bits);
    const size_t words = static_cast<size_t>(std::count(joined.begin(), joined.end(), ' ')) + 1;
    gazetteer.max_words = std::max<uint32_t>(gazetteer.max_words, static_cast<uint32_t>(words));
  }
  // Two names with one hash (vanishingly rare) share their bits.
  std::sort(rows.begin(), rows.end());
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  for (const auto& [key, bits] : rows) {
    if (!keys.empty() && keys.back() == key) {
      values.back() |= bits;
      continue;
    }
    keys.push_back(key);
    values.push_back(bits);
  }
  gazetteer.names = internal::HashTable::Build(keys, values);
  return gazetteer;
}

}  // namespace khabar::ner
