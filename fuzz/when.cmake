# When stage fuzz targets.
khabar_fuzzer(temporal_expression_fuzzer
  SRCS ${PROJECT_SOURCE_DIR}/fuzz/temporal_expression_fuzzer.cc
  DEPS khabar::when_eval
  CORPUS temporal_expression)
