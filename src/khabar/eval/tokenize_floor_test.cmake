# Accuracy floor for the text stage (run by ctest as eval.tokenize_floor; see CMakeLists.txt).
# Trains the tokenizer model into the build tree, evaluates it on UD EWT test, and fails if
# token or sentence F1 falls below the committed floors. Skips when the data is missing.
# Inputs: KHABAR (executable), MODEL (output path), DATA (data directory), TOKENS_FLOOR,
# SENTENCES_FLOOR.
if(DEFINED ENV{KHABAR_DATA} AND NOT "$ENV{KHABAR_DATA}" STREQUAL "")
  set(DATA "$ENV{KHABAR_DATA}")
endif()
set(gold "${DATA}/ud/en_ewt/en_ewt-ud-test.conllu")
set(train_ewt "${DATA}/ud/en_ewt/en_ewt-ud-train.conllu")
if(NOT EXISTS "${gold}" OR NOT EXISTS "${train_ewt}")
  message("KHABAR_SKIP: UD data not found under ${DATA}")
  return()
endif()

execute_process(
  COMMAND "${KHABAR}" train tokenizer -o "${MODEL}"
  RESULT_VARIABLE train_result OUTPUT_VARIABLE train_output ERROR_VARIABLE train_error)
if(NOT train_result EQUAL 0)
  message(FATAL_ERROR "khabar train tokenizer failed (${train_result}): ${train_error}")
endif()
message("${train_output}")

execute_process(
  COMMAND "${KHABAR}" eval tokenize --gold "${gold}" --model "${MODEL}" --json
  RESULT_VARIABLE eval_result OUTPUT_VARIABLE scores ERROR_VARIABLE eval_error)
if(NOT eval_result EQUAL 0)
  message(FATAL_ERROR "khabar eval tokenize failed (${eval_result}): ${eval_error}")
endif()
message("EWT test: ${scores}")

string(JSON tokens_f1 GET "${scores}" tokens_f1)
string(JSON sentences_f1 GET "${scores}" sentences_f1)
# CMake compares numbers as integers only: compare hundredths.
foreach(name tokens_f1 sentences_f1 TOKENS_FLOOR SENTENCES_FLOOR)
  string(REGEX REPLACE "^([0-9]+)\\.([0-9])$" "\\1.\\20" value "${${name}}")
  string(REGEX REPLACE "^([0-9]+)$" "\\1.00" value "${value}")
  string(REGEX REPLACE "^([0-9]+)\\.([0-9][0-9]).*$" "\\1\\2" value "${value}")
  set(${name}_x100 "${value}")
endforeach()
if(tokens_f1_x100 LESS TOKENS_FLOOR_x100)
  message(FATAL_ERROR "tokens F1 ${tokens_f1} is below the floor ${TOKENS_FLOOR}")
endif()
if(sentences_f1_x100 LESS SENTENCES_FLOOR_x100)
  message(FATAL_ERROR "sentences F1 ${sentences_f1} is below the floor ${SENTENCES_FLOOR}")
endif()
