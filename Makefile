# Two commands on a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: publish-scheduled run test install install-dev checkers migrate demo superuser lint format check screenshots guide lighthouse bench stack stack-down drills backup restore clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

# axe-core, the Nu HTML Checker and Lighthouse from npm, for the accessibility tests, and
# Mozilla's HTTP Observatory for the drills. Install scripts are skipped: vnu-jar's would fetch
# a Java runtime (the machine's Java is used); the Observatory's would download the browsers'
# HSTS preload list. It scans only 127.0.0.1, which no such list holds: it gets an empty one.
CHECKERS := tools/a11y/node_modules/.installed
HSTS_PRELOAD := tools/a11y/node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json
# If npm cannot reach its registry the tests that need these skip and say so (CI fails them).
$(CHECKERS): tools/a11y/package.json tools/a11y/package-lock.json
	@npm ci --prefix tools/a11y --ignore-scripts --no-audit --no-fund --loglevel=error \
		&& echo '{}' > $(HSTS_PRELOAD) && touch $@ \
		|| echo "npm ci failed: the accessibility checks and the Observatory will be skipped"

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
checkers: $(CHECKERS)

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(MANAGE) load_demo_content --if-empty

## Serve the demo site on SQLite at http://127.0.0.1:8000
# First what the server's timer would have done since the last run: scheduled pages, and demo
# slab holds whose 48 hours are up.
run: demo
	$(MANAGE) publish_scheduled
	$(MANAGE) release_expired_holds
	WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(MANAGE) runserver $(HOST):$(PORT)

## The whole suite: SQLite, or PostgreSQL when DATABASE_URL is set
# Browser and accessibility tests skip, saying why, when Chromium, npm or Java is missing.
test: install-dev $(if $(shell command -v npm),$(CHECKERS))
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## Publish pages whose go-live time has passed and unpublish expired ones, and end slab holds
## whose time is up (run by cron)
publish-scheduled: install
	$(MANAGE) publish_scheduled
	$(MANAGE) release_expired_holds

superuser: migrate
	$(MANAGE) createsuperuser

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install-dev
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

## Throughput and latency of the production stack (gunicorn, Varnish, Redis), in one run
# Needs Debian's wrk, varnish and redis-server; PostgreSQL when DATABASE_URL is set.
bench: install
	$(BIN)/python -m tools.bench $(BENCH_ARGS)

## The whole production stack on this machine: nginx (https://127.0.0.1:8443), Varnish, two
# gunicorn app nodes, PostgreSQL (DATABASE_URL or a throwaway database), Redis, an S3 store, the
# workers and a mail catcher (tools/stack.py). Needs Debian's nginx, varnish, redis-server.
stack: install-dev
	$(BIN)/python -m tools.stack up $(STACK_ARGS)

stack-down:
	$(BIN)/python -m tools.stack down

## Back up the database and every stored file the environment points at (PostgreSQL; tools/backup.py),
# and restore one (BACKUP=backups/...) into a new, empty database and storage
backup: install
	$(BIN)/python -m tools.backup create

restore: install
	$(BIN)/python -m tools.backup restore $(BACKUP)

## Fault drills against the stack: it is started for them and stopped after (deploy/drills)
drills: install-dev $(if $(shell command -v npm),$(CHECKERS))
	$(BIN)/python -m pytest deploy/drills -s $(PYTEST_ARGS)

## Phone and desktop screenshots of the running site (needs Debian's chromium)
screenshots: install-dev
	$(BIN)/python -m tools.screenshots --base-url http://$(HOST):$(PORT) --out screenshots

## Refresh the editor guide's screenshots (docs/editor-guide/) by running the browser journeys
guide: install-dev
	GUIDE_SCREENSHOTS=1 $(BIN)/python -m pytest core/tests/test_journeys.py

## Lighthouse scores and load figures of the running site's main pages, phone profile (needs chromium, npm)
lighthouse: install-dev checkers
	$(BIN)/python -m tools.lighthouse --base-url http://$(HOST):$(PORT)

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache tools/a11y/node_modules
