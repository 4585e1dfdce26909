# Store benchmarks (khabar::store).
khabar_benchmark(store_benchmark
  SRCS ${CMAKE_CURRENT_LIST_DIR}/store_benchmark.cc
  DEPS khabar::store)
