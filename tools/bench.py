"""`make bench`: the production stack on this machine, measured in one run.

    .venv/bin/python -m tools.bench [--seconds 10] [--small-images]

gunicorn (2 workers, production settings) with a throwaway Redis, Varnish with the project's
VCL in front, PostgreSQL when DATABASE_URL is set (SQLite in .bench/ otherwise). For each
main page it prints the warm query count, the page's size raw and gzipped, and requests per
second with the median and 99th-percentile latency from wrk (2 threads, 8 connections), three
ways: straight to gunicorn (no page cache), through Varnish, and a static file of the same
bytes served by WhiteNoise from the same gunicorn, the ceiling the other two are given as a
share of. Then the first /gallery/ view with every cache empty, and after an editor adds ten
photos. The machine is shared: compare the ratios of one run, not figures across runs.
"""

import argparse
import gzip
import logging
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import brotli

from tools import servers

BENCH_DIR = servers.BASE_DIR / ".bench"
# (name, path): the pages a visitor meets most, one of each kind.
PAGES = [
    ("home", "/"),
    ("gallery", "/gallery/"),
    ("blog", "/blog/"),
    ("article", "/blog/treaty-of-moscow-1921/"),
    ("service", "/services/kitchen-countertops/"),
    ("materials", "/materials/"),
]
GZIP = {"Accept-Encoding": "gzip"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk's run per measurement")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--small-images", action="store_true", help="load the demo with 320 px photos (faster)"
    )
    args = parser.parse_args()
    for program in ["wrk", "varnishd", "redis-server"]:
        if not shutil.which(program):
            sys.exit(f"make bench needs {program}: apt-get install wrk varnish redis-server")

    BENCH_DIR.mkdir(exist_ok=True)
    started = []
    try:
        redis = servers.redis(BENCH_DIR)
        started.append(redis)
        env = production_environment(redis.url)
        prepare_site(env, args.small_images)
        app_port = servers.free_port()
        varnish = servers.varnish(app_port, BENCH_DIR)
        started.append(varnish)
        env["FRONTEND_CACHE_URL"] = varnish.purge_url
        os.environ["FRONTEND_CACHE_URL"] = varnish.purge_url
        ceilings = write_ceiling_files()
        app = servers.gunicorn(BENCH_DIR, env, workers=args.workers, port=app_port)
        started.append(app)
        started.append(servers.worker(BENCH_DIR, env, "renditions"))
        print(f"gunicorn {app.url} ({args.workers} workers), Varnish {varnish.url}, "
              f"Redis {redis.url}, a photo sizes worker, {env['DATABASE_URL']}\n")  # fmt: skip
        measure_pages(app, varnish, ceilings, args)
        app.stop()  # a new process, so nothing is left in its memory either
        app = servers.gunicorn(BENCH_DIR, env, workers=args.workers, port=app_port)
        started.append(app)
        measure_cold_gallery(app)
    finally:
        for server in reversed(started):
            server.stop()


def production_environment(redis_url):
    """What deploy/ gives the app, for 127.0.0.1 over plain HTTP."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(40),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        REDIS_URL=redis_url,
        STATIC_ROOT=str(BENCH_DIR / "static"),
        MEDIA_ROOT=str(BENCH_DIR / "media"),
        PRIVATE_MEDIA_ROOT=str(BENCH_DIR / "private-media"),
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{BENCH_DIR / 'db.sqlite3'}")
    os.environ.update(env)
    return env


def prepare_site(env, small_images):
    """Migrate, load the demo when the database is empty, collect static files."""
    import django

    django.setup()
    from django.core.management import call_command

    logging.getLogger().setLevel(logging.WARNING)  # production logs each page and task made

    call_command("migrate", interactive=False, verbosity=0)
    started = time.monotonic()
    call_command("load_demo_content", if_empty=True, small_images=small_images, verbosity=0)
    print(f"demo content ready in {time.monotonic() - started:.1f} s")
    call_command("collectstatic", interactive=False, verbosity=0)


def write_ceiling_files():
    """Each page's HTML as a static file, with the gzip and brotli copies WhiteNoise serves.
    Written before gunicorn starts: WhiteNoise lists the static files once, at start-up."""
    from django.conf import settings
    from django.test import Client

    folder = Path(settings.STATIC_ROOT) / "bench"
    folder.mkdir(exist_ok=True)
    client = Client(HTTP_HOST="127.0.0.1")
    ceilings = {}
    for name, path in PAGES:
        html = client.get(path).content
        file = folder / f"{name}.html"
        file.write_bytes(html)
        Path(f"{file}.gz").write_bytes(gzip.compress(html))
        Path(f"{file}.br").write_bytes(brotli.compress(html))
        ceilings[name] = f"{settings.STATIC_URL}bench/{name}.html"
    return ceilings


def warm_query_count(path):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def measure_pages(app, varnish, ceilings, args):
    header = (f"{'page':<10}{'queries':>8}{'raw KB':>8}{'gzip KB':>8}"
              f"{'app req/s':>11}{'p50/p99 ms':>13}{'varnish':>10}{'p50/p99 ms':>13}"
              f"{'static':>9}{'p50/p99 ms':>13}{'app':>7}{'varnish':>9}")  # fmt: skip
    print(header + "\n" + "-" * len(header))
    for name, path in PAGES:
        raw = fetch(app.url + path)
        zipped = fetch(app.url + path, GZIP)
        fetch(varnish.url + path, GZIP)  # into the cache
        static = wrk(app.url + ceilings[name], args)
        uncached = wrk(app.url + path, args)
        cached = wrk(varnish.url + path, args)
        queries = warm_query_count(path)
        print(
            f"{name:<10}{queries:>8}{len(raw) / 1024:>8.1f}{len(zipped) / 1024:>8.1f}"
            f"{uncached.rps:>11,.0f}{uncached.latency:>13}{cached.rps:>10,.0f}{cached.latency:>13}"
            f"{static.rps:>9,.0f}{static.latency:>13}"
            f"{uncached.rps / static.rps:>7.1%}{cached.rps / static.rps:>9.1%}"
        )
        for label, result in [("app", uncached), ("varnish", cached), ("static", static)]:
            if result.failures:
                print(f"    {label}: {result.failures}")
    print("\napp and varnish: requests per second as a share of the static file's (the ceiling)")


class Wrk:
    def __init__(self, output):
        self.rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
        self.p50, self.p99 = (_ms(re.search(rf"\s{p}%\s+([\d.]+\w+)", output)[1]) for p in (50, 99))
        failures = re.findall(r"(Non-2xx or 3xx responses: \d+|Socket errors: .*)", output)
        self.failures = "; ".join(failures)

    @property
    def latency(self):
        return f"{self.p50:.1f}/{self.p99:.1f}"


def _ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, args):
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency",
               "-H", "Accept-Encoding: gzip", url]  # fmt: skip
    return Wrk(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


def timed_fetch(url):
    started = time.monotonic()
    fetch(url, GZIP)
    return time.monotonic() - started


def measure_cold_gallery(app):
    """The first /gallery/ view from a new app process with Redis empty, then after ten new
    photos."""
    from django.core.cache import cache

    cache.clear()
    print(f"\nfirst /gallery/ view, new process, caches empty: "
          f"{timed_fetch(app.url + '/gallery/'):.2f} s")  # fmt: skip

    publish, made, view = add_ten_photos(lambda: timed_fetch(app.url + "/gallery/"))
    print(f"an editor adds ten photos: publishing {publish:.1f} s, their sizes made by the "
          f"worker {made:.1f} s later, the next /gallery/ view {view:.2f} s")  # fmt: skip


def add_ten_photos(first_view):
    """Ten new photos published in the gallery, the first view timed, then taken out again."""
    from django.core.files.images import ImageFile

    from core.management.commands.load_demo_content import PHOTOS
    from gallery.models import GalleryPage, GalleryPhoto
    from images.models import CustomImage

    gallery = GalleryPage.objects.live().first()
    images = []
    for number, path in enumerate(sorted(PHOTOS.glob("*.jpg"))[:10], start=1):
        image = CustomImage(title=f"Bench photo {number}", description="A finished countertop")
        with path.open("rb") as file:
            image.file = ImageFile(file, f"bench-{number}.jpg")
            image.save()
        images.append(image)
        gallery.photos.add(GalleryPhoto(image=image, caption=f"Bench job {number}"))
    started = time.monotonic()
    gallery.save_revision().publish()
    publish = time.monotonic() - started
    made = wait_for_the_worker() - started - publish
    view = first_view()

    gallery = GalleryPage.objects.get(pk=gallery.pk)
    gallery.photos.set([photo for photo in gallery.photos.all() if photo.image not in images])
    gallery.save_revision().publish()
    for image in images:
        image.delete()
    return publish, made, view


def wait_for_the_worker(seconds=900):
    """When the photo sizes queued so far are made."""
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(backend_name="renditions", status__in=["READY", "RUNNING"])
    deadline = time.monotonic() + seconds
    while queued.exists():
        if time.monotonic() > deadline:
            sys.exit(f"the photo sizes worker did not finish in {seconds} s")
        time.sleep(0.2)
    return time.monotonic()


if __name__ == "__main__":
    main()
