"""gunicorn's settings for the app servers: `gunicorn -c config/gunicorn.py config.wsgi`.

Each is read from the environment (deploy/env.example); the defaults suit one small server.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: each serves one request at a time, from a page the database answers in a few
# milliseconds. Slow visitors are nginx's to wait for (it buffers requests and responses).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A worker still busy with one request after this is killed and logged. It is the first of
# the chain of timeouts, each longer than the one before, so that the nearest one to the
# fault acts: gunicorn 25 s, the balancer's read 30 s (it then tries the other node for a
# GET, which gets 30 s more), Varnish's first byte 65 s, the front nginx's read 75 s.
# Photo sizes are made by a worker, so no page request needs long.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "25"))
# On restart, requests under way get this long to finish.
graceful_timeout = 20
# Keep-alive with nginx, which reuses its connections to the app.
keepalive = 5
# A worker is replaced after about this many requests, so a slow leak cannot grow for ever.
max_requests = 2000
max_requests_jitter = 200
# Access and error logs to stdout and stderr: journald or the container keeps them.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%({x-real-ip}i)s" "%(a)s"'
# systemd (or `make stack`) starts and stops gunicorn with signals. The control socket would sit
# at one path per user, which two app nodes on one machine cannot share.
control_socket_disable = True
