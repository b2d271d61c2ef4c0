"""Drills on the production stack: two app nodes behind nginx and Varnish, with PostgreSQL,
Redis, the S3 store and the mail worker, all real processes on 127.0.0.1 (tools/stack.py).

Each drill prints its figures (pytest -s shows them; CI runs with -s).
"""

import http.client
import io
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections import Counter

import boto3
import psycopg
from PIL import Image

from deploy.drills.conftest import Visitor, estimate, form_fields, wait_until
from tools import servers, stack

# What the thank-you page says: the request was stored.
THANKS = b"Thank you, we have your request"


def photo_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (120, 110, 100)).save(buffer, "JPEG")
    return buffer.getvalue()


def store_client(env):
    """boto3 on the stack's S3 store, with the app's keys."""
    return boto3.client(
        "s3",
        endpoint_url=env["MEDIA_S3_ENDPOINT_URL"],
        region_name=env["MEDIA_S3_REGION"],
        aws_access_key_id=env["MEDIA_S3_ACCESS_KEY_ID"],
        aws_secret_access_key=env["MEDIA_S3_SECRET_ACCESS_KEY"],
    )


def node_ports(running_stack):
    return [int(url.rsplit(":", 1)[1]) for url in running_stack["nodes"]]


def test_a_photo_uploaded_through_one_node_is_shown_by_the_other(running_stack, stack_env, sql):
    port_a, port_b = node_ports(running_stack)
    login = running_stack["login"]
    editor_a = Visitor(node_port=port_a)
    editor_a.log_in(login)
    editor_a.get("/admin/images/add/")
    status, headers, _ = editor_a.post_form(
        "/admin/images/add/",
        {"title": "Drill photo", "description": "A gray counter, for the drill", "tags": ""},
        {"file": ("drill.jpg", photo_bytes(), "image/jpeg")},
    )
    assert status == 302, status
    [(image_id,)] = sql("SELECT id FROM images_customimage WHERE title = 'Drill photo'")

    # Node B, which never saw the upload, shows it: the file is in the shared store.
    editor_b = Visitor(node_port=port_b)
    editor_b.cookies = dict(editor_a.cookies)  # the same session, kept in the database
    pages = [editor.get(f"/admin/images/{image_id}/")[2] for editor in (editor_b, editor_a)]
    urls = [re.search(rb'src="([^"]+max-800x600[^"]*)"', page).group(1) for page in pages]
    assert urls[0] == urls[1]
    status, _, body = Visitor().get(
        urls[0].decode().replace(f"https://127.0.0.1:{stack.FRONT_PORT}", "")
    )
    assert status == 200 and body[:3] == b"\xff\xd8\xff"  # a JPEG, served from the store

    counts = sql(
        "SELECT filter_spec, count(*) FROM images_customrendition WHERE image_id = %s "
        "GROUP BY filter_spec",
        image_id,
    )
    # And one file per size in the bucket: no node made its own copy.
    [(original,)] = sql("SELECT file FROM images_customimage WHERE id = %s", image_id)
    stem = original.rsplit("/", 1)[1].rsplit(".", 1)[0]
    # The demo's slab photos put well over a thousand files under images/, more than one
    # listing page holds: ask for this photo's files only, and read every page.
    listing = (
        store_client(stack_env)
        .get_paginator("list_objects_v2")
        .paginate(Bucket=stack_env["MEDIA_S3_BUCKET"], Prefix=f"images/{stem}.")
    )
    files = [item["Key"] for page in listing for item in page.get("Contents", [])]
    print(
        f"\nDrill 1: renditions of the new photo after both nodes showed it: {counts}; "
        f"files in the bucket: {len(files)}"
    )
    assert counts and all(count == 1 for _, count in counts)
    assert len(files) == len(counts)


def test_a_node_stopped_under_load_costs_no_visitor_an_error(running_stack, sql):
    """500 GETs over several pages (each address new to Varnish, so every one reaches a
    node) while node A is stopped halfway, then 50 estimate requests with A still down."""
    pages = ["/", "/gallery/", "/blog/", "/services/", "/materials/"]
    statuses, lock = Counter(), threading.Lock()
    node_a = running_stack["servers"]["app-a"]["pid"]

    def browse(worker):
        visitor = Visitor()
        for n in range(worker, 500, 5):
            try:
                status, _, _ = visitor.get(f"{pages[n % len(pages)]}?drill={n}")
            except (OSError, http.client.HTTPException) as error:  # none, or cut off: an error
                status = type(error).__name__
            with lock:
                statuses[status] += 1
            if n == 250:
                os.killpg(node_a, signal.SIGKILL)

    threads = [threading.Thread(target=browse, args=(w,)) for w in range(5)]
    started = time.monotonic()
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        gets = dict(statuses)
        thanked, stored = post_estimates_with_node_a_down(sql)
    finally:
        restart_node_a(running_stack)
    print(
        f"\nDrill 2: 500 GETs in {time.monotonic() - started:.1f} s, node A killed at the "
        f"250th: statuses {gets}"
    )
    print(
        f"Drill 2: 50 estimate POSTs with node A down: {len(thanked)} thanked, "
        f"{len(stored)} stored, {sum(c > 1 for c in stored.values())} stored twice"
    )
    assert gets == {200: 500}
    assert len(thanked) == 50
    assert set(thanked) <= set(stored) and all(count == 1 for count in stored.values())


def post_estimates_with_node_a_down(sql):
    """50 visitors each send the estimate form: (emails thanked, Counter of emails stored)."""
    thanked = []
    visitors = [Visitor(f"127.0.0.{10 + n}") for n in range(50)]
    forms = [form_fields(visitor.get("/contact/")[2]) for visitor in visitors]
    time.sleep(3.5)  # a person takes more than a few seconds to fill in the form
    for n, (visitor, hidden) in enumerate(zip(visitors, forms, strict=True)):
        email = f"drill2-{n}@example.com"
        status, _, body = visitor.post_form(
            "/contact/", {**hidden, **estimate(f"Drill Two {n}", email)}
        )
        if status == 200 and THANKS in body:
            thanked.append(email)
    stored = Counter(
        email
        for (email,) in sql(
            "SELECT email FROM contact_estimaterequest WHERE email LIKE 'drill2-%%'"
        )
    )
    return thanked, stored


def restart_node_a(running_stack):
    """Node A back on its port, as systemd would bring it back, for the drills after this."""
    env = {**os.environ, **stack.read_env()}
    port = node_ports(running_stack)[0]
    servers.Server.detached = True  # it outlives the drills, like the rest of the stack
    node = servers.gunicorn(stack.STACK_DIR, env, name="app-a", port=port)
    running_stack["servers"]["app-a"].update(
        pid=node.process.pid, started=stack.started_at(node.process.pid)
    )
    stack.write_private(stack.STATE, json.dumps(running_stack, indent=2))


def test_the_rate_limit_is_shared_by_both_nodes_and_cannot_be_spoofed(running_stack):
    def eight_posts(visitors, name, spoof=False):
        hidden = form_fields(visitors[0].get("/contact/")[2])
        statuses = []
        for n in range(8):
            visitor = visitors[n % len(visitors)]
            forged = f"198.51.100.{n}"
            headers = {"X-Forwarded-For": forged, "X-Real-IP": forged} if spoof else {}
            fields = {**hidden, **estimate("Drill Three", f"drill3-{name}-{n}@example.com")}
            statuses.append(visitor.post_form("/contact/", fields, headers=headers)[0])
        return statuses

    # One address, each post to the other node, as nginx's balancer sends them in turn.
    node_a, node_b = (Visitor("127.0.0.199", node_port=port) for port in node_ports(running_stack))
    node_b.cookies = node_a.cookies  # one browser
    alternating = eight_posts([node_a, node_b], "nodes")
    # One address at the front door, forging the headers that carry the visitor's address.
    forged = eight_posts([Visitor("127.0.0.200")], "forged", spoof=True)
    other = eight_posts([Visitor("127.0.0.201")], "other")[:1]
    print(
        f"\nDrill 3: eight posts from one address to nodes A and B in turn: {alternating}; "
        f"eight through the front, each with a new forged X-Forwarded-For and X-Real-IP: "
        f"{forged}; another address: {other}"
    )
    assert alternating == [200] * 5 + [429] * 3  # A's and B's counts are one count
    assert forged == [200] * 5 + [429] * 3
    assert other == [200]


def test_two_mail_workers_send_each_email_exactly_once(running_stack, stack_env, sql):
    [(since,)] = sql("SELECT now()")
    second = servers.worker(
        stack.STACK_DIR, {**os.environ, **stack_env}, "mail", name="mail-worker-2"
    )
    try:
        visitors = [Visitor(f"127.0.1.{n + 1}") for n in range(20)]
        forms = [form_fields(visitor.get("/contact/")[2]) for visitor in visitors]
        time.sleep(3.5)
        answers = [None] * 20

        def send(n):
            answers[n] = visitors[n].post_form(
                "/contact/",
                {**forms[n], **estimate(f"Drill Five {n}", f"drill5-{n}@example.com")},
            )

        threads = [threading.Thread(target=send, args=(n,)) for n in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert all(status == 200 and THANKS in body for status, _, body in answers)

        wait_until(lambda: len(drill_recipients("drill5-")) >= 40, seconds=90)
        time.sleep(2)  # and nothing more arrives
        sent = Counter(drill_recipients("drill5-"))
    finally:
        second.stop()
    ran_by = Counter(
        worker
        for (workers,) in sql(
            "SELECT worker_ids FROM django_tasks_database_dbtaskresult "
            "WHERE backend_name = 'mail' AND enqueued_at >= %s",
            since,
        )
        for worker in workers
    )
    print(
        f"\nDrill 5: 20 requests sent at once, two mail workers: {sum(sent.values())} emails to "
        f"{len(sent)} addresses, most to one address: {max(sent.values(), default=0)}; "
        f"tasks run by each worker: {dict(ran_by)}"
    )
    assert sum(sent.values()) == 40
    assert all(sent[f"drill5-{n}@example.com"] == 1 for n in range(20))  # each confirmation once
    assert set(ran_by) == {"mail-worker", "mail-worker-2"}  # both took part


def drill_recipients(prefix):
    """The To: of each message in the stack's mail catcher that mentions `prefix`."""
    maildir = stack.STACK_DIR / "maildir" / "new"
    found = []
    for path in maildir.glob("*") if maildir.exists() else []:
        text = path.read_text(errors="replace")
        if prefix in text:
            found.append(re.search(r"^To: (.+)$", text, re.M).group(1))
    return found


# Per-request values that differ between any two renders of a page.
TOKENS = re.compile(rb'(name="(?:csrfmiddlewaretoken|lm_started)" value=")[^"]*')


def test_backup_and_restore_give_the_same_site_and_send_no_email_twice(
    running_stack, stack_env, sql
):
    env = {**os.environ, **stack_env}
    servers.Server.detached = True  # what this drill starts outlives it, like the stack
    stack.stop_group(running_stack["servers"]["mail-worker"]["pid"])  # emails stay queued
    visitors = [Visitor(f"127.0.2.{n + 1}") for n in range(3)]
    forms = [form_fields(visitor.get("/contact/")[2]) for visitor in visitors]
    time.sleep(3.5)
    for n, (visitor, hidden) in enumerate(zip(visitors, forms, strict=True)):
        fields = {**hidden, **estimate(f"Drill Four {n}", f"drill4-{n}@example.com")}
        assert THANKS in visitor.post_form("/contact/", fields)[2]

    backups = stack.STACK_DIR / "backups"
    made = run_tool(env, "create", "--to", str(backups))
    backup = sorted(backups.iterdir())[-1]
    # The original's worker comes back and sends what was queued.
    worker = servers.worker(stack.STACK_DIR, env, "mail")
    running_stack["servers"]["mail-worker"].update(
        pid=worker.process.pid, started=stack.started_at(worker.process.pid)
    )
    stack.write_private(stack.STATE, json.dumps(running_stack, indent=2))

    restored_env = {**env, **restored_site(env)}
    restored = run_tool(restored_env, "restore", str(backup))
    node = servers.gunicorn(stack.STACK_DIR, restored_env, name="restored")
    restored_worker = servers.worker(
        stack.STACK_DIR, restored_env, "mail", name="restored-mail-worker"
    )
    try:
        original, copy = (
            Visitor(node_port=node_ports(running_stack)[1]),
            Visitor(node_port=node.port),
        )
        differing = []
        for path in ["/", "/services/", "/services/kitchen-countertops/", "/materials/",
                     "/gallery/", "/blog/", "/blog/treaty-of-moscow-1921/", "/contact/",
                     "/about/", "/faq/"]:  # fmt: skip
            pages = [TOKENS.sub(rb"\1", visitor.get(path)[2]) for visitor in (original, copy)]
            if pages[0] != pages[1]:
                at = next(i for i, (a, b) in enumerate(zip(*pages, strict=False)) if a != b)
                differing.append((path, pages[0][at - 80 : at + 80], pages[1][at - 80 : at + 80]))
        leads = (
            "SELECT id, email, form_data::text, submit_time FROM contact_estimaterequest "
            "ORDER BY id"
        )
        with psycopg.connect(restored_env["DATABASE_URL"]) as connection:
            restored_leads = connection.execute(leads).fetchall()
        original_leads = sql(leads)
        time.sleep(5)  # the restored worker has had time to send anything it would send
        sent = Counter(to for to in drill_recipients("drill4-") if to.startswith("drill4-"))
    finally:
        node.stop()
        restored_worker.stop()
        stack.drop_database(
            psycopg.conninfo.conninfo_to_dict(restored_env["DATABASE_URL"])["dbname"]
        )
    print(
        f"\nDrill 4: {made.splitlines()[-1]}\n         {restored.splitlines()[0]}\n"
        f"         10 pages, {len(differing)} differ; {len(restored_leads)} leads in both; "
        f"emails to the 3 visitors whose were queued at backup time: {dict(sent)}"
    )
    assert differing == []
    assert restored_leads == original_leads and len(restored_leads) >= 3
    assert "3 queued emails held" in restored
    assert sent == {f"drill4-{n}@example.com": 1 for n in range(3)}  # sent once, by the original


def restored_site(env):
    """A new database and new buckets for the restored copy, and a Redis database of its own."""
    source = psycopg.conninfo.conninfo_to_dict(env["DATABASE_URL"])
    restored_database = f"{source['dbname']}_restored"
    stack.postgres_admin(
        f"DROP DATABASE IF EXISTS {restored_database};",
        f"CREATE DATABASE {restored_database} OWNER {source['user']};",
    )
    store = store_client(env)
    run = secrets.token_hex(3)
    media, private = f"media-restored-{run}", f"private-restored-{run}"
    for bucket in (media, private):
        store.create_bucket(Bucket=bucket)
    return {
        "DATABASE_URL": env["DATABASE_URL"].rsplit("/", 1)[0] + "/" + restored_database,
        "MEDIA_S3_BUCKET": media,
        "PRIVATE_MEDIA_S3_BUCKET": private,
        "REDIS_URL": env["REDIS_URL"].rsplit("/", 1)[0] + "/1",
    }


def run_tool(env, *arguments):
    result = subprocess.run(
        [sys.executable, "-m", "tools.backup", *arguments],
        env=env,
        cwd=servers.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout
