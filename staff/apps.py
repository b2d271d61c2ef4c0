from django.apps import AppConfig
from django.db.models.signals import post_migrate


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = "staff roles"

    def ready(self):
        from staff.roles import sync_roles_after_migrate

        # After every migrate (and every test database flush) the roles match roles.py.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
