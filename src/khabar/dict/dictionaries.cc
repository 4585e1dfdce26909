#include "khabar/dict/dictionaries.h"

#include <algorithm>
#include <utility>

namespace khabar::dict {
namespace {

size_t CountLines(std::string_view bytes) {
  if (bytes.empty()) return 0;
  size_t newlines = static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
  if (newlines == 0) newlines = static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\r'));
  return newlines + (bytes.back() == '\n' || bytes.back() == '\r' ? 0 : 1);
}

std::string Count(size_t count, const char* what) { return std::to_string(count) + " " + what; }

// Reads one file, parses it with `parse(bytes)` and records a FileReport.
template <typename ParseFn>
Status LoadOne(const std::string& dir, const std::string& name, Dictionaries* out, ParseFn parse) {
  KH_ASSIGN_OR_RETURN(std::string bytes, ReadDictionaryFile(dir + "/" + name));
  size_t warnings_before = out->warnings.size();
  FileReport report;
  report.file = name;
  report.lines = CountLines(bytes);
  parse(bytes, &report);
  report.warnings = out->warnings.size() - warnings_before;
  out->reports.push_back(std::move(report));
  return Status();
}

std::string VerbSummary(const VerbDictionary& verbs) {
  return Count(verbs.blocks().size(), "blocks, ") + Count(verbs.verbs().size(), "verbs (") +
         Count(verbs.forms().size(), "forms), ") + Count(verbs.patterns().size(), "patterns, ") +
         Count(verbs.synsets().size(), "synsets, ") +
         Count(verbs.transformations().size(), "transformations");
}

Status LoadActors(const std::string& dir, const std::vector<std::string>& names,
                  Dictionaries* out) {
  std::vector<std::string> contents;
  std::vector<DictionarySource> sources;
  for (const std::string& name : names) {
    KH_ASSIGN_OR_RETURN(std::string bytes, ReadDictionaryFile(dir + "/" + name));
    contents.push_back(std::move(bytes));
  }
  for (size_t index = 0; index < names.size(); ++index) {
    sources.push_back({names[index], contents[index]});
  }
  out->actors = ActorDictionary::Parse(sources, &out->warnings);
  for (size_t index = 0; index < names.size(); ++index) {
    FileReport report;
    report.file = names[index];
    report.lines = CountLines(contents[index]);
    report.entries = out->actors.ActorCount(static_cast<uint32_t>(index));
    report.warnings = static_cast<size_t>(
        std::count_if(out->warnings.begin(), out->warnings.end(),
                      [&](const Warning& warning) { return warning.file == names[index]; }));
    report.summary = Count(report.entries, "actors");
    out->reports.push_back(std::move(report));
  }
  return Status();
}

Status LoadVerbs(const std::string& dir, const std::string& name, Dictionaries* out) {
  return LoadOne(dir, name, out, [&](std::string_view bytes, FileReport* report) {
    out->verbs = VerbDictionary::Parse(bytes, name, &out->warnings);
    report->entries = out->verbs.patterns().size();
    report->summary = VerbSummary(out->verbs);
  });
}

Status LoadAgents(const std::string& dir, const std::string& name, Dictionaries* out) {
  return LoadOne(dir, name, out, [&](std::string_view bytes, FileReport* report) {
    out->agents = AgentDictionary::Parse(bytes, name, &out->warnings);
    report->entries = out->agents.agents().size();
    report->summary = Count(report->entries, "agents (") +
                      Count(out->agents.matcher().phrase_count(), "phrase forms)");
  });
}

Status LoadDiscards(const std::string& dir, const std::string& name, Dictionaries* out) {
  return LoadOne(dir, name, out, [&](std::string_view bytes, FileReport* report) {
    out->discards = DiscardList::Parse(bytes, name, &out->warnings);
    report->entries = out->discards.discards().size();
    report->summary = Count(report->entries, "discards");
  });
}

Status LoadIssues(const std::string& dir, const std::string& name, Dictionaries* out) {
  return LoadOne(dir, name, out, [&](std::string_view bytes, FileReport* report) {
    out->issues = IssueList::Parse(bytes, name, &out->warnings);
    report->entries = out->issues.issues().size();
    report->summary = Count(report->entries, "issue lines (") +
                      Count(out->issues.matcher().phrase_count(), "phrase forms)");
  });
}

Status LoadOntology(const std::string& dir, const std::string& name, Dictionaries* out) {
  return LoadOne(dir, name, out, [&](std::string_view bytes, FileReport* report) {
    out->ontology = CodingOntology::Parse(bytes, name, &out->warnings);
    report->entries = out->ontology.entries().size();
    report->summary = Count(report->entries, "codes");
  });
}

}  // namespace

DictionaryFiles DictionaryFiles::Phoenix() {
  DictionaryFiles files;
  files.verbs = "CAMEO.2.0.txt";
  files.actors = {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                  "Phoenix.MilNonState.actors.txt"};
  files.agents = "Phoenix.agents.txt";
  files.discards = "Phoenix.discards.txt";
  files.issues = "Phoenix.IssueCoding.txt";
  files.ontology = "PETR.Internal.Coding.Ontology.txt";
  return files;
}

DictionaryFiles DictionaryFiles::Validate() {
  DictionaryFiles files;
  files.verbs = "validate/PETR_Validate_verbs_2_02.txt";
  files.actors = {"validate/PETR_Validate_actors_2_02.txt"};
  files.agents = "validate/PETR_Validate_agents_2_02.txt";
  files.discards = "validate/PETR_Validate_discards_2_02.txt";
  files.ontology = "validate/PETR_Validate_Internal_Coding_Ontology_1_01.txt";
  return files;
}

StatusOr<Dictionaries> LoadDictionaries(const std::string& dir, const DictionaryFiles& files) {
  Dictionaries out;
  if (!files.verbs.empty()) KH_RETURN_IF_ERROR(LoadVerbs(dir, files.verbs, &out));
  if (!files.actors.empty()) KH_RETURN_IF_ERROR(LoadActors(dir, files.actors, &out));
  if (!files.agents.empty()) KH_RETURN_IF_ERROR(LoadAgents(dir, files.agents, &out));
  if (!files.discards.empty()) KH_RETURN_IF_ERROR(LoadDiscards(dir, files.discards, &out));
  if (!files.issues.empty()) KH_RETURN_IF_ERROR(LoadIssues(dir, files.issues, &out));
  if (!files.ontology.empty()) KH_RETURN_IF_ERROR(LoadOntology(dir, files.ontology, &out));
  return out;
}

}  // namespace khabar::dict
