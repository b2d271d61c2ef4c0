import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from site_settings.models import BusinessSettings


class ArticleFeed(Feed):
    """RSS 2.0 feed of the latest articles under one blog index."""

    feed_type = Rss201rev2Feed
    limit = 20

    def __init__(self, blog_index):
        super().__init__()
        self.blog_index = blog_index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        business = BusinessSettings.for_request(self.request)
        return f"{self.blog_index.title} – {business.business_name}"

    def link(self):
        return self.blog_index.get_full_url(self.request)

    def description(self):
        return self.blog_index.introduction or self.blog_index.title

    def items(self):
        return self.blog_index.articles()[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        # The editor-set publication date, not the moment the page was first saved.
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author

    def item_categories(self, item):
        return [tag.name for tag in item.sorted_tags()]
