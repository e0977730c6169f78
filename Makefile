# Two-command quick start: `make demo` and `make test`. Both install what is missing first.
# `make demo` ends by serving the web workspace (DEMO_PORT, default 8080) until Ctrl-C.
JOBS ?= $(shell nproc)
RELEASE_DIR := build/release
TEST_DIR := build/test
DEMO_DIR := build/demo-data
DEMO_DB := $(DEMO_DIR)/demo.db
DEMO_FAMILIES ?= 2000
DEMO_PORT ?= 8080

.PHONY: deps build test demo bench clean

deps:
	@bash scripts/install-deps.sh

$(RELEASE_DIR)/build.ninja:
	cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(RELEASE_DIR)/build.ninja
	cmake --build $(RELEASE_DIR) -j $(JOBS)

# Tests run in a sanitizer build (AddressSanitizer + UndefinedBehaviorSanitizer).
$(TEST_DIR)/build.ninja:
	cmake -S . -B $(TEST_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DREUNITE_SANITIZE=ON

test: deps $(TEST_DIR)/build.ninja
	cmake --build $(TEST_DIR) -j $(JOBS)
	cd $(TEST_DIR) && ctest --output-on-failure -j $(JOBS)

demo: build
	bash scripts/demo.sh $(RELEASE_DIR)/reunite $(DEMO_DIR) $(DEMO_FAMILIES) $(DEMO_PORT)

bench: build
	bash scripts/bench.sh $(RELEASE_DIR)

clean:
	rm -rf build
