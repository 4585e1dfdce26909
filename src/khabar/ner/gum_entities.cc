#include "khabar/ner/gum_entities.h"

#include <algorithm>
#include <vector>

#include "khabar/base/file.h"
#include "khabar/treebank/conllu.h"

namespace khabar::ner {
namespace {

constexpr uint64_t kMaxConlluBytes = 512ull << 20;

struct Mention {
  uint32_t begin = 0;  // word offsets within the sentence, [begin, end)
  uint32_t end = 0;
  EntityType type = EntityType::kNone;
};

EntityType TypeOf(std::string_view etype) {
  if (etype == "person") return EntityType::kPer;
  if (etype == "organization") return EntityType::kOrg;
  if (etype == "place") return EntityType::kLoc;
  return EntityType::kNone;
}

// The value of the MISC item "Entity=...", or "".
std::string_view EntityItem(std::string_view misc) {
  while (!misc.empty()) {
    const size_t bar = misc.find('|');
    const std::string_view item = misc.substr(0, bar);
    if (item.starts_with("Entity=")) return item.substr(7);
    if (bar == std::string_view::npos) break;
    misc.remove_prefix(bar + 1);
  }
  return {};
}

struct Open {
  std::string_view id;
  EntityType type;
  uint32_t begin;
};

// Reads the brackets of one word's Entity item: "(id-etype-..." opens a mention, "id)"
// closes the innermost open mention with that id, "(id-...)" is a one-word mention.
void ReadBrackets(std::string_view value, uint32_t word, std::vector<Open>& open,
                  std::vector<Mention>& mentions) {
  size_t position = 0;
  while (position < value.size()) {
    if (value[position] == '(') {
      const size_t end = value.find_first_of("()", position + 1);
      const std::string_view attributes = value.substr(
          position + 1, (end == std::string_view::npos ? value.size() : end) - position - 1);
      const size_t dash = attributes.find('-');
      const std::string_view id = attributes.substr(0, dash);
      const std::string_view rest =
          dash == std::string_view::npos ? "" : attributes.substr(dash + 1);
      const EntityType type = TypeOf(rest.substr(0, rest.find('-')));
      if (end != std::string_view::npos && value[end] == ')') {
        if (type != EntityType::kNone) mentions.push_back({word, word + 1, type});
        position = end + 1;
      } else {
        open.push_back({id, type, word});
        position = end == std::string_view::npos ? value.size() : end;
      }
      continue;
    }
    const size_t close = value.find(')', position);
    if (close == std::string_view::npos) break;
    const std::string_view id = value.substr(position, close - position);
    for (size_t index = open.size(); index-- > 0;) {
      if (open[index].id != id) continue;
      if (open[index].type != EntityType::kNone) {
        mentions.push_back({open[index].begin, word + 1, open[index].type});
      }
      open.erase(open.begin() + static_cast<std::ptrdiff_t>(index));
      break;
    }
    position = close + 1;
  }
}

bool IsConnector(const treebank::Word& word) {
  static constexpr std::string_view kConnectors[] = {
      "of", "the", "&", "-", "and", "de", "del", "la", "von", "van", "da", "al", "'s", "for", "."};
  // A capitalised adjective or noun between two PROPNs is part of the name ("Boston Red
  // Sox", "Royal Air Force").
  const bool capitalised = !word.form.empty() && word.form[0] >= 'A' && word.form[0] <= 'Z';
  if (capitalised && (word.upos == "ADJ" || word.upos == "NOUN" || word.upos == "NUM")) return true;
  std::string lower(word.form);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return std::find(std::begin(kConnectors), std::end(kConnectors), lower) != std::end(kConnectors);
}

// The name inside `mention`, or an empty range when the mention is not a name.
Mention NameIn(const Mention& mention, std::span<const treebank::Word> words) {
  uint32_t head = mention.end;
  for (uint32_t offset = mention.begin; offset < mention.end; ++offset) {
    const int32_t parent = words[offset].head;  // 1-based, 0 root
    if (parent <= static_cast<int32_t>(mention.begin) ||
        parent > static_cast<int32_t>(mention.end)) {
      head = offset;
      break;
    }
  }
  if (head == mention.end || words[head].upos != "PROPN") return {};
  auto propn = [&](uint32_t offset) { return words[offset].upos == "PROPN"; };
  uint32_t begin = head, end = head + 1;
  while (begin > mention.begin) {
    if (propn(begin - 1)) {
      --begin;
    } else if (begin - 1 > mention.begin && IsConnector(words[begin - 1]) && propn(begin - 2)) {
      begin -= 2;
    } else {
      break;
    }
  }
  while (end < mention.end) {
    if (propn(end)) {
      ++end;
    } else if (end + 1 < mention.end && IsConnector(words[end]) && propn(end + 1)) {
      end += 2;
    } else {
      break;
    }
  }
  return {begin, end, mention.type};
}

void AppendSentence(std::span<const treebank::Word> words, std::vector<Mention> mentions,
                    std::string& out) {
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return a.end - a.begin > b.end - b.begin;
  });
  std::vector<BioLabel> labels(words.size(), BioLabel::kO);
  for (const Mention& mention : mentions) {
    const Mention name = NameIn(mention, words);
    if (name.begin == name.end) continue;
    const bool free = std::all_of(labels.begin() + name.begin, labels.begin() + name.end,
                                  [](BioLabel label) { return label == BioLabel::kO; });
    if (!free) continue;
    for (uint32_t offset = name.begin; offset < name.end; ++offset) {
      labels[offset] = MakeLabel(name.type, offset == name.begin);
    }
  }
  for (size_t offset = 0; offset < words.size(); ++offset) {
    out += std::to_string(offset + 1);
    out += '\t';
    out += words[offset].form;
    out += '\t';
    out += LabelName(labels[offset]);
    out += '\n';
  }
  out += '\n';
}

}  // namespace

StatusOr<std::string> GumEntitiesToIob2(std::string conllu, std::string_view name) {
  KH_ASSIGN_OR_RETURN(treebank::Treebank bank, treebank::Treebank::Parse(std::move(conllu), name));
  std::string out;
  std::vector<Open> open;  // mentions may span sentences in principle; GUM's do not
  std::vector<Mention> mentions;
  for (const treebank::Sentence& sentence : bank.sentences()) {
    const std::span<const treebank::Word> words = bank.Words(sentence);
    if (words.empty()) continue;
    open.clear();
    mentions.clear();
    for (uint32_t offset = 0; offset < words.size(); ++offset) {
      ReadBrackets(EntityItem(words[offset].misc), offset, open, mentions);
    }
    AppendSentence(words, mentions, out);
  }
  return out;
}

StatusOr<Iob2Corpus> ReadGumEntities(const std::string& path) {
  KH_ASSIGN_OR_RETURN(std::string conllu, base::ReadFile(path, kMaxConlluBytes));
  KH_ASSIGN_OR_RETURN(std::string iob2, GumEntitiesToIob2(std::move(conllu), path));
  return ParseIob2(std::move(iob2), path);
}

}  // namespace khabar::ner
