#include "khabar/dict/dictionaries.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <system_error>
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

// A file to read: the path to open and the name shown in warnings and reports.
struct NamedFile {
  std::string path;
  std::string name;
};

std::vector<NamedFile> InDirectory(const std::string& dir, const std::vector<std::string>& names) {
  std::vector<NamedFile> files;
  for (const std::string& name : names) files.push_back({dir + "/" + name, name});
  return files;
}

// The overlay files of `dir` ending in `suffix`, named dir/name.
std::vector<NamedFile> OverlayFiles(const std::string& dir, std::string_view suffix) {
  std::vector<NamedFile> files;
  if (dir.empty()) return files;
  for (const std::string& name : ListOverlayFiles(dir, suffix)) {
    files.push_back({dir + "/" + name, dir + "/" + name});
  }
  return files;
}

Status ReadAll(const std::vector<NamedFile>& files, std::vector<std::string>* contents) {
  for (const NamedFile& file : files) {
    KH_ASSIGN_OR_RETURN(std::string bytes, ReadDictionaryFile(file.path));
    contents->push_back(std::move(bytes));
  }
  return Status();
}

size_t CountWarnings(const Warnings& warnings, size_t from, const std::string& file) {
  return static_cast<size_t>(std::count_if(warnings.begin() + static_cast<ptrdiff_t>(from),
                                           warnings.end(),
                                           [&](const Warning& warning) { return warning.file == file; }));
}

Status LoadActors(const std::vector<NamedFile>& base, const std::vector<NamedFile>& overlays,
                  Dictionaries* out) {
  std::vector<std::string> base_bytes, overlay_bytes;
  KH_RETURN_IF_ERROR(ReadAll(base, &base_bytes));
  KH_RETURN_IF_ERROR(ReadAll(overlays, &overlay_bytes));
  std::vector<DictionarySource> base_sources, overlay_sources;
  for (size_t index = 0; index < base.size(); ++index) {
    base_sources.push_back({base[index].name, base_bytes[index]});
  }
  for (size_t index = 0; index < overlays.size(); ++index) {
    overlay_sources.push_back({overlays[index].name, overlay_bytes[index]});
  }
  size_t warnings_before = out->warnings.size();
  out->actors = ActorDictionary::Parse(base_sources, overlay_sources, &out->warnings);
  for (size_t index = 0; index < base.size() + overlays.size(); ++index) {
    bool overlay = index >= base.size();
    const std::string& name = overlay ? overlays[index - base.size()].name : base[index].name;
    FileReport report;
    report.file = name;
    report.lines = CountLines(overlay ? overlay_bytes[index - base.size()] : base_bytes[index]);
    report.entries = out->actors.ActorCount(static_cast<uint32_t>(index));
    report.warnings = CountWarnings(out->warnings, warnings_before, name);
    report.summary = Count(report.entries, "actors");
    if (overlay && index + 1 == base.size() + overlays.size()) {
      report.summary += ", " + Count(out->actors.overridden_phrases(), "base phrases overridden");
    }
    out->reports.push_back(std::move(report));
  }
  return Status();
}

// Overlay files are named by their file name: events cite "khabar.verbs.txt:12", not a path.
std::vector<NamedFile> ByFileName(const std::vector<NamedFile>& overlays) {
  std::vector<NamedFile> files;
  for (const NamedFile& overlay : overlays) {
    files.push_back({overlay.path, std::filesystem::path(overlay.path).filename().string()});
  }
  return files;
}

// Parses files in the verb format as one dictionary (later files reopen the blocks of
// earlier ones) into *dictionary, with one report per file; entries_of(dictionary, index)
// counts a file's entries and summary_of(dictionary, index, entries) describes them.
template <typename EntriesOf, typename SummaryOf>
Status LoadVerbFormat(const std::vector<NamedFile>& files, VerbDictionary* dictionary, Dictionaries* out,
                      EntriesOf entries_of, SummaryOf summary_of) {
  std::vector<std::string> bytes;
  KH_RETURN_IF_ERROR(ReadAll(files, &bytes));
  std::vector<DictionarySource> sources;
  for (size_t index = 0; index < files.size(); ++index) sources.push_back({files[index].name, bytes[index]});
  size_t warnings_before = out->warnings.size();
  *dictionary = VerbDictionary::Parse(sources, &out->warnings);
  for (size_t index = 0; index < files.size(); ++index) {
    FileReport report;
    report.file = files[index].name;
    report.lines = CountLines(bytes[index]);
    report.warnings = CountWarnings(out->warnings, warnings_before, files[index].name);
    report.entries = entries_of(*dictionary, index);
    report.summary = summary_of(*dictionary, index, report.entries);
    out->reports.push_back(std::move(report));
  }
  return Status();
}

// CAMEO.2.0.txt, then the overlay verb files.
Status LoadVerbs(const std::string& dir, const std::string& name, const std::vector<NamedFile>& overlays,
                 Dictionaries* out) {
  std::vector<NamedFile> files = {{dir + "/" + name, name}};
  for (NamedFile& overlay : ByFileName(overlays)) files.push_back(std::move(overlay));
  return LoadVerbFormat(
      files, &out->verbs, out,
      [](const VerbDictionary& verbs, size_t index) {
        return static_cast<size_t>(std::count_if(verbs.patterns().begin(), verbs.patterns().end(),
                                                 [&](const Pattern& pattern) { return pattern.file == index; }));
      },
      [](const VerbDictionary& verbs, size_t index, size_t entries) {
        return index == 0 ? VerbSummary(verbs) : Count(entries, "patterns");
      });
}

// The event nouns: overlay files only, in the verb format.
Status LoadNouns(const std::vector<NamedFile>& overlays, Dictionaries* out) {
  return LoadVerbFormat(
      ByFileName(overlays), &out->nouns, out,
      [](const VerbDictionary& nouns, size_t index) {
        return static_cast<size_t>(std::count_if(nouns.verbs().begin(), nouns.verbs().end(),
                                                 [&](const Verb& noun) { return noun.file == index; }));
      },
      [](const VerbDictionary&, size_t, size_t entries) { return Count(entries, "event nouns"); });
}

// One file's part of a joined agent text: physical lines [first_line, first_line + lines).
struct Segment {
  std::string name;
  uint32_t first_line = 1;
  uint32_t lines = 0;
};

const Segment* SegmentOf(const std::vector<Segment>& segments, uint32_t line) {
  for (const Segment& segment : segments) {
    if (line >= segment.first_line && line < segment.first_line + segment.lines) return &segment;
  }
  return nullptr;
}

// Rewrites "from line N" (AgentDictionary's duplicate message) from the joined text's
// numbering to the file's own: "from line M", or "from FILE:M" in another file.
void RenameLineReference(const std::vector<Segment>& segments, Warning* warning) {
  constexpr std::string_view kFromLine = "from line ";
  size_t at = warning->message.find(kFromLine);
  if (at == std::string::npos) return;
  size_t digits = at + kFromLine.size();
  size_t end = digits;
  while (end < warning->message.size() && std::isdigit(static_cast<unsigned char>(warning->message[end]))) {
    ++end;
  }
  if (end == digits || end - digits > 9) return;
  auto line = static_cast<uint32_t>(std::stoul(warning->message.substr(digits, end - digits)));
  const Segment* segment = SegmentOf(segments, line);
  if (segment == nullptr) return;
  std::string local = std::to_string(line - (segment->first_line - 1));
  std::string reference = segment->name == warning->file ? std::string(kFromLine) + local
                                                         : "from " + segment->name + ":" + local;
  warning->message.replace(at, end - at, reference);
}

// Gives the warnings from `from` on the file and line of the segment they fall in.
void RenameWarnings(const std::vector<Segment>& segments, size_t from, Warnings* warnings) {
  for (size_t index = from; index < warnings->size(); ++index) {
    Warning& warning = (*warnings)[index];
    const Segment* segment = SegmentOf(segments, warning.line);
    if (segment == nullptr) continue;
    warning.file = segment->name;
    warning.line -= segment->first_line - 1;
    RenameLineReference(segments, &warning);
  }
}

// The overlay agent files and then the base file, parsed as one text so that the first
// definition of a phrase (an overlay's) wins.
Status LoadAgents(const std::vector<NamedFile>& files, Dictionaries* out) {
  std::vector<std::string> contents;
  KH_RETURN_IF_ERROR(ReadAll(files, &contents));
  std::string joined;
  std::vector<Segment> segments;
  uint32_t next_line = 1;
  for (size_t index = 0; index < files.size(); ++index) {
    std::string_view bytes = contents[index];
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    auto lines = static_cast<uint32_t>(CountLines(bytes));
    segments.push_back({files[index].name, next_line, lines});
    joined += bytes;
    if (!bytes.empty() && bytes.back() != '\n' && bytes.back() != '\r') joined += '\n';
    next_line += lines;
  }
  size_t warnings_before = out->warnings.size();
  out->agents = AgentDictionary::Parse(joined, files.back().name, &out->warnings);
  RenameWarnings(segments, warnings_before, &out->warnings);
  for (size_t index = 0; index < files.size(); ++index) {
    const Segment& segment = segments[index];
    FileReport report;
    report.file = segment.name;
    report.lines = CountLines(contents[index]);
    report.entries = static_cast<size_t>(std::count_if(
        out->agents.agents().begin(), out->agents.agents().end(), [&](const Agent& agent) {
          return agent.line >= segment.first_line && agent.line < segment.first_line + segment.lines;
        }));
    report.warnings = CountWarnings(out->warnings, warnings_before, segment.name);
    report.summary = Count(report.entries, "agents");
    if (index + 1 == files.size()) {
      report.summary += " (" + Count(out->agents.matcher().phrase_count(), "phrase forms in all)");
    }
    out->reports.push_back(std::move(report));
  }
  return Status();
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

DictionaryFiles DictionaryFiles::PhoenixWithOverlays() {
  DictionaryFiles files = Phoenix();
  files.overlay_dir = DefaultOverlayDir();
  return files;
}

std::string DefaultOverlayDir() {
  if (const char* env = std::getenv("KHABAR_OVERLAYS"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code error;
  if (std::filesystem::is_directory("dictionaries", error)) return "dictionaries";
#ifdef KH_SOURCE_ROOT
  std::string in_source = std::string(KH_SOURCE_ROOT) + "/dictionaries";
  if (std::filesystem::is_directory(in_source, error)) return in_source;
#endif
  return "dictionaries";
}

std::vector<std::string> ListOverlayFiles(const std::string& dir, std::string_view suffix) {
  std::vector<std::string> names;
  std::error_code error;
  std::filesystem::directory_iterator it(dir, error);
  for (; !error && it != std::filesystem::directory_iterator(); it.increment(error)) {
    std::string name = it->path().filename().string();
    if (name.size() > suffix.size() && name.ends_with(suffix) && !name.starts_with(".")) {
      names.push_back(std::move(name));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
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
  std::vector<NamedFile> overlay_actors, overlay_agents, overlay_verbs, overlay_nouns;
  if (!files.overlay_dir.empty()) {
    std::error_code error;
    if (!std::filesystem::is_directory(files.overlay_dir, error)) {
      out.warnings.push_back(
          {files.overlay_dir, 0, "overlay directory not found; no overlay dictionaries loaded"});
    }
    overlay_actors = OverlayFiles(files.overlay_dir, ".actors.txt");
    overlay_agents = OverlayFiles(files.overlay_dir, ".agents.txt");
    overlay_verbs = OverlayFiles(files.overlay_dir, ".verbs.txt");
    overlay_nouns = OverlayFiles(files.overlay_dir, ".nouns.txt");
  }
  if (!files.verbs.empty()) KH_RETURN_IF_ERROR(LoadVerbs(dir, files.verbs, overlay_verbs, &out));
  if (!overlay_nouns.empty()) KH_RETURN_IF_ERROR(LoadNouns(overlay_nouns, &out));
  if (!files.actors.empty() || !overlay_actors.empty()) {
    KH_RETURN_IF_ERROR(LoadActors(InDirectory(dir, files.actors), overlay_actors, &out));
  }
  std::vector<NamedFile> agents = overlay_agents;
  if (!files.agents.empty()) agents.push_back({dir + "/" + files.agents, files.agents});
  if (!agents.empty()) KH_RETURN_IF_ERROR(LoadAgents(agents, &out));
  if (!files.discards.empty()) KH_RETURN_IF_ERROR(LoadDiscards(dir, files.discards, &out));
  if (!files.issues.empty()) KH_RETURN_IF_ERROR(LoadIssues(dir, files.issues, &out));
  if (!files.ontology.empty()) KH_RETURN_IF_ERROR(LoadOntology(dir, files.ontology, &out));
  return out;
}

}  // namespace khabar::dict
