# Ortaq: `make run` starts the demo on http://127.0.0.1:8000, `make test` runs every check CI runs.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 3
THREADS ?= 8
# Plotly's sample datasets and templates are not served: only plotly.min.js is.
STATIC_IGNORE = -i datasets -i templates -i widgetbundle.js
export OPENBLAS_NUM_THREADS ?= 1

.PHONY: run test lint bench install

$(BIN)/ortaq: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(BIN)/ortaq

install: $(BIN)/ortaq

# Static files collected under hashed names, gzip+brotli-compressed, cached for a year (WhiteNoise); gunicorn's
# threaded workers serve 20 concurrent users (bench/bench_load.py measures it).
run: export ORTAQ_COMPRESSED_STATIC = 1
run: $(BIN)/ortaq
	$(BIN)/ortaq migrate --noinput
	$(BIN)/ortaq loaddemo
	$(BIN)/ortaq demousers
	$(BIN)/ortaq collectstatic --noinput -v0 $(STATIC_IGNORE)
	@echo ""
	@echo "  Ortaq: http://$(HOST):$(PORT)/   log in as  admin / ortaq-demo  (administrator)"
	@echo "  other demo users: karaganda, astana (editors), viewer, outsider — same password"
	@echo ""
	@# One background worker beside the web server, stopped with it (Ctrl+C stops both).
	$(BIN)/ortaq worker & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/gunicorn ortaq.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --worker-class gthread \
		--threads $(THREADS) --access-logfile -

lint: $(BIN)/ortaq
	$(BIN)/ruff check .
	$(BIN)/ortaq makemigrations --check --dry-run

# SQLite always; PostgreSQL too when ORTAQ_TEST_POSTGRES_URL is set (.ci/run sets it), side by side with the
# SQLite run (its own var directory and Redis database, its output printed after). The browser tests run once,
# on SQLite: what they check (pages in Chromium) does not depend on the database.
PG_TEST_LOG = var/test-postgres.log
test: lint
	@rm -f $(PG_TEST_LOG); if [ -n "$$ORTAQ_TEST_POSTGRES_URL" ]; then \
		pg_var=$$(mktemp -d); \
		( ORTAQ_DATABASE_URL="$$ORTAQ_TEST_POSTGRES_URL" ORTAQ_VAR_DIR="$$pg_var" \
		  ORTAQ_REDIS_URL="$${ORTAQ_TEST_REDIS_URL_PG:-redis://127.0.0.1:6379/1}" \
		  $(BIN)/python -m pytest -m "not sqlite_only and not browser" > $(PG_TEST_LOG) 2>&1; \
		  echo $$? > $(PG_TEST_LOG).rc ) & \
	fi; \
	$(BIN)/python -m pytest; sqlite_rc=$$?; wait; \
	if [ -f $(PG_TEST_LOG) ]; then \
		echo "== the same suite on PostgreSQL =="; cat $(PG_TEST_LOG); \
		pg_rc=$$(cat $(PG_TEST_LOG).rc); [ "$$pg_rc" = 0 ] || exit $$pg_rc; \
	fi; \
	exit $$sqlite_rc

bench: $(BIN)/ortaq
	$(BIN)/python bench/run_all.py
