"""Reliability drills (issue 12): Redis down, the mail worker killed while it sends, the
database restarted under load, and a mail server that refuses, then hangs, then works.

Unlike test_drills.py these do not use `make stack`: each starts what it needs (gunicorn, the
mail worker, an SMTP sink in this process) on 127.0.0.1, against a throwaway PostgreSQL
cluster made once for the module, and stops it all at the end. Every wait has a deadline.
"""

import asyncio
import contextlib
import email
import os
import signal
import socket
import threading
import time
from collections import Counter

import psycopg
import pytest
from aiosmtpd.controller import Controller

from deploy.drills.conftest import Visitor, estimate, form_fields, wait_until
from tools import servers, stack

THANKS = b"Thank you, we have your request"
PAGES = ["/", "/services/", "/services/kitchen-countertops/", "/materials/", "/gallery/",
         "/blog/", "/blog/treaty-of-moscow-1921/", "/contact/", "/about/", "/faq/"]  # fmt: skip
# Short waits, so that a drill takes seconds: the mail server's timeout, the worker's pause
# after a mail failure, the retry schedule (27 s in all) and when a task's worker is dead.
SHORT_TIMES = {
    "EMAIL_TIMEOUT": "2",
    "MAIL_PAUSE_SECONDS": "2",
    "MAIL_RETRY_SECONDS": "2,2,2,3,3,5,5,5",
    "TASK_RECLAIM_SECONDS": "4",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A throwaway PostgreSQL cluster with the demo loaded, and the production environment
    the drills' processes run with (REDIS_URL and EMAIL_PORT are each drill's)."""
    workdir = tmp_path_factory.mktemp("reliability")
    cluster = servers.postgres_cluster(workdir)
    try:
        env = stack.environment(cluster.url, "", {}, 25)
        for key in list(env):  # nothing of a stack or bucket set in the caller's shell
            if key.startswith(("MEDIA_S3_", "PRIVATE_MEDIA_S3_", "FRONTEND_CACHE", "CLOUDFLARE")):
                del env[key]
        env.update(SHORT_TIMES)
        env.update(
            STATIC_ROOT=str(workdir / "static"),
            MEDIA_ROOT=str(workdir / "media"),
            PRIVATE_MEDIA_ROOT=str(workdir / "private-media"),
        )
        # Static files are collected while the database is filled: they need none of it.
        collect = threading.Thread(
            target=stack.run_manage, args=(env, ["collectstatic", "--noinput", "-v0"])
        )
        collect.start()
        try:
            stack.run_manage(env, ["migrate", "--noinput", "-v0"])
            stack.run_manage(env, ["load_demo_content", "--if-empty", "--small-images", "-v0"])
        finally:
            collect.join(timeout=300)
        assert (workdir / "static" / "staticfiles.json").exists(), "collectstatic failed"
        yield {"cluster": cluster, "env": env, "workdir": workdir}
    finally:
        cluster.stop()


@pytest.fixture
def sql(site):
    """A query on the drills' database, on a connection of its own (R3 restarts the cluster)."""

    def query(statement, *params):
        with psycopg.connect(site["cluster"].url, autocommit=True) as connection:
            return connection.execute(statement, params).fetchall()

    return query


@pytest.fixture
def started():
    """Whatever a drill starts it passes to `started(server)`; all are stopped at its end,
    the last started first."""
    with contextlib.ExitStack() as stop:

        def keep(thing):
            stop.callback(thing.stop)
            return thing

        yield keep


class Sink:
    """An SMTP server in this process on its own port that keeps every message it is given
    (To, Reply-To, Message-ID, subject) and behaves as it is told: `accept`, `refuse` (nothing
    listens: connections are refused) or `hang` (connections are taken, never answered).

    `kill(pid, at, n)` SIGKILLs a worker at a point of the `n`th message from then on: at
    "connect" (its EHLO, before it is sent) or after its "data" (kept, before the 250 that
    would tell the worker it was taken)."""

    def __init__(self):
        self.port = servers.free_port()
        self.messages, self.lock = [], threading.Lock()
        self.mode, self.controller, self.hanging = None, None, None
        self.plan, self.seen = None, 0
        self.set("accept")

    def set(self, mode):
        self.stop()
        if mode == "accept":
            self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)
            self.controller.start()
        elif mode == "hang":
            self.hanging = _Hang(self.port)
        self.mode = mode

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None
        if self.hanging:
            self.hanging.stop()
            self.hanging = None

    def kill(self, pid, at, n):
        with self.lock:
            self.plan, self.seen = (pid, at, n), 0

    def killing(self, at):
        """The pid to kill at this point of the current message, if the plan says so."""
        with self.lock:
            if self.plan is None:
                return None
            if at == "connect":
                self.seen += 1
            pid, point, n = self.plan
            if point == at and self.seen == n:
                self.plan = None
                return pid
        return None

    def keep(self, content):
        message = email.message_from_bytes(content)
        with self.lock:
            self.messages.append(
                {
                    "to": message["To"],
                    "reply_to": message["Reply-To"],
                    "message_id": message["Message-ID"],
                    "subject": message["Subject"],
                    "at": time.monotonic(),
                }
            )

    def sent(self, prefix):
        """Messages about the leads whose email starts with `prefix`: the visitor's (To)
        and the office's (Reply-To)."""
        with self.lock:
            return [
                m
                for m in self.messages
                if (m["to"] or "").startswith(prefix) or (m["reply_to"] or "").startswith(prefix)
            ]


class _Handler:
    def __init__(self, sink):
        self.sink = sink

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if pid := self.sink.killing("connect"):
            os.kill(pid, signal.SIGKILL)
            await asyncio.sleep(0.5)  # dead before it reads an answer
        return responses

    async def handle_DATA(self, server, session, envelope):
        self.sink.keep(envelope.content)
        if pid := self.sink.killing("data"):
            os.kill(pid, signal.SIGKILL)
            await asyncio.sleep(0.5)  # the 250 below reaches no one
        return "250 OK"


class _Hang:
    """Takes connections on `port` and never says a word."""

    def __init__(self, port):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", port))
        self.listener.listen(64)
        self.listener.settimeout(0.2)
        self.taken, self.running = [], True
        self.thread = threading.Thread(target=self._take, daemon=True)
        self.thread.start()

    def _take(self):
        while self.running:
            with contextlib.suppress(TimeoutError):
                self.taken.append(self.listener.accept()[0])

    def stop(self):
        self.running = False
        self.thread.join(timeout=5)
        self.listener.close()
        for connection in self.taken:
            connection.close()


def drill_env(site, sink, redis_url=""):
    return {**site["env"], "EMAIL_PORT": str(sink.port), "REDIS_URL": redis_url}


def open_forms(port, addresses):
    """A visitor per address who has opened the contact page: (visitor, hidden fields)."""
    opened = []
    for address in addresses:
        visitor = Visitor(address, node_port=port)
        status, _, body = visitor.get("/contact/")
        assert status == 200, status
        opened.append((visitor, form_fields(body)))
    return opened


def send(visitor, hidden, name, email_address):
    """Post the estimate form: "thanked", another status, or the error the client saw."""
    try:
        status, _, body = visitor.post_form(
            "/contact/", {**hidden, **estimate(name, email_address)}
        )
    except OSError as error:
        return type(error).__name__
    return "thanked" if status == 200 and THANKS in body else status


def stored(sql, prefix):
    return Counter(
        email_address
        for (email_address,) in sql(
            "SELECT email FROM contact_estimaterequest WHERE email LIKE %s", prefix + "%"
        )
    )


def delivered(sink, prefix):
    """(office emails, visitor emails) per lead's address, from what the sink kept."""
    office, visitor = Counter(), Counter()
    for message in sink.sent(prefix):
        if message["to"].startswith(prefix):
            visitor[message["to"]] += 1
        else:
            office[message["reply_to"]] += 1
    return office, visitor


def test_r1_redis_down_costs_no_page_and_no_lead(site, sql, started):
    sink = started(Sink())
    closed = f"redis://127.0.0.1:{servers.free_port()}/0"  # nothing listens there
    env = drill_env(site, sink, redis_url=closed)
    node = started(servers.gunicorn(site["workdir"], env, workers=2, name="r1-app"))
    started(servers.worker(site["workdir"], env, "mail", name="r1-mail-worker"))

    began = time.monotonic()
    statuses = {path: Visitor(node_port=node.port).get(path)[0] for path in PAGES}
    pages_took = time.monotonic() - began
    [(visitor, hidden)] = open_forms(node.port, ["127.0.0.1"])
    time.sleep(3.5)  # a person takes more than a few seconds to fill in the form
    answer = send(visitor, hidden, "Drill R One", "r1-lead@example.com")
    wait_until(lambda: len(sink.sent("r1-")) >= 2, seconds=30)
    office, confirmation = delivered(sink, "r1-")
    print(
        f"\nDrill R1: Redis down: {sum(s == 200 for s in statuses.values())}/10 pages answered "
        f"200 in {pages_took:.1f} s; the estimate post: {answer}, stored "
        f"{stored(sql, 'r1-')['r1-lead@example.com']} time(s), emails: {sum(office.values())} "
        f"to the office, {sum(confirmation.values())} to the visitor"
    )
    assert statuses == {path: 200 for path in PAGES}
    assert answer == "thanked"
    assert stored(sql, "r1-") == {"r1-lead@example.com": 1}
    assert office == {"r1-lead@example.com": 1} and confirmation == {"r1-lead@example.com": 1}


KILL_POINTS = [
    ("before the office mail", "connect", 1),
    ("between the two mails", "connect", 2),
    ("after both, before the DB write", "data", 2),
]


def test_r2_a_worker_killed_anywhere_in_the_send_path_loses_and_repeats_nothing(site, sql, started):
    sink = started(Sink())
    env = drill_env(site, sink)
    node = started(servers.gunicorn(site["workdir"], env, workers=2, name="r2-app"))
    worker = servers.worker(site["workdir"], env, "mail", name="r2-mail-worker")
    rows = []
    try:
        opened = open_forms(node.port, [f"127.0.2.{n + 1}" for n in range(len(KILL_POINTS))])
        time.sleep(3.5)
        for n, ((visitor, hidden), (point, at, message)) in enumerate(
            zip(opened, KILL_POINTS, strict=True)
        ):
            lead = f"r2-{n}@example.com"
            sink.kill(worker.process.pid, at, message)
            began = time.monotonic()
            assert send(visitor, hidden, f"Drill R Two {n}", lead) == "thanked"
            process = worker.process
            died = wait_until(process.poll, seconds=20, step=0.1)
            worker.stop()  # reaps it
            worker = servers.worker(site["workdir"], env, "mail", name="r2-mail-worker")

            def done(lead=lead):
                """Both emails noted as sent on the lead: the task has finished."""
                return sql(
                    "SELECT 1 FROM contact_estimaterequest WHERE email = %s AND "
                    "staff_notified_at IS NOT NULL AND visitor_confirmed_at IS NOT NULL",
                    lead,
                )

            wait_until(done, seconds=30, step=0.2)
            time.sleep(1)  # and nothing more for it
            office, visitor_mail = delivered(sink, lead)
            rows.append((point, died, office[lead], visitor_mail[lead], time.monotonic() - began))
        leads = sql(
            "SELECT email, staff_notified_at IS NOT NULL, visitor_confirmed_at IS NOT NULL "
            "FROM contact_estimaterequest WHERE email LIKE 'r2-%%' ORDER BY email"
        )
    finally:
        worker.stop()
    print("\nDrill R2: worker killed at        died  office  visitor  seconds to done")
    for point, died, office, visitor_mail, seconds in rows:
        print(f"Drill R2:   {point:<31} {died!s:<5} {office:>6} {visitor_mail:>8}  {seconds:.1f}")
    assert [died for _, died, *_ in rows] == [True] * 3
    assert [(office, visitor_mail) for _, _, office, visitor_mail, _ in rows] == [
        (1, 1),
        (1, 1),
        (1, 2),  # the visitor's mail was taken but not noted: sent again, same Message-ID
    ]
    assert leads == [(f"r2-{n}@example.com", True, True) for n in range(3)]
    copies = {m["message_id"] for m in sink.sent("r2-2@") if m["to"] == "r2-2@example.com"}
    assert len(copies) == 1  # one message in the visitor's mailbox


def test_r3_a_database_restart_under_load_loses_no_lead_and_stores_none_twice(site, sql, started):
    sink = started(Sink())
    env = drill_env(site, sink)
    node = started(servers.gunicorn(site["workdir"], env, workers=2, name="r3-app"))
    worker = started(servers.worker(site["workdir"], env, "mail", name="r3-mail-worker"))
    # 200 visitors, each from an address of its own (5 posts a minute per address).
    addresses = [f"127.0.3.{n + 1}" for n in range(200)]
    answers, posted, lock = {}, [0], threading.Lock()
    ready = threading.Barrier(11)

    def client(t):
        opened = open_forms(node.port, addresses[t::10])
        ready.wait(timeout=120)
        time.sleep(3.5)
        for n, (visitor, hidden) in zip(range(t, 200, 10), opened, strict=True):
            answer = send(visitor, hidden, f"Drill R Three {n}", f"r3-{n}@example.com")
            with lock:
                answers[f"r3-{n}@example.com"] = answer
                posted[0] += 1

    threads = [threading.Thread(target=client, args=(t,), daemon=True) for t in range(10)]
    for thread in threads:
        thread.start()
    ready.wait(timeout=120)
    began = time.monotonic()
    assert wait_until(lambda: posted[0] >= 60, seconds=60, step=0.01)
    restarted_at = posted[0]
    restart_seconds = site["cluster"].restart()
    for thread in threads:
        thread.join(timeout=120)
    posting_took = time.monotonic() - began
    assert len(answers) == 200, "a client did not finish in time"

    thanked = {lead for lead, answer in answers.items() if answer == "thanked"}
    errors = Counter(answer for answer in answers.values() if answer != "thanked")
    leads = stored(sql, "r3-")
    expected = {
        lead
        for (lead,) in sql(
            "SELECT email FROM contact_estimaterequest WHERE email LIKE 'r3-%%' AND NOT is_spam"
        )
    }

    def tasks():
        """The leads' mail tasks by status."""
        return dict(
            sql(
                "SELECT status, count(*) FROM django_tasks_database_dbtaskresult "
                "WHERE backend_name = 'mail' AND (args_kwargs->'args'->>0)::bigint IN "
                "(SELECT id FROM contact_estimaterequest WHERE email LIKE 'r3-%%') "
                "GROUP BY status"
            )
        )

    def all_sent():
        office, visitor_mail = delivered(sink, "r3-")
        # A task cut off by the restart stays RUNNING until it is put back in the queue.
        finished = set(tasks()) <= {"SUCCESSFUL", "FAILED"}
        return expected <= set(office) and expected <= set(visitor_mail) and finished

    wait_until(all_sent, seconds=90)
    office, visitor_mail = delivered(sink, "r3-")
    twice = sum(count > 1 for count in [*office.values(), *visitor_mail.values()])
    print(
        f"\nDrill R3: 200 posts from 10 clients in {posting_took:.1f} s, the database restarted "
        f"after {restarted_at} (back in {restart_seconds:.2f} s): {len(thanked)} thanked, "
        f"{len(leads)} stored, {sum(c > 1 for c in leads.values())} stored twice, errors seen "
        f"by clients: {dict(errors)}"
    )
    print(
        f"Drill R3: emails sent: {sum(office.values())} to the office, "
        f"{sum(visitor_mail.values())} to visitors, for {len(expected)} leads not spam; "
        f"sent twice: {twice}; tasks by status: {tasks()}; worker alive: "
        f"{worker.process.poll() is None}"
    )
    assert thanked <= set(leads)
    assert all(count == 1 for count in leads.values())
    assert worker.process.poll() is None
    assert expected <= set(office) and expected <= set(visitor_mail)
    assert set(tasks()) == {"SUCCESSFUL"}


def test_r4_a_mail_server_that_refuses_then_hangs_then_works_gets_every_email_once(
    site, sql, started
):
    sink = started(Sink())
    sink.set("refuse")
    env = drill_env(site, sink)
    node = started(servers.gunicorn(site["workdir"], env, workers=2, name="r4-app"))
    started(servers.worker(site["workdir"], env, "mail", name="r4-mail-worker"))
    opened = open_forms(node.port, [f"127.0.4.{n + 1}" for n in range(50)])
    time.sleep(3.5)
    began = time.monotonic()
    answers = [
        send(visitor, hidden, f"Drill R Four {n}", f"r4-{n}@example.com")
        for n, (visitor, hidden) in enumerate(opened)
    ]
    assert answers == ["thanked"] * 50
    time.sleep(max(0.0, began + 6 - time.monotonic()))  # refused for 6 s from the first
    sink.set("hang")
    time.sleep(6)
    sink.set("accept")
    recovered = time.monotonic()
    wait_until(lambda: len(sink.sent("r4-")) >= 100, seconds=60, step=0.2)
    time.sleep(2)  # and nothing more
    messages = sink.sent("r4-")
    last = max((m["at"] for m in messages), default=recovered)
    by_id_and_to = Counter((m["message_id"], m["to"]) for m in messages)
    office, visitor_mail = delivered(sink, "r4-")
    [(failed, most_tries)] = sql(
        "SELECT count(mail_failed_at), max(mail_attempts) + 1 FROM contact_estimaterequest "
        "WHERE email LIKE 'r4-%%'"
    )
    print(
        f"\nDrill R4: 50 leads posted while the mail server refused, then hung 6 s: "
        f"{len(messages)} emails ({len(by_id_and_to)} distinct Message-ID and To), the last "
        f"{last - recovered:.1f} s after it worked again; most tries for one lead: {most_tries} of "
        f"{len(SHORT_TIMES['MAIL_RETRY_SECONDS'].split(',')) + 1}; leads marked not delivered: "
        f"{failed}"
    )
    assert len(messages) == 100 and len(by_id_and_to) == 100
    leads = {f"r4-{n}@example.com": 1 for n in range(50)}
    assert office == leads and visitor_mail == leads
    assert failed == 0
