"""The production stack (`make stack`, tools/stack.py), started once for the drills.

The drills speak HTTP to it like visitors and staff do, and read its PostgreSQL database
directly to count what was stored. A visitor is a loopback address of its own (127.0.0.x), so
nginx sees as many visitors as the drill needs, each with its own rate-limit counter.
"""

import http.client
import json
import re
import ssl
import time
import urllib.parse
import uuid
from http.cookies import SimpleCookie

import psycopg
import pytest
from django_otp.oath import totp

from tools import stack


@pytest.fixture(scope="session")
def running_stack():
    """A stack already up (`make stack`) is used and left running; otherwise one is started
    for the drills and stopped after them."""
    if stack.STATE.exists():
        yield json.loads(stack.STATE.read_text())
        return
    state = stack.up(small_images=True)
    try:
        yield state
    finally:
        stack.down()


@pytest.fixture(scope="session")
def stack_env(running_stack):
    return stack.read_env()


@pytest.fixture
def sql(stack_env):
    with psycopg.connect(stack_env["DATABASE_URL"], autocommit=True) as connection:

        def query(statement, *params):
            return connection.execute(statement, params).fetchall()

        yield query


class Visitor:
    """A browser at the front door (nginx over TLS), or at one app node as nginx would reach
    it: keeps its cookies, whatever their Secure flag, and sends from its own address."""

    def __init__(self, address="127.0.0.1", node_port=None):
        self.address, self.node_port = address, node_port
        self.cookies = {}

    def connection(self):
        if self.node_port:
            return http.client.HTTPConnection(
                "127.0.0.1", self.node_port, timeout=30, source_address=(self.address, 0)
            )
        context = ssl.create_default_context(cafile=str(stack.CERTIFICATE))
        return http.client.HTTPSConnection(
            "127.0.0.1",
            stack.FRONT_PORT,
            timeout=30,
            context=context,
            source_address=(self.address, 0),
        )

    def request(self, method, path, body=None, headers=None):
        headers = {"Host": f"127.0.0.1:{stack.FRONT_PORT}", **(headers or {})}
        if self.node_port:  # what nginx adds on the way to a node
            headers.update({"X-Forwarded-Proto": "https", "X-Real-IP": self.address})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = self.connection()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, content

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, path, fields, files=None, headers=None):
        fields = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **fields}
        referer = f"https://127.0.0.1:{stack.FRONT_PORT}{path}"
        if files:
            body, content_type = multipart(fields, files)
        else:
            body = urllib.parse.urlencode(fields).encode()
            content_type = "application/x-www-form-urlencoded"
        return self.request("POST", path, body, {"Content-Type": content_type, "Referer": referer})

    def log_in(self, login):
        """Sign in to the admin as `login` (the stack's state): password, then the code its
        phone app would show now."""
        self.get("/admin/login/")
        status, headers, _ = self.post_form(
            "/admin/login/",
            {"username": login["user"], "password": login["password"], "next": "/admin/"},
        )
        assert status == 302, status
        code = f"{totp(bytes.fromhex(login['totp_key'])):06d}"
        status, headers, _ = self.post_form("/admin/second-factor/", {"code": code})
        assert status == 302 and headers["Location"].endswith("/admin/"), status


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        disposition = f'Content-Disposition: form-data; name="{name}"'
        parts.append(f"--{boundary}\r\n{disposition}\r\n\r\n{value}\r\n".encode())
    for name, (filename, data, content_type) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def form_fields(html):
    """The hidden fields of the estimate form as served (CSRF token, form-start token)."""
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html.decode()))


def estimate(name, email):
    """A request as a visitor fills in the demo's form (core/demo/content.py)."""
    return {
        "your_name": name,
        "phone": "(404) 555-0123",
        "email": email,
        "project_type": "Kitchen",
        "stone": "",
        "zip_code": "30301",
        "best_time_to_reach_you": "Morning",
        "tell_us_about_the_project": "Island and two runs.",
        "lm_homepage": "",
    }


def wait_until(condition, seconds=60, step=0.5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def read_json(content):
    return json.loads(content)
