# followmatch: the two commands a new user needs are `make demo` and `make test`.
GO      ?= go
BIN     := bin/followmatch
DEMO    := testdata/demo
BUILD   := build

.PHONY: all build pgo demo test vet fmt-check bench fuzz screenshots cluster-demo images-demo accuracy accuracy-check defaults ablation active images scale dialect load clean

# DATA: the labeled-pair datasets for `make accuracy` (read-only, never copied);
# EXTRA: more product benchmarks (WDC Products, WDC Block), in their own
# section of RESULTS.md when present.
DATA ?= ../shared/data/em
EXTRA ?= ../shared/data/em-extra

all: build

build:
	$(GO) build -o $(BIN) ./cmd/followmatch

# pgo: refresh the profile the followmatch binary is built with
# (cmd/followmatch/default.pgo, Go's profile-guided optimization): a bulk
# match over the 1M catalog of `make scale` and an index build of its 100k
# one, profiled with a binary built without it.
PGO_SCALE ?= $(BUILD)/scale
pgo:
	$(GO) build -pgo=off -o $(BUILD)/followmatch-nopgo ./cmd/followmatch
	$(BUILD)/followmatch-nopgo match --index $(PGO_SCALE)/n1000000/idx --offers $(PGO_SCALE)/n1000000/offers-small.jsonl --out $(BUILD)/pgo-results.jsonl --cpuprofile $(BUILD)/pgo-match.prof
	rm -rf $(BUILD)/pgo.idx
	$(BUILD)/followmatch-nopgo index --listings $(PGO_SCALE)/n100000/listings.jsonl --index $(BUILD)/pgo.idx --cpuprofile $(BUILD)/pgo-index.prof
	$(GO) tool pprof -proto $(BUILD)/pgo-match.prof $(BUILD)/pgo-index.prof > cmd/followmatch/default.pgo

# demo: index the demo listings, match the supplier's offers under the demo
# policy and seller, and print one line per offer.
demo: build
	@rm -rf $(BUILD)/demo.idx && mkdir -p $(BUILD)
	$(BIN) index --listings $(DEMO)/listings.jsonl --index $(BUILD)/demo.idx
	$(BIN) match --index $(BUILD)/demo.idx --offers $(DEMO)/offers.csv \
		--map "$$(cat $(DEMO)/map.txt)" \
		--policy $(DEMO)/policy.yaml --seller $(DEMO)/seller.json \
		--format table
	@echo
	@echo "JSON Lines with every comparison: drop --format table (or add --out FILE)."
	@echo "Why one offer came out as it did:"
	@echo "  $(BIN) explain --index $(BUILD)/demo.idx --offers $(DEMO)/offers.csv --map \"\$$(cat $(DEMO)/map.txt)\" --policy $(DEMO)/policy.yaml --seller $(DEMO)/seller.json --id SUP-1008"

test: vet fmt-check
	$(GO) test -count=1 ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# cluster-demo: a local NATS server (Debian's nats-server, or the embedded
# one), two workers on loopback, the demo catalog matched through them and
# checked against a local run; everything started is stopped.
cluster-demo: build
	GO=$(GO) ./scripts/cluster-demo.sh

# screenshots: the README's pictures of the review page and the HTML
# report, taken by the browser tests in headless Chromium.
screenshots:
	$(GO) test -count=1 -run 'InBrowser' ./cmd/followmatch -args -shots=$(CURDIR)/docs

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./match ./imagecmp ./imagecmp/imageload ./index ./eval

# fuzz: a short run of every fuzz target (FUZZTIME=30s for longer).
FUZZTIME ?= 10s
fuzz:
	@for pkg in ./match ./catalog ./imagecmp/imageload ./server; do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

# accuracy: tune + eval (pairs and catalog mode) on every dataset under DATA;
# rewrites the accuracy section of benchmarks/RESULTS.md and benchmarks/configs/.
accuracy:
	$(GO) run ./benchmarks/accuracy -data $(DATA) -results benchmarks/RESULTS.md -configs benchmarks/configs -errors benchmarks/ERRORS.md
	@if [ -d $(EXTRA) ]; then \
		$(GO) run ./benchmarks/accuracy -data $(EXTRA) -section accuracy-extra -results benchmarks/RESULTS.md -configs benchmarks/configs -errors benchmarks/ERRORS-extra.md; \
	fi

# accuracy-check: the same run, failing when tuned test F1 falls more than
# one point below the figure recorded in RESULTS.md; writes only the configs,
# into a scratch folder.
accuracy-check:
	$(GO) run ./benchmarks/accuracy -data $(DATA) -results benchmarks/RESULTS.md -configs $(BUILD)/configs -check
	@if [ -d $(EXTRA) ]; then \
		$(GO) run ./benchmarks/accuracy -data $(EXTRA) -section accuracy-extra -results benchmarks/RESULTS.md -configs $(BUILD)/configs -check; \
	fi

# defaults: one config fitted on every public benchmark pooled
# (benchmarks/configs/pooled.json), and each dataset's F1 under a config
# fitted without it; rewrites the defaults section of RESULTS.md.
defaults:
	$(GO) run ./benchmarks/defaults -data $(DATA),$(EXTRA) -trees -out benchmarks/configs/pooled.json -results benchmarks/RESULTS.md

# ablation: test F1 (defaults / tuned) with each piece of title evidence
# taken out in turn; rewrites the ablation section of RESULTS.md.
ABLATE ?= numbers,measures,type,version,size,rare,containment,described,words,line,rank,known
ablation:
	$(GO) run ./benchmarks/ablation -data $(DATA),$(EXTRA) -attrs $(ABLATE) -results benchmarks/RESULTS.md

# images: the image evidence benchmark on the Grocery Store Dataset (and the
# ABO samples) under IMAGES; rewrites the images section of RESULTS.md.
IMAGES ?= ../shared/data/images
images:
	$(GO) run ./benchmarks/images -data $(if $(filter-out ../shared/data/em,$(DATA)),$(DATA),$(IMAGES)) -results benchmarks/RESULTS.md

# active: what 200 labels chosen by uncertainty buy against 200 at random
# and the whole train split (issue 15); rewrites the active section.
active:
	$(GO) run ./benchmarks/active -data $(DATA),$(EXTRA) -results benchmarks/RESULTS.md

# dialect: the generated catalog with its offers in a wholesale supplier's
# dialect and plainly, decided with the defaults, then after a
# self-supervised tune (no labels) on the dialect's offers; rewrites the
# dialect section of RESULTS.md.
dialect: build
	$(GO) build -o bin/gen ./benchmarks/gen
	$(GO) run ./benchmarks/dialect -bin bin -listings 100000 -offers 10000 -out $(BUILD)/dialect -results benchmarks/RESULTS.md

# scale: generated catalogs of SCALE_SIZES listings (no images); build rate,
# index size, match throughput and memory of the real binary, recall@20 and
# decision accuracy; rewrites the scale section of RESULTS.md.
SCALE_SIZES ?= 10000,100000,1000000
SCALE_OFFERS ?= 20000
SCALE_BIG_OFFERS ?= 200000
scale: build
	$(GO) build -o bin/gen ./benchmarks/gen
	$(GO) run ./benchmarks/scale -sizes $(SCALE_SIZES) -offers $(SCALE_OFFERS) -big-offers $(SCALE_BIG_OFFERS) -out $(BUILD)/scale -results benchmarks/RESULTS.md

# load: `followmatch serve` over the largest `make scale` index, 20k
# single-offer requests from 2 clients on 127.0.0.1; rewrites the load
# section of RESULTS.md.
LOAD_DIR ?= $(BUILD)/scale/n1000000
load: build
	$(GO) run ./benchmarks/load -bin $(BIN) -index $(LOAD_DIR)/idx -offers $(LOAD_DIR)/offers.jsonl -requests 20000 -clients 2

# images-demo: redraw the demo images (the committed ones must match).
images-demo:
	$(GO) run ./internal/demogen -out $(DEMO)/images

clean:
	rm -rf bin $(BUILD)
