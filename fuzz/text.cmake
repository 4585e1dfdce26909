# Text stage fuzz targets.
khabar_fuzzer(tokenizer_fuzzer
  SRCS ${PROJECT_SOURCE_DIR}/fuzz/tokenizer_fuzzer.cc
  DEPS khabar::text
  CORPUS tokenizer)
