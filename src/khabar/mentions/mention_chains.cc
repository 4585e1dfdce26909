#include "khabar/mentions/mention_chains.h"

#include "khabar/mentions/internal/antecedents.h"
#include "khabar/mentions/internal/find_mentions.h"

namespace khabar::mentions {
namespace {

void Claim(std::vector<MentionIndex>& by_word, doc::WordIndex word, MentionIndex mention) {
  if (word < by_word.size() && by_word[word] == kNoMention) by_word[word] = mention;
}

}  // namespace

const events::ResolvedActor* MentionChains::ChainActor(MentionIndex mention) const {
  return internal::ChainActorIn(mentions, mention);
}

MentionChains LinkMentions(const doc::Document& document, const events::ActorResolver& base,
                           dict::Date date) {
  MentionChains chains;
  if (!document.words.parsed()) return chains;
  chains.mentions = internal::FindMentions(document, base, date);
  internal::LinkAntecedents(document, chains.mentions);
  chains.by_word.assign(document.words.words.size(), kNoMention);
  for (MentionIndex index = 0; index < chains.mentions.size(); ++index) {
    const Mention& mention = chains.mentions[index];
    for (doc::WordIndex word = mention.word_begin; word < mention.word_end; ++word)
      Claim(chains.by_word, word, index);
    Claim(chains.by_word, mention.title, index);
    Claim(chains.by_word, mention.nationality, index);
  }
  return chains;
}

}  // namespace khabar::mentions
