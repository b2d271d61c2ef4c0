from django.apps import AppConfig


class YardConfig(AppConfig):
    name = "yard"
    verbose_name = "Slab yard"

    def ready(self):
        # Connect the receivers: the email to the next person waiting, and the purges.
        from yard import cache, tasks  # noqa: F401
