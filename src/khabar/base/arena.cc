#include "khabar/base/arena.h"

#include <cstdint>

#include "khabar/base/check.h"

namespace khabar::base {

char* Arena::Allocate(size_t bytes, size_t alignment) {
  KH_DCHECK((alignment & (alignment - 1)) == 0);
  size_t misalignment = reinterpret_cast<uintptr_t>(cursor_) & (alignment - 1);
  size_t padding = misalignment == 0 ? 0 : alignment - misalignment;
  if (cursor_ != nullptr && bytes + padding <= remaining_) {
    char* result = cursor_ + padding;
    cursor_ += bytes + padding;
    remaining_ -= bytes + padding;
    return result;
  }
  if (bytes > kBlockSize / 4) return AllocateNewBlock(bytes);  // keep big ones out of the stream
  cursor_ = AllocateNewBlock(kBlockSize);
  remaining_ = kBlockSize;
  char* result = cursor_;
  cursor_ += bytes;
  remaining_ -= bytes;
  return result;
}

char* Arena::AllocateNewBlock(size_t bytes) {
  blocks_.push_back(std::make_unique<char[]>(bytes));
  memory_usage_ += bytes;
  return blocks_.back().get();
}

void Arena::Reset() {
  if (blocks_.empty()) return;
  std::unique_ptr<char[]> first = std::move(blocks_.front());
  blocks_.clear();
  blocks_.push_back(std::move(first));
  cursor_ = blocks_.front().get();
  remaining_ = kBlockSize;
  memory_usage_ = kBlockSize;
}

}  // namespace khabar::base
