// Hands the dossiers a reader thread parses and validates to the thread that writes them to the
// database (the import), in batches through a bounded queue: the parse and the writes run on
// two cores at once, and memory stays bounded (at most `capacity` batches in flight). Batches
// are recycled, so their strings keep their capacity from one batch to the next.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "flows/fields.hpp"
#include "flows/schema.hpp"

namespace binome::flows {

struct ParsedDossier {
  Values values;
  bool valid = false;
  std::optional<std::string> nir_key;  // the NIR's lookup key, computed on the reader thread
};

struct DossierBatch {
  // Set on the batch that carries the header (the first one): the flow and its header.
  std::optional<Flow> header_flow;
  Values header;
  bool header_ok = false;
  std::size_t diagnostics_before = 0;  // diagnostics reported up to the header
  std::vector<ParsedDossier> dossiers;
  std::size_t size = 0;  // dossiers[0 .. size) are this batch's; the rest are spare

  ParsedDossier& next() {
    if (size == dossiers.size()) dossiers.emplace_back();
    return dossiers[size++];
  }
};

class DossierPipe {
 public:
  explicit DossierPipe(std::size_t capacity = 8, std::size_t batch_size = 512)
      : capacity_(capacity), batch_size_(batch_size) {}

  std::size_t batch_size() const { return batch_size_; }

  // Reader side: an empty batch (a recycled one when there is).
  std::unique_ptr<DossierBatch> fresh() {
    std::lock_guard lock(mutex_);
    if (spare_.empty()) return std::make_unique<DossierBatch>();
    auto b = std::move(spare_.back());
    spare_.pop_back();
    return b;
  }
  // Reader side: waits for room; false when the writer gave up (cancel), the batch dropped.
  bool push(std::unique_ptr<DossierBatch> batch) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return cancelled_ || full_.size() < capacity_; });
    if (cancelled_) return false;
    full_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }
  // Reader side: nothing more will come.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_all();
  }
  bool cancelled() const {
    std::lock_guard lock(mutex_);
    return cancelled_;
  }

  // Writer side: the next batch, or nullptr once the reader closed the pipe and all was taken.
  std::unique_ptr<DossierBatch> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return closed_ || !full_.empty(); });
    if (full_.empty()) return nullptr;
    auto b = std::move(full_.front());
    full_.pop_front();
    room_.notify_one();
    return b;
  }
  // Writer side: a batch dealt with, for reuse.
  void recycle(std::unique_ptr<DossierBatch> batch) {
    batch->header_flow.reset();
    batch->size = 0;
    std::lock_guard lock(mutex_);
    spare_.push_back(std::move(batch));
  }
  // Writer side: stop the reader (the file is refused, or the writer failed).
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    full_.clear();
    room_.notify_all();
  }

 private:
  const std::size_t capacity_, batch_size_;
  mutable std::mutex mutex_;
  std::condition_variable room_, ready_;
  std::deque<std::unique_ptr<DossierBatch>> full_;
  std::vector<std::unique_ptr<DossierBatch>> spare_;
  bool closed_ = false, cancelled_ = false;
};

}  // namespace binome::flows
