#!/usr/bin/env bash
# cluster-demo: a local NATS server (Debian's nats-server, or the embedded
# one of internal/natsd when it is absent), two workers on loopback, the
# demo catalog matched through them and compared with a local run. Stops
# everything it started, whatever happens.
set -euo pipefail
GO=${GO:-go}
BIN=bin/followmatch
DEMO=testdata/demo
work=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

port=$(( 20000 + RANDOM % 20000 ))
url="nats://127.0.0.1:$port"
if command -v nats-server >/dev/null 2>&1; then
	echo "cluster-demo: nats-server $(nats-server --version | awk '{print $NF}') on $url"
	nats-server -js -a 127.0.0.1 -p "$port" -sd "$work/js" >"$work/nats.log" 2>&1 &
else
	echo "cluster-demo: no nats-server here; the embedded one (internal/natsd) on $url"
	$GO build -o "$work/natsd" ./internal/natsd
	"$work/natsd" -addr 127.0.0.1 -port "$port" -store "$work/js" >"$work/nats.log" 2>&1 &
fi
pids+=($!)
for _ in $(seq 50); do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
	sleep 0.1
done

map=$(cat "$DEMO/map.txt")
rules=(--policy "$DEMO/policy.yaml" --seller "$DEMO/seller.json")
$BIN index --listings "$DEMO/listings.jsonl" --index "$work/demo.idx" 2>"$work/index.log"
$BIN publish-index --index "$work/demo.idx" --nats "$url" >/dev/null
for i in 1 2; do
	$BIN worker --nats "$url" --name "demo-$i" >"$work/worker-$i.log" 2>&1 &
	pids+=($!)
done
$BIN match --nats "$url" --offers "$DEMO/offers.csv" --map "$map" "${rules[@]}" --batch-size 5 --out "$work/cluster.jsonl"
$BIN match --index "$work/demo.idx" --offers "$DEMO/offers.csv" --map "$map" "${rules[@]}" --out "$work/local.jsonl" 2>/dev/null
sed 's/,"index_version":"[^"]*"//' "$work/cluster.jsonl" >"$work/cluster-plain.jsonl"
if ! cmp -s "$work/cluster-plain.jsonl" "$work/local.jsonl"; then
	echo "cluster-demo: the workers' results differ from the local run:" >&2
	diff "$work/cluster-plain.jsonl" "$work/local.jsonl" | head -20 >&2
	exit 1
fi
echo "cluster-demo: $(wc -l <"$work/local.jsonl") results from 2 workers, identical to the local run, in order; by worker:"
grep -h "index v" "$work"/worker-*.log | sed 's/^/  /'
