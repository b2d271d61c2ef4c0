import datetime

import factory
import wagtail_factories

from blog.models import ArticlePage, ArticleSource, BlogIndexPage
from images.factories import ImageFactory


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BlogIndexPage

    title = "Stone history"
    slug = "blog"
    show_in_menus = True


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article {n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    last_reviewed = datetime.date(2026, 11, 1)
    introduction = factory.LazyAttribute(lambda o: f"Introduction to {o.title}.")
    hero_image = factory.SubFactory(ImageFactory)
    body = factory.LazyAttribute(
        lambda o: [{"type": "paragraph", "value": f"<p>The story of {o.title}.</p>"}]
    )
    source = factory.RelatedFactory(
        "blog.factories.ArticleSourceFactory", factory_related_name="page"
    )


class ArticleSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleSource

    title = "Encyclopaedia Britannica"
    publisher = "Encyclopaedia Britannica, Inc."
    url = "https://www.britannica.com/"
