"""The demo content for tests, loaded once per run and copied back after that.

Loading the demo takes about twenty seconds, most of it making the photos' sizes; a copy of
every table and of the media folder goes back in within a second. A test gets a copy only
when its database is as a load found it before (the same number of rows in every table), so
a test that made rows of its own first gets a real load. Transactional tests and tests inside
a transaction keep copies of their own: their rows carry different ids.
"""

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from wagtail.models import Site

from core import photos

# Tables the database keeps for itself, or that it fills from others (SQLite's full-text
# index follows wagtailsearch_indexentry by triggers).
SKIPPED = {"django_migrations"}
# What the demo writes under MEDIA_ROOT (a test's MEDIA_ROOT may hold other things, such as
# its Varnish's working folder).
MEDIA_FOLDERS = ["original_images", "images", "documents"]


@dataclass
class Snapshot:
    rows_after: dict
    tables: dict  # name: (columns, rows) on SQLite, COPY data on PostgreSQL
    media: Path


# By the kind of test and the rows each table had before the load.
_snapshots = {}


def load_demo():
    """Load the demo content (small images) into the test database and MEDIA_ROOT."""
    rows_before = row_counts()
    key = (connection.in_atomic_block, tuple(sorted(rows_before.items())))
    snapshot = _snapshots.get(key)
    if snapshot is not None:
        restore(snapshot)
        assert row_counts() == snapshot.rows_after, "the demo's copy did not all go back"
        return
    call_command("load_demo_content", small_images=True, verbosity=0)
    _snapshots[key] = take()


def tables():
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            virtual = [name for (name,) in cursor.fetchall()]
            names = [n for n in names if not any(n.startswith(v) for v in virtual)]
    return sorted(set(names) - SKIPPED)


def row_counts():
    with connection.cursor() as cursor:
        counts = {}
        for table in tables():
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def take():
    quote = connection.ops.quote_name
    settings.TEST_RUN_DIR.mkdir(parents=True, exist_ok=True)
    media = Path(tempfile.mkdtemp(prefix="demo-media-", dir=settings.TEST_RUN_DIR))
    copy_media(Path(settings.MEDIA_ROOT), media)
    data = {}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in tables():
                with cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT") as copy:
                    data[table] = b"".join(bytes(block) for block in copy)
        else:
            for table in [*tables(), "sqlite_sequence"]:
                cursor.execute(f"SELECT * FROM {quote(table)}")
                columns = [column[0] for column in cursor.description]
                data[table] = (columns, cursor.fetchall())
    return Snapshot(row_counts(), data, media)


def restore(snapshot):
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table in snapshot.tables:
            cursor.execute(f"DELETE FROM {quote(table)}")
        if connection.vendor == "postgresql":
            for table, data in snapshot.tables.items():
                with cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN") as copy:
                    copy.write(data)
            for sql in connection.ops.sequence_reset_sql(
                no_style(), apps.get_models(include_auto_created=True)
            ):
                cursor.execute(sql)
        else:
            for table, (columns, rows) in snapshot.tables.items():
                names = ", ".join(quote(column) for column in columns)
                marks = ", ".join("%s" for _ in columns)
                cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)
        # The loader names the site by the address it is served on: this test's.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        Site.objects.filter(is_default_site=True).update(
            hostname=address.hostname or "localhost",
            port=address.port or (443 if address.scheme == "https" else 80),
        )
    copy_media(snapshot.media, Path(settings.MEDIA_ROOT))
    ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()
    photos.forget()


def copy_media(source, target):
    for folder in MEDIA_FOLDERS:
        if (source / folder).is_dir():
            shutil.copytree(
                source / folder, target / folder, dirs_exist_ok=True, copy_function=_link
            )


def _link(source, target):
    if os.path.lexists(target):
        os.unlink(target)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
