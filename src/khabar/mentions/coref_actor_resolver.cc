#include "khabar/mentions/coref_actor_resolver.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

#include "khabar/mentions/internal/find_mentions.h"

namespace khabar::mentions {
namespace {

constexpr size_t kCodePiece = 3;

bool HasActor(const std::vector<events::ResolvedActor>& resolved) {
  return std::any_of(resolved.begin(), resolved.end(),
                     [](const events::ResolvedActor& actor) { return !actor.base_code.empty(); });
}

bool Contains(std::span<const doc::WordIndex> words, doc::WordIndex word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// `antecedent` with the 3-letter agent codes of `agents_only` it lacks added after it.
events::ResolvedActor AddAgents(events::ResolvedActor antecedent,
                                const std::vector<events::ResolvedActor>& agents_only) {
  std::string added;
  for (const events::ResolvedActor& only : agents_only) {
    for (size_t at = 0; at + kCodePiece <= only.agents.size(); at += kCodePiece) {
      std::string_view piece = std::string_view(only.agents).substr(at, kCodePiece);
      if (antecedent.code.find(piece) == std::string::npos &&
          added.find(piece) == std::string::npos) {
        added += piece;
      }
    }
  }
  antecedent.code += added;
  antecedent.agents += added;
  return antecedent;
}

// A chain actor stands for a mention when the mention is linked, or names the actor itself.
const events::ResolvedActor* LinkedActor(const MentionChains& chains, MentionIndex mention) {
  if (mention == kNoMention) return nullptr;
  const events::ResolvedActor* actor = chains.ChainActor(mention);
  if (actor == nullptr || actor->base_code.empty()) return nullptr;
  return actor;
}

}  // namespace

std::vector<events::ResolvedActor> CorefActorResolver::Resolve(
    const doc::Document& document, const events::ArgumentWords& argument, dict::Date date) const {
  std::vector<events::ResolvedActor> resolved = base_->Resolve(document, argument, date);
  if (HasActor(resolved)) {
    AddTitleAgent(argument, document, resolved.front());
    return resolved;
  }
  std::optional<events::ResolvedActor> linked = FromChain(document, argument, resolved);
  if (!linked) return resolved;
  return {std::move(*linked)};
}

std::optional<events::ResolvedActor> CorefActorResolver::FromChain(
    const doc::Document& document, const events::ArgumentWords& argument,
    const std::vector<events::ResolvedActor>& agents_only) const {
  if (argument.head == doc::kNoHead) return std::nullopt;
  MentionIndex head = chains_->MentionAt(argument.head);
  if (head != kNoMention && chains_->mentions[head].head == argument.head) {
    const events::ResolvedActor* actor = LinkedActor(*chains_, head);
    if (actor == nullptr) return std::nullopt;
    bool country_only = actor->code.size() == kCodePiece;
    return country_only ? AddAgents(*actor, agents_only) : *actor;
  }
  if (agents_only.empty()) return std::nullopt;  // "his wife": no agent to compose with
  doc::WordIndex possessor =
      internal::ChildWith(document, argument.sentence, argument.head, "nmod:poss");
  if (possessor == doc::kNoHead || !Contains(argument.words, possessor)) return std::nullopt;
  const events::ResolvedActor* actor = LinkedActor(*chains_, chains_->MentionAt(possessor));
  if (actor == nullptr) return std::nullopt;
  return AddAgents(*actor, agents_only);
}

void CorefActorResolver::AddTitleAgent(const events::ArgumentWords& argument,
                                       const doc::Document& document,
                                       events::ResolvedActor& actor) const {
  MentionIndex index = chains_->MentionAt(argument.head);
  if (index == kNoMention) return;
  const Mention& mention = chains_->mentions[index];
  if (mention.title == doc::kNoHead || !Contains(argument.words, mention.title)) return;
  internal::ComposeTitle(mention.agent_code(), document.words.words[mention.title].span, actor);
}

Status AnnotateWithCoreference(const events::EventStage& stage, const doc::Document& document,
                               events::CodingContext context, doc::EventLayer& layer) {
  const events::ActorResolver& base =
      context.resolver != nullptr
          ? *context.resolver
          : static_cast<const events::ActorResolver&>(stage.dictionary_resolver());
  MentionChains chains = LinkMentions(document, base, context.date);
  CorefActorResolver resolver(base, chains);
  context.resolver = &resolver;
  return stage.Annotate(document, context, layer);
}

namespace {

// A CorefActorResolver that owns the chains it reads.
class DocumentCoreference final : public events::ActorResolver {
 public:
  DocumentCoreference(const doc::Document& document, const events::ActorResolver& base, dict::Date date)
      : chains_(LinkMentions(document, base, date)), resolver_(base, chains_) {}

  std::vector<events::ResolvedActor> Resolve(const doc::Document& document,
                                             const events::ArgumentWords& argument,
                                             dict::Date date) const override {
    return resolver_.Resolve(document, argument, date);
  }

 private:
  MentionChains chains_;
  CorefActorResolver resolver_;
};

class CoreferenceFactory final : public events::DocumentResolverFactory {
 public:
  std::unique_ptr<events::ActorResolver> ForDocument(const doc::Document& document,
                                                     const events::ActorResolver& base,
                                                     dict::Date date) const override {
    return std::make_unique<DocumentCoreference>(document, base, date);
  }
};

}  // namespace

const events::DocumentResolverFactory& CoreferenceResolution() {
  static const CoreferenceFactory factory;
  return factory;
}

}  // namespace khabar::mentions
