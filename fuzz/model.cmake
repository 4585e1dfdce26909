# Fuzz targets of khabar::model; corpus in fuzz/corpus/model_loader (regenerate the seeds
# with KH_UPDATE_CORPUS=1 model_test --gtest_filter=*SeedCorpus*).
khabar_fuzzer(model_loader_fuzzer
  SRCS ${PROJECT_SOURCE_DIR}/fuzz/model_loader_fuzzer.cc
  DEPS khabar::model
  CORPUS model_loader)
