// Arena: bump allocator for variable-size per-document annotations (leveldb's Arena).
//
//   base::Arena arena;
//   char* buffer = arena.Allocate(64);
//   arena.Reset();  // keeps the first block, frees the rest
//
// Thread-compatible: one arena per document or per worker; not shared.
#ifndef KHABAR_BASE_ARENA_H_
#define KHABAR_BASE_ARENA_H_

#include <cstddef>
#include <memory>
#include <vector>

namespace khabar::base {

class Arena {
 public:
  static constexpr size_t kBlockSize = 16 * 1024;

  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  Arena(Arena&&) noexcept = default;
  Arena& operator=(Arena&&) noexcept = default;

  // Returns `bytes` of storage aligned to `alignment`, valid until Reset().
  // REQUIRES: alignment is a power of two no larger than alignof(std::max_align_t).
  char* Allocate(size_t bytes, size_t alignment = alignof(std::max_align_t));

  // Typed helper: uninitialised storage for `count` objects of trivially destructible T.
  template <typename T>
  T* AllocateArray(size_t count) {
    return reinterpret_cast<T*>(Allocate(count * sizeof(T), alignof(T)));
  }

  // Forgets every allocation; keeps one block for reuse.
  void Reset();

  size_t MemoryUsage() const { return memory_usage_; }

 private:
  char* AllocateNewBlock(size_t bytes);

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cursor_ = nullptr;
  size_t remaining_ = 0;
  size_t memory_usage_ = 0;
};

}  // namespace khabar::base

#endif  // KHABAR_BASE_ARENA_H_
