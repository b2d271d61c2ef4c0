"""Sending email from the task queue: one rule for every message the site sends.

A message is sent by a worker, never inside a visitor's request. When the mail server refuses
or does not answer, the worker stops trying for MAIL_PAUSE_SECONDS: the other messages in the
queue are put off at once instead of each waiting EMAIL_TIMEOUT for the same dead server, and
each is tried again on its own schedule (MAIL_RETRY_SECONDS). Messages carry a Message-ID
made from what they are about, so a copy sent twice (a worker killed after the server took
the message, before it could note it) is one message in the recipient's mailbox.
"""

import datetime
import logging
import smtplib
import time

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone

logger = logging.getLogger(__name__)


class MailPaused(Exception):
    """The mail server failed a moment ago; this message was not tried."""


class _Pause:
    """Until when this worker process leaves the mail server alone."""

    until = 0.0

    def check(self):
        if time.monotonic() < self.until:
            raise MailPaused(f"mail paused for {self.until - time.monotonic():.0f} s more")

    def start(self):
        self.until = time.monotonic() + settings.MAIL_PAUSE_SECONDS

    def end(self):
        self.until = 0.0


pause = _Pause()

# What a mail server that refuses, hangs or drops the connection raises.
DELIVERY_ERRORS = (OSError, smtplib.SMTPException)


def send(message, about):
    """Send one EmailMessage now, with a Message-ID made from `about` (e.g. "estimate-12-office")
    unless it has one. Raises MailPaused without trying while the server is paused, and
    starts a pause when the server fails."""
    pause.check()
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    message.extra_headers.setdefault("Message-ID", f"<{about}@{domain}>")
    try:
        message.send()
    except DELIVERY_ERRORS:
        pause.start()
        raise
    pause.end()


def retry_at(attempts):
    """When to try again after `attempts` failed tries, or None when that was the last."""
    pauses = settings.MAIL_RETRY_SECONDS
    if attempts > len(pauses):
        return None
    return timezone.now() + datetime.timedelta(seconds=pauses[attempts - 1])


def compose(template, subject, to, context, reply_to=None, from_email=None):
    """A message in text and HTML from `template`.txt and `template`.html."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to,
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message
