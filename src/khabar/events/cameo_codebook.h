// CameoCodebook: what Khabar knows about a CAMEO event code besides its text: its root,
// quad class, Goldstein weight and PLOVER event type.
//
//   KH_ASSIGN_OR_RETURN(std::string data, base::FindDataDir());
//   KH_ASSIGN_OR_RETURN(events::CameoCodebook codebook,
//                       events::CameoCodebook::Load(data + "/plover/CAMEO2PLOVER-2021.txt"));
//   codebook.Goldstein("190") == -10.0f;  codebook.QuadClass("190") == 4;
//   codebook.Plover("190") == "ASSAULT";
//
// The Goldstein weights are Khabar's own committed table (events/data/goldstein.tsv,
// compiled into the library); the PLOVER mapping is third-party data read at run time. A
// code missing from either table takes the value of its longest listed prefix ("0579" ->
// "057"), so the invented four-digit codes of the validation dictionaries still get a
// weight. See docs/formats/events.md.
//
// Thread-safety: immutable after loading; const methods may run from many threads.
#ifndef KHABAR_EVENTS_CAMEO_CODEBOOK_H_
#define KHABAR_EVENTS_CAMEO_CODEBOOK_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "khabar/base/status.h"

namespace khabar::events {

class CameoCodebook {
 public:
  // Goldstein weights only; Plover() is empty for every code.
  CameoCodebook();

  // Goldstein weights plus the PLOVER mapping in `plover_path` ("CODE: TYPE, ..." lines);
  // fails when the file cannot be read.
  static StatusOr<CameoCodebook> Load(const std::string& plover_path);
  // Parses the mapping's bytes (never fails; unreadable lines are skipped).
  static CameoCodebook FromPloverText(std::string_view bytes);

  // True for 2 to 4 ASCII digits. Dictionaries may use codes outside CAMEO's roots 01-20
  // (the validation set invents "212" and "1951"); they are coded, with quad class 0.
  static bool IsEventCode(std::string_view code);
  // "19" for "190". REQUIRES: IsEventCode(code).
  static std::string Root(std::string_view code);
  // 1..4 from the root (01-05, 06-08, 09-13, 14-20); 0 for other codes.
  static int QuadClass(std::string_view code);
  // The CAMEO 1.1b3 manual's name of a root, "19" -> "FIGHT"; empty for other codes.
  static std::string_view RootName(std::string_view root);

  float Goldstein(std::string_view code) const;
  std::string Plover(std::string_view code) const;

  size_t goldstein_size() const { return goldstein_.size(); }
  size_t plover_size() const { return plover_.size(); }

 private:
  std::unordered_map<std::string, float> goldstein_;
  std::unordered_map<std::string, std::string> plover_;
};

}  // namespace khabar::events

#endif  // KHABAR_EVENTS_CAMEO_CODEBOOK_H_
