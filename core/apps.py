from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move


class CoreConfig(AppConfig):
    name = "core"

    def ready(self):
        from wagtail.images import get_image_model
        from wagtail.models import Page, PageViewRestriction, Site

        # These use models, which are not ready when apps.py is imported.
        from core import cache, tasks

        page_published.connect(cache.purge_page)
        page_published.connect(tasks.queue_page_photos)
        post_save.connect(tasks.queue_photo, sender=get_image_model())
        page_unpublished.connect(cache.purge_page)  # also when Wagtail deletes a live page
        post_page_move.connect(cache.site_wide_change)
        for model in apps.get_models():
            if issubclass(model, Page):
                post_save.connect(cache.page_saved_or_deleted, sender=model)
                post_delete.connect(cache.page_saved_or_deleted, sender=model)
        for model in [PageViewRestriction, Site, *map(apps.get_model, cache.SITE_WIDE)]:
            post_save.connect(cache.site_wide_change, sender=model)
            post_delete.connect(cache.site_wide_change, sender=model)
        redirect = apps.get_model("wagtailredirects.Redirect")
        post_save.connect(cache.purge_redirect, sender=redirect)
        post_delete.connect(cache.purge_redirect, sender=redirect)
