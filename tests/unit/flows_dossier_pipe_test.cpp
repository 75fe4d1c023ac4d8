// The import's reader thread hands dossiers to the writer through a bounded pipe: every
// dossier arrives once and in order, the reader waits when the writer lags (bounded memory),
// and a writer that gives up (a refused file, a failure) releases a reader waiting for room.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "flows/dossier_pipe.hpp"

namespace binome::flows {
namespace {

TEST(DossierPipe, EveryDossierArrivesOnceInOrderWithBoundedBatchesInFlight) {
  DossierPipe pipe(2, 4);
  std::atomic<int> pushed_batches{0};
  std::thread reader([&] {
    auto batch = pipe.fresh();
    for (int i = 0; i < 1000; ++i) {
      batch->next().values.text[0] = std::to_string(i);
      if (batch->size == pipe.batch_size()) {
        ASSERT_TRUE(pipe.push(std::move(batch)));
        ++pushed_batches;
        batch = pipe.fresh();
      }
    }
    pipe.close();
  });
  // The writer has not taken anything yet: the reader cannot go past the pipe's capacity.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_LE(pushed_batches.load(), 2);
  int expected = 0;
  while (auto batch = pipe.pop()) {
    for (std::size_t i = 0; i < batch->size; ++i)
      EXPECT_EQ(batch->dossiers[i].values.text[0], std::to_string(expected++));
    pipe.recycle(std::move(batch));
  }
  reader.join();
  EXPECT_EQ(expected, 1000);
}

TEST(DossierPipe, AWriterThatGivesUpReleasesTheReader) {
  DossierPipe pipe(1, 1);
  std::atomic<bool> refused{false};
  std::thread reader([&] {
    for (int i = 0; i < 100; ++i) {
      auto batch = pipe.fresh();
      batch->next();
      if (!pipe.push(std::move(batch))) {
        refused = true;
        break;
      }
    }
    pipe.close();
  });
  auto first = pipe.pop();
  ASSERT_TRUE(first);
  pipe.cancel();  // the reader is waiting for room, or about to
  reader.join();
  EXPECT_TRUE(refused.load());
  EXPECT_TRUE(pipe.cancelled());
  EXPECT_FALSE(pipe.pop()) << "nothing left once cancelled and closed";
}

}  // namespace
}  // namespace binome::flows
