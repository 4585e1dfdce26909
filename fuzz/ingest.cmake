# Fuzz targets for the ingest readers (khabar::ingest). Each reads bytes in memory through
# Ingestor::ReadBytes with a fixed format and checks the Document invariants
# (src/khabar/ingest/internal/fuzz_check.h). Seed corpora: fuzz/corpus/<target name>/.
foreach(reader text jsonl html feed sidecar)
  khabar_fuzzer(${reader}_reader_fuzzer
    SRCS ${PROJECT_SOURCE_DIR}/fuzz/${reader}_reader_fuzzer.cc
    DEPS khabar::ingest
    CORPUS ${reader}_reader)
endforeach()
