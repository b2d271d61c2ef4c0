#!/bin/sh
# manage.py as the services run it: as the lmgranite user, in the project folder, with the
# environment file. Run as root or as lmgranite, e.g.
#   /srv/lm-granite/deploy/manage.sh migrate
set -eu
user=${LM_GRANITE_USER:-lmgranite}
cd "$(dirname "$0")/.."
if [ "$(id -un)" != "$user" ]; then
  exec runuser -u "$user" -- "$(pwd)/deploy/manage.sh" "$@"
fi
set -a
. "${LM_GRANITE_ENV:-/etc/lm-granite/env}"
set +a
exec .venv/bin/python manage.py "$@"
