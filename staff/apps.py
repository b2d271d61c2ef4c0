from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = "staff roles"

    def ready(self):
        from staff.roles import review_new_page, sync_roles_after_migrate

        # After every migrate (and every test database flush) the roles match roles.py.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
        # No sender: a signal names the concrete page class; review_new_page picks pages.
        post_save.connect(review_new_page, dispatch_uid="staff.review_new_page")
