# Thin aliases; the scripts hold the logic (and install what is missing).
.PHONY: serve test ci bench-browser bench-sim-browser

serve:
	bash scripts/serve.sh

test:
	bash scripts/test.sh

ci:
	bash .ci/run

# Needs a release build in dist/ (make test, or trunk build --release --offline).
bench-browser:
	node scripts/bench-browser.mjs

# The simulator's events per second inside its Web Worker; needs a release build in dist/.
bench-sim-browser:
	node scripts/bench-sim-browser.mjs
