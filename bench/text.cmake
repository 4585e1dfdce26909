# Text stage micro benchmarks (normaliser, tokenizer, whole stage).
khabar_benchmark(text_benchmark
  SRCS ${CMAKE_CURRENT_SOURCE_DIR}/text_benchmark.cc
  DEPS khabar::text)
