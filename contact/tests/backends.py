"""Mail backends that misbehave, for tests."""

from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


class ExplodingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise AssertionError("the web request must not send mail itself")
