# gwr: numeric facts from Chinese government work reports.
# `make run` extracts the bundled corpus into out/; `make test` installs what
# the tests need (.ci/setup) and runs every test; `make install` puts gwr in
# $(go env GOPATH)/bin.

GO      ?= go
GOFLAGS ?=
BIN     := gwr
OUT     := out

.PHONY: all build install setup run test test-go test-race eval holdout golden bench ab fuzz fuzz-long interop clean

all: build

## build: compile the gwr binary (dictionaries embedded; copy it anywhere)
build:
	$(GO) build -trimpath -o $(BIN) ./cmd/gwr

## install: go install the gwr binary into $(go env GOBIN), or $(go env GOPATH)/bin
install:
	$(GO) install -trimpath ./cmd/gwr

## setup: install the Debian and npm packages the tests need, if missing (.ci/setup)
setup:
	bash .ci/setup

## run: extract the bundled corpus into out/ (Parquet, plus JSON Lines)
run: build
	./$(BIN) extract -o $(OUT) --format parquet,jsonl corpus

## test: the whole suite, as CI runs it; first installs what is missing (.ci/setup)
test: setup test-go test-race interop fuzz

## test-go: gofmt, vet, and the unit, golden and end-to-end tests of the Go packages
test-go:
	@unformatted=$$("$$($(GO) env GOROOT)/bin/gofmt" -l cmd extract normalize schema corpus golden bench); \
	if [ -n "$$unformatted" ]; then echo "not gofmt-ed (gofmt -w them):"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test ./...

## test-race: the packages that use unsafe (schema, corpus, normalize, extract/segment;
## extract's runeTexts by its tests) under the race detector, whose checkptr rejects a
## pointer made past the end of an allocation. -short: the sweeps that compare a fast
## path with a reference over every input (test-go runs them whole) take a sample
test-race:
	$(GO) test -race -short ./schema ./corpus ./normalize ./extract/segment
	$(GO) test -race -short -run 'TestRuneText' ./extract

## eval: score the pipeline against the hand labels (corpus and dev set)
eval: build
	./$(BIN) extract -o $(OUT)/eval-corpus --format jsonl --quiet corpus
	./$(BIN) eval --gold golden/labels --corpus corpus $(OUT)/eval-corpus
	./$(BIN) extract -o $(OUT)/eval-dev --format jsonl --quiet golden/dev/texts
	./$(BIN) eval --gold golden/dev/labels --corpus golden/dev/texts $(OUT)/eval-dev

## holdout: score the pipeline against golden/holdout, the held-out set nobody tunes rules on
holdout: build
	./$(BIN) extract -o $(OUT)/eval-holdout --format jsonl --quiet golden/holdout/texts
	./$(BIN) eval --gold golden/holdout/labels --corpus golden/holdout/texts $(OUT)/eval-holdout

## golden: accept the current output as the new golden/expected (review the diff!)
golden:
	$(GO) test ./golden -run TestGolden -update

## bench: throughput and memory against a Python jieba+regex baseline
bench: build
	bash bench/run.sh

## ab: two gwr binaries interleaved on the bench corpus (make ab A=/tmp/gwr-old B=./gwr)
ab: build
	bash bench/ab.sh $(or $(A),$(error make ab needs A=OLD_BINARY)) $(or $(B),./gwr) $(or $(ROUNDS),5)

## fuzz: a short fuzz run of every target (part of `make test`)
fuzz:
	bash bench/fuzz.sh 12s

## fuzz-long: ten minutes per fuzz target
fuzz-long:
	bash bench/fuzz.sh 10m

## interop: DuckDB and Apache Arrow JS read what gwr writes
interop: build setup
	bash golden/interop/run.sh

clean:
	rm -rf $(BIN) $(OUT)
