# Unload: every developer and CI entry point. `make run` and `make test` work on a fresh Debian 12
# machine: both install what is missing first (as root, or through sudo).

SHELL := /bin/bash
.DEFAULT_GOAL := run

# Exact Debian 12 packages the build, tests, benchmarks and fuzzers need.
DEB_PACKAGES := build-essential cmake ninja-build pkg-config ccache python3 \
	libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libfmt-dev libsoci-dev libsqlite3-dev libsodium-dev libssl-dev openssl \
	libgtest-dev libgmock-dev libbenchmark-dev tmux sqlite3 \
	libboost-dev libspdlog-dev libjemalloc-dev wrk nginx-light curl chromium \
	clang-format clang-tidy clang-16 libclang-rt-16-dev
# Boost is header-only here (Beast and Asio); wrk and nginx are for `make bench` (bench/http/).
# Node.js and npm come with the machine; `make deps` installs the npm packages from their lockfiles
# (web/ for the web app, scripts/openapi/ for the API linter). Chromium runs the browser tests.
# clang-16 builds the libFuzzer targets. libstdc++ 12 shows <expected> only when __cpp_concepts is
# 202002, which clang 16 implements (P0848) but does not report, so the fuzz preset raises it.

SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
# CI builds the sanitizer preset with warnings as errors; locally the same build without -Werror.
TEST_PRESET := $(if $(CI),ci,debug)
TEST_DIR := build-$(TEST_PRESET)
JOBS ?= $(shell nproc)
PREFIX ?= /usr/local
PORT ?= 8080
SHARED := $(abspath ../shared)
CXX_SOURCES = $(shell git ls-files --cached --others --exclude-standard -- 'src/*.[ch]pp' 'apps/*.[ch]pp' 'tests/*.[ch]pp' 'bench/*.cpp' 'fuzz/*.cpp' 2>/dev/null)

.PHONY: deps build web run test format format-check lint bench fuzz install clean

deps: ## Install the missing Debian packages (nothing when all are there)
	@missing=$$(for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@$(MAKE) --no-print-directory scripts/openapi/node_modules/.package-lock.json web/node_modules/.package-lock.json

# npm ci rewrites this file, so it is older than the lockfile exactly when the packages are stale.
%/node_modules/.package-lock.json: %/package-lock.json
	npm ci --prefix $* --no-audit --no-fund --loglevel=error

build: deps web ## Release build: build/unload and the web app in web/dist
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

web: deps ## The web app only: type-check and bundle web/ into web/dist (served by `unload serve`)
	npm --prefix web run --silent build

run: build ## Build, then start `unload serve` on 127.0.0.1:8080 (SQLite, simulated table); Ctrl-C stops it
	@echo "Starting Unload: open the URL below in a browser, or try"
	@echo "  curl http://127.0.0.1:$(PORT)/api/v1/exercises"
	@echo "  curl -H 'Content-Type: application/json' --data @examples/desk-worker.json http://127.0.0.1:$(PORT)/api/v1/plan"
	build/unload serve --listen 127.0.0.1:$(PORT)

test: deps web ## Build with ASan+UBSan and run every test (C++, web unit, browser), the layer rule, formatting and the seed-copy check
	cmake --preset $(TEST_PRESET) -DUNLOAD_BENCH=OFF >/dev/null
	cmake --build --preset $(TEST_PRESET) -j $(JOBS)
	scripts/check_layers.sh
	$(MAKE) --no-print-directory format-check
	@if [ -x "$(SHARED)/tools/seedcopy" ]; then \
		echo "seedcopy: checking for sentences copied from the sources"; \
		"$(SHARED)/tools/seedcopy" content docs README.md examples web/src; fi
	scripts/openapi/check.sh $(TEST_DIR)/openapi.json
	ctest --test-dir $(TEST_DIR) -j $(JOBS) --output-on-failure
	npm --prefix web run --silent test
	UNLOAD_BIN=$(abspath $(TEST_DIR))/unload UNLOAD_SHOTS=$(abspath $(TEST_DIR))/screenshots \
		npm --prefix web run --silent e2e
	@echo "Screenshots of every page at phone and desktop size: $(TEST_DIR)/screenshots/"

format: ## Format all C++ in place
	clang-format -i $(CXX_SOURCES)

format-check: ## Fail when any C++ file is not formatted
	@clang-format --dry-run --Werror $(CXX_SOURCES) && echo "format: clean"

lint: deps ## clang-tidy over src/ with the curated .clang-tidy
	cmake --preset debug >/dev/null
	clang-tidy -p build-debug --quiet $(filter src/%.cpp,$(CXX_SOURCES))

bench: deps web ## Benchmarks: engine, sessions, HTTP against nginx, 1,000 connections, the player's countdown drift (figures go in docs/benchmarks.md)
	cmake --preset release -DUNLOAD_BENCH=ON >/dev/null
	cmake --build --preset release -j $(JOBS) --target unload unload_bench unload_progress_bench unload_session_drift unload_http_bench
	build/bench/unload_bench --benchmark_min_time=0.5 --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
	build/bench/unload_progress_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
	build/bench/unload_session_drift 3
	build/bench/unload_http_bench --benchmark_min_time=1 --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
	bench/http/run.sh build/unload
	bench/http/load_test.sh build/unload
	UNLOAD_BIN=build/unload node web/bench/drift.mjs

FUZZ_SECONDS ?= 60
fuzz: deps ## Run every libFuzzer target for FUZZ_SECONDS each, growing fuzz/corpus
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)
	for t in intake answers http routes; do \
		build-fuzz/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) fuzz/corpus/$$t || exit 1; done

install: build ## Install the binary and content under PREFIX (default /usr/local)
	cmake --install build --prefix $(PREFIX)

clean:
	rm -rf build build-debug build-ci build-fuzz web/dist
