#!/usr/bin/env bash
# CI under load: runs `.ci/run` N times in a row (default 3), each on a fresh clean clone of a ref (default main)
# with ../shared beside it, while two CPU-bound processes run beside it (`stress-ng --cpu 2` when installed,
# `apt-get install stress-ng`; otherwise two node busy loops). The load stops when the runs end (or on Ctrl-C).
# Prints pass/fail and the time of each run; exits 1 when any run failed.
#
#   scripts/ci-under-load.sh                    # 3 runs of .ci/run on main
#   scripts/ci-under-load.sh --runs 5 --ref HEAD
#   scripts/ci-under-load.sh --runs 2 --command 'test -x .ci/run'   # self-check: a tiny command instead of .ci/run
#   options: --load N (CPU-bound processes, default 2), --keep (keep the clones and logs), --dir DIR (work folder)
set -euo pipefail

runs=3
ref=main
command=.ci/run
load=2
keep=0
work=''
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --ref) ref="$2"; shift 2 ;;
    --command) command="$2"; shift 2 ;;
    --load) load="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --dir) work="$2"; shift 2 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ci-under-load: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$runs" in '' | *[!0-9]*) echo "ci-under-load: --runs needs a number" >&2; exit 2 ;; esac
case "$load" in '' | *[!0-9]*) echo "ci-under-load: --load needs a number" >&2; exit 2 ;; esac

repo="$(cd "$(dirname "$0")/.." && git rev-parse --show-toplevel)"
shared="$(dirname "$repo")/shared"
commit="$(git -C "$repo" rev-parse --verify "$ref^{commit}")"
[ -n "$work" ] || work="$(mktemp -d "${TMPDIR:-/tmp}/ci-under-load.XXXXXX")"
mkdir -p "$work"

load_pids=()
stop_load() {
  local pid
  for pid in "${load_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${load_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  load_pids=()
}
cleanup() {
  stop_load
  if [ "$keep" = 0 ]; then rm -rf "$work"; else echo "clones and logs kept in $work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$load" -gt 0 ]; then
  if command -v stress-ng >/dev/null 2>&1; then
    stress-ng --cpu "$load" --timeout 0 --quiet &
    load_pids+=("$!")
    loader="stress-ng --cpu $load"
  else
    for _ in $(seq "$load"); do
      node -e 'for (;;) {}' &
      load_pids+=("$!")
    done
    loader="$load node busy loops (stress-ng is not installed)"
  fi
else
  loader="no load"
fi

echo "ci-under-load: $runs run(s) of \`$command\` on ${ref} (${commit:0:7}) beside $loader; work in $work"
results=()
failed=0
for i in $(seq "$runs"); do
  dir="$work/run-$i"
  rm -rf "$dir"
  mkdir -p "$dir"
  git clone --quiet --no-hardlinks "$repo" "$dir/repo"
  git -C "$dir/repo" checkout --quiet --detach "$commit"
  if [ -d "$shared" ]; then cp -a "$shared" "$dir/shared"; fi
  log="$dir/ci.log"
  start=$SECONDS
  if (cd "$dir/repo" && bash -c "$command") >"$log" 2>&1; then status=pass; else status=FAIL; failed=$((failed + 1)); fi
  took=$((SECONDS - start))
  line="run $i/$runs: $status in $((took / 60))m$((took % 60))s"
  [ "$status" = pass ] || line="$line (last lines of $log:)"
  echo "$line"
  [ "$status" = pass ] || tail -n 30 "$log" | sed 's/^/    /'
  results+=("$line")
  if [ "$status" != pass ] && [ "$keep" = 0 ]; then keep=1; fi
  if [ "$status" = pass ] && [ "$keep" = 0 ]; then rm -rf "$dir"; fi
done
stop_load

echo
echo "ci-under-load summary ($loader):"
printf '  %s\n' "${results[@]}"
if [ "$failed" -gt 0 ]; then
  echo "ci-under-load: $failed of $runs run(s) failed"
  exit 1
fi
echo "ci-under-load: all $runs run(s) passed"
