from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move


class CoreConfig(AppConfig):
    name = "core"

    def ready(self):
        from core import cache  # it uses models, which are not ready when apps.py is imported

        page_published.connect(cache.purge_page)
        page_unpublished.connect(cache.purge_page)
        post_page_move.connect(cache.purge_everything)
        post_delete.connect(cache.purge_everything_on_page_delete)
        post_save.connect(cache.forget_chrome_on_page_change)
        post_delete.connect(cache.forget_chrome_on_page_change)
        for label in cache.SITE_WIDE:
            model = apps.get_model(label)
            post_save.connect(cache.purge_everything_on_change, sender=model)
            post_delete.connect(cache.purge_everything_on_change, sender=model)
