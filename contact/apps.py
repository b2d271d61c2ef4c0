from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "contact"

    def ready(self):
        # Connects the receiver that queues a stored request's emails.
        from contact import tasks  # noqa: F401
