# binome — the two commands of the README, and a few more for developers.
.PHONY: run test build build-test web bench fuzz format clean

JOBS ?= $(shell nproc)

run: ## install, build, create the database, load the demo, serve on http://127.0.0.1:8080
	scripts/install-deps
	cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBINOME_TESTS=OFF
	cmake --build build -j$(JOBS)
	cd web && npm run build --silent
	./build/binome migrate --db sqlite:var/binome.db
	./build/binome demo --db sqlite:var/binome.db --nir-key-file var/nir.key
	@echo "binome : interface sur http://127.0.0.1:8080 (Ctrl-C pour arrêter)"
	./build/binome serve --db sqlite:var/binome.db --listen 127.0.0.1:8080 --web-root web/dist \
	  --nir-key-file var/nir.key

test: ## install, build with sanitizers and -Werror, run every test (unit, SQLite, PostgreSQL, browser)
	scripts/install-deps
	scripts/run-tests

build:
	cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBINOME_TESTS=OFF
	cmake --build build -j$(JOBS)

web:
	cd web && npm run build --silent

fuzz: ## libFuzzer targets, 10 minutes each (make test runs them 20 s)
	scripts/install-deps
	scripts/fuzz $${FUZZ_SECONDS:-600}

bench: ## benchmarks (not part of make test)
	scripts/install-deps
	bench/run-all

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf build build-test web/dist
