# Accuracy floors for the tagger, lemmatizer and parser (run by ctest as eval.ud_floor; see
# CMakeLists.txt). Takes the set-up's models from KHABAR_MODELS, else trains the tagger and
# the parser into the build tree with the same command and defaults as the set-up
# (`khabar train tagger`, `khabar train parser`), then scores `khabar eval ud` on UD EWT test from gold tokens and from raw text, and fails if a
# score falls below its floor. Skips when the data is missing.
# Inputs: KHABAR (executable), MODELS (output directory), DATA (data directory), and the
# floors GOLD_UPOS, GOLD_LEMMA, GOLD_UAS, GOLD_LAS, RAW_UPOS, RAW_LAS.
if(DEFINED ENV{KHABAR_DATA} AND NOT "$ENV{KHABAR_DATA}" STREQUAL "")
  set(DATA "$ENV{KHABAR_DATA}")
endif()
set(gold "${DATA}/ud/en_ewt/en_ewt-ud-test.conllu")
if(NOT EXISTS "${gold}" OR NOT EXISTS "${DATA}/ud/en_ewt/en_ewt-ud-train.conllu")
  message("KHABAR_SKIP: UD data not found under ${DATA}")
  return()
endif()

function(run_khabar)
  execute_process(COMMAND "${KHABAR}" ${ARGN}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE error)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "khabar ${ARGN} failed (${result}): ${error}")
  endif()
  set(khabar_output "${output}" PARENT_SCOPE)
endfunction()

# The set-up's models when KHABAR_MODELS holds them (tools/test.sh trains them with these very
# commands in a fresh clone, so training them again here would only repeat its work);
# otherwise trained here.
if(DEFINED ENV{KHABAR_MODELS} AND EXISTS "$ENV{KHABAR_MODELS}/tokenizer-en.khm" AND
   EXISTS "$ENV{KHABAR_MODELS}/tagger-en.khm" AND EXISTS "$ENV{KHABAR_MODELS}/parser-en.khm")
  set(MODELS "$ENV{KHABAR_MODELS}")
  message("scoring the set-up's models in ${MODELS}")
else()
  file(MAKE_DIRECTORY "${MODELS}")
  run_khabar(train tokenizer -o "${MODELS}/tokenizer-en.khm")
  run_khabar(train tagger -o "${MODELS}/tagger-en.khm")
  message("${khabar_output}")
  run_khabar(train parser --tagger "${MODELS}/tagger-en.khm" -o "${MODELS}/parser-en.khm")
  message("${khabar_output}")
endif()
set(models --tokenizer-model "${MODELS}/tokenizer-en.khm" --tagger-model "${MODELS}/tagger-en.khm"
    --parser-model "${MODELS}/parser-en.khm")

# Compares hundredths, since CMake compares numbers as integers only.
function(check_floor scores key floor label)
  string(JSON value GET "${scores}" ${key})
  foreach(name value floor)
    string(REGEX REPLACE "^([0-9]+)\\.([0-9])$" "\\1.\\20" x "${${name}}")
    string(REGEX REPLACE "^([0-9]+)$" "\\1.00" x "${x}")
    string(REGEX REPLACE "^([0-9]+)\\.([0-9][0-9]).*$" "\\1\\2" x "${x}")
    set(${name}_x100 "${x}")
  endforeach()
  if(value_x100 LESS floor_x100)
    message(SEND_ERROR "${label} ${key} ${value} is below the floor ${floor}")
  endif()
endfunction()

run_khabar(eval ud --gold "${gold}" --gold-tokens --json ${models})
set(gold_tokens "${khabar_output}")
message("EWT test, gold tokens: ${gold_tokens}")
check_floor("${gold_tokens}" upos ${GOLD_UPOS} "gold tokens")
check_floor("${gold_tokens}" lemma ${GOLD_LEMMA} "gold tokens")
check_floor("${gold_tokens}" uas ${GOLD_UAS} "gold tokens")
check_floor("${gold_tokens}" las ${GOLD_LAS} "gold tokens")

run_khabar(eval ud --gold "${gold}" --json ${models})
set(raw_text "${khabar_output}")
message("EWT test, raw text: ${raw_text}")
check_floor("${raw_text}" upos ${RAW_UPOS} "raw text")
check_floor("${raw_text}" las ${RAW_LAS} "raw text")
