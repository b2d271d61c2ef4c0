"""Staff roles live in roles.py. This module holds the one thing staff accounts add: a one-time
password that `create_staff_user` gave, still unchanged."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

# A one-time password nobody used within this long no longer signs anyone in.
ONE_TIME_PASSWORD_LIFETIME = datetime.timedelta(hours=72)


class OneTimePassword(models.Model):
    """The account still has the password it was given: its owner must choose their own at the
    first sign-in (staff/passwords.py), and cannot sign in with it after 72 hours."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="one_time_password"
    )
    given_at = models.DateTimeField(default=timezone.now)
    # The stored hash of the given password: once the account's differs, it was changed.
    password_hash = models.CharField(max_length=256)

    def __str__(self):
        return f"one-time password of {self.user}"

    @property
    def expired(self):
        return timezone.now() - self.given_at > ONE_TIME_PASSWORD_LIFETIME

    @property
    def changed(self):
        return self.user.password != self.password_hash
