#include "khabar/merge/merge_gold.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace khabar::merge {
namespace {

using Json = nlohmann::json;

bool ReadArticle(const Json& json, GoldArticle* article, std::string* error) {
  if (!json.is_object()) {
    *error = "an article is not an object";
    return false;
  }
  for (const auto& [key, field] :
       {std::pair{"outlet", &article->outlet}, std::pair{"url", &article->url},
        std::pair{"published", &article->published}, std::pair{"text", &article->text}}) {
    const auto found = json.find(key);
    if (found == json.end() || !found->is_string()) {
      *error = std::string("article field \"") + key + "\" missing or not a string";
      return false;
    }
    *field = found->get<std::string>();
  }
  if (article->text.empty()) {
    *error = "an article has no text";
    return false;
  }
  return true;
}

bool ReadPair(const Json& json, MergePair* pair, std::string* error) {
  if (!json.is_object()) {
    *error = "not a JSON object";
    return false;
  }
  const auto id = json.find("id");
  const auto same = json.find("same");
  if (id == json.end() || !id->is_string() || same == json.end() || !same->is_boolean()) {
    *error = "\"id\" (string) and \"same\" (true or false) are required";
    return false;
  }
  pair->id = id->get<std::string>();
  pair->same = same->get<bool>();
  pair->kind = json.value("kind", "");
  pair->note = json.value("note", "");
  if (!json.contains("a") || !json.contains("b")) {
    *error = "\"a\" and \"b\" are required";
    return false;
  }
  return ReadArticle(json["a"], &pair->a, error) && ReadArticle(json["b"], &pair->b, error);
}

double Percent(int64_t part, int64_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

MergeGold ParseMergeGold(std::string_view bytes, std::string_view name) {
  MergeGold gold;
  uint64_t line_number = 0;
  size_t pos = 0;
  while (pos < bytes.size()) {
    const size_t end = std::min(bytes.find('\n', pos), bytes.size());
    const std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const Json json = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    MergePair pair;
    std::string error = json.is_discarded() ? "not valid JSON" : "";
    if (error.empty() && ReadPair(json, &pair, &error)) {
      pair.line = line_number;
      gold.pairs.push_back(std::move(pair));
      continue;
    }
    gold.errors.push_back(std::string(name) + ":" + std::to_string(line_number) + ": " + error);
  }
  return gold;
}

StatusOr<MergeGold> ReadMergeGold(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open merge gold " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return DataLossError("cannot read merge gold " + path);
  return ParseMergeGold(bytes.str(), path);
}

void MergeScore::Add(const MergePair& pair, bool predicted_same, bool both_coded) {
  if (!both_coded) ++uncoded;
  if (pair.same && predicted_same) ++true_positives;
  if (!pair.same && predicted_same) ++false_positives;
  if (pair.same && !predicted_same) ++false_negatives;
  if (!pair.same && !predicted_same) ++true_negatives;
  KindCount& kind = by_kind[pair.kind.empty() ? "-" : pair.kind];
  ++kind.pairs;
  if (pair.same == predicted_same) ++kind.correct;
}

double MergeScore::precision() const {
  return Percent(true_positives, true_positives + false_positives);
}
double MergeScore::recall() const {
  return Percent(true_positives, true_positives + false_negatives);
}
double MergeScore::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
double MergeScore::accuracy() const { return Percent(true_positives + true_negatives, pairs()); }

}  // namespace khabar::merge
