// Assertions for programmer errors only; never reachable from user input.
//   KH_CHECK(cond)  always on, for invariants whose violation would corrupt stored data.
//   KH_DCHECK(cond) debug builds only.
#ifndef KHABAR_BASE_CHECK_H_
#define KHABAR_BASE_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define KH_CHECK(cond)                                                                  \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: KH_CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)

#ifdef NDEBUG
#define KH_DCHECK(cond) \
  do {                  \
  } while (false && (cond))
#else
#define KH_DCHECK(cond) KH_CHECK(cond)
#endif

#endif  // KHABAR_BASE_CHECK_H_
