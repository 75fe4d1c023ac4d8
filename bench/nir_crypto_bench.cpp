// bench/nir_crypto_bench: CPU cost of the NIR at rest per dossier of an import — the keyed
// lookup hash, the sealing (first snapshot or a changed NIR) and the opening (a previous
// snapshot read) — for N NIRs, next to the cost of building the NIR strings alone (baseline,
// same run). CPU time (clock()), not wall time: the machine may be shared.
//   build-rel/nir_crypto_bench [N]
#include <cstdio>
#include <ctime>
#include <string>

#include "security/nir_keys.hpp"

int main(int argc, char** argv) {
  const long n = argc > 1 ? std::stol(argv[1]) : 200000;
  binome::security::NirKeys::Key k{};
  for (std::size_t i = 0; i < k.size(); ++i) k[i] = static_cast<unsigned char>(i * 7 + 1);
  const binome::security::NirKeys keys(k);
  std::size_t sink = 0;
  auto cpu = [] { return double(std::clock()) / CLOCKS_PER_SEC; };
  auto nir = [](long i) { return std::to_string(1850762000000LL + i); };
  const double t0 = cpu();
  for (long i = 0; i < n; ++i) sink += nir(i).size();
  const double t1 = cpu();
  for (long i = 0; i < n; ++i) sink += keys.lookup_hash(nir(i)).size();
  const double t2 = cpu();
  for (long i = 0; i < n; ++i) sink += keys.seal(nir(i), i).size();
  const double t3 = cpu();
  const std::string sealed = keys.seal(nir(0), 1);
  for (long i = 0; i < n; ++i) sink += keys.open(sealed, 1)->size();
  const double t4 = cpu();
  const double base = t1 - t0;
  std::printf(
      "%ld NIR, s CPU : chaînes seules %.3f ; empreinte %.3f ; chiffrement %.3f ; "
      "déchiffrement %.3f (µs par NIR, chaînes déduites : %.2f / %.2f / %.2f) [%zu]\n",
      n, base, t2 - t1, t3 - t2, t4 - t3, (t2 - t1 - base) * 1e6 / double(n),
      (t3 - t2 - base) * 1e6 / double(n), (t4 - t3) * 1e6 / double(n), sink);
  return 0;
}
