"""`make backup` and `make restore`: the database and every stored file, out and back in.

    .venv/bin/python -m tools.backup create [--to backups]
    .venv/bin/python -m tools.backup restore backups/20261203-151200

Both read the site's settings from the environment, as the app does (DATABASE_URL, the media
storage variables; on a server, /etc/lm-granite/env): `create` saves from where they point,
`restore` loads into where they point, which must be a new, empty PostgreSQL database (and
new, empty buckets or folders). A backup is a folder: `database.dump` (pg_dump's custom
format), `files/<storage>/...` (public media and visitors' estimate photos, whether on disk or
in buckets) and `manifest.json`.

Emails queued at backup time are not sent by the restored copy. They were queued seconds
before the backup, and the original's worker sends them moments later; a restore happens when
the original is gone, and by then it has almost always sent them. Sending them again would
give the office and the visitors a second copy. So `restore` marks those queued mail tasks as
failed ("held at restore") and lists their requests, for the office to check in the inbox and
send again if a visitor says they got nothing.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
# Not backed up: the collected static files come from the code.
SKIPPED_STORAGES = {"staticfiles"}
HELD = "Held at restore: the original site had queued this email and has most likely sent it."


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def database_url():
    from django.conf import settings

    url = os.environ.get("DATABASE_URL", "")
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        sys.exit("make backup and make restore work on PostgreSQL (DATABASE_URL=postgres://...)")
    return url


def file_storages():
    from django.conf import settings
    from django.core.files.storage import storages

    return {alias: storages[alias] for alias in settings.STORAGES if alias not in SKIPPED_STORAGES}


def walk(storage, folder=""):
    """Every file's name in a storage, folders first to last."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local folder nothing was ever saved in
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from walk(storage, f"{folder}/{sub}" if folder else sub)


def create(target_root):
    setup_django()
    url = database_url()
    target = Path(target_root) / time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    target.mkdir(parents=True)
    started = time.monotonic()
    # Database first: a file saved while the files are copied is then in the copy, though not
    # in the database; the other way round a restored page could name a missing photo.
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={target / 'database.dump'}", url],
        check=True,
    )
    counts = {}
    for alias, storage in file_storages().items():
        counts[alias] = 0
        for name in walk(storage):
            path = target / "files" / alias / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(name, "rb") as source:
                path.write_bytes(source.read())
            counts[alias] += 1
    manifest = {"created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "files": counts}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2))
    seconds = time.monotonic() - started
    print(f"Backed up the database and {sum(counts.values())} files {counts} to {target} "
          f"in {seconds:.1f} s")  # fmt: skip
    return target


def restore(source):
    setup_django()
    from django.db import connection
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    url = database_url()
    source = Path(source)
    manifest = json.loads((source / "manifest.json").read_text())
    if "django_migrations" in connection.introspection.table_names():
        sys.exit("The database is not empty: restore goes into a new database.")
    connection.close()
    started = time.monotonic()
    subprocess.run(
        ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={url}",
         str(source / "database.dump")],
        check=True,
    )  # fmt: skip
    counts = {}
    for alias, storage in file_storages().items():
        counts[alias] = 0
        folder = source / "files" / alias
        for path in sorted(folder.rglob("*")) if folder.exists() else []:
            if path.is_file():
                name = path.relative_to(folder).as_posix()
                with path.open("rb") as content:
                    saved = storage.save(name, content)
                if saved != name:
                    sys.exit(f"{alias}: {name} was already there; restore into empty storage.")
                counts[alias] += 1
    queued = DBTaskResult.objects.filter(
        backend_name="mail", status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    )
    held = [task.args_kwargs for task in queued]
    queued.update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="tools.backup.HeldAtRestore",
        traceback=HELD,
    )
    seconds = time.monotonic() - started
    print(f"Restored the database and {sum(counts.values())} files {counts} from {source} "
          f"(backed up {manifest['created']}) in {seconds:.1f} s")  # fmt: skip
    if held:
        print(f"{len(held)} queued emails held, not sent again: {held}")
    print("Restart the app servers and workers: each process keeps photo sizes it looked up.")
    return held


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("create", help="back up the site the environment points at")
    make.add_argument("--to", default=str(BASE_DIR / "backups"), help="folder for backups")
    load = commands.add_parser("restore", help="restore a backup into an empty site")
    load.add_argument("backup", help="a folder `create` made")
    args = parser.parse_args()
    if args.command == "create":
        create(args.to)
    else:
        restore(args.backup)


if __name__ == "__main__":
    main()
