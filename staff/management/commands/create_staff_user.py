"""Make a staff account with one role. The password is random and shown once."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from staff.models import OneTimePassword
from staff.roles import ROLES, SECOND_FACTOR_ROLES, sync_roles

ROLE_NAMES = {name.lower().replace(" ", "-"): name for name in ROLES}


class Command(BaseCommand):
    help = "Create a staff account with a role (Editors, Moderators, Lead handlers)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", required=True)
        parser.add_argument("--role", required=True, choices=sorted(ROLE_NAMES))
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    @transaction.atomic
    def handle(self, *args, username, email, role, first_name, last_name, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"There is already an account called {username}.")
        sync_roles()
        password = secrets.token_urlsafe(15)
        user = User.objects.create_user(
            username, email, password, first_name=first_name, last_name=last_name
        )
        user.groups.add(Group.objects.get(name=ROLE_NAMES[role]))
        OneTimePassword.objects.create(user=user, password_hash=user.password)
        self.stdout.write(
            f"Created {username} ({ROLE_NAMES[role]}). One-time password: {password}\n"
            "Give it to them privately. It works for 72 hours; at their first sign-in they\n"
            "choose their own"
            + (
                ", then pair a phone app for the second factor."
                if ROLE_NAMES[role] in SECOND_FACTOR_ROLES
                else "."
            )
        )
