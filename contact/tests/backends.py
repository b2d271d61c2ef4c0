"""Mail backends that misbehave, for tests."""

from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    """A mail server that refuses connections; counts how often it was asked."""

    calls = 0

    def send_messages(self, messages):
        FailingBackend.calls += 1
        raise ConnectionRefusedError("mail server down")


class ExplodingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise AssertionError("the web request must not send mail itself")
