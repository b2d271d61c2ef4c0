"""History-style articles. Each one lists its sources and the date it was last checked."""

import math

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.functional import classproperty
from django.utils.html import strip_tags
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.forms import TaskStateCommentForm
from wagtail.models import Orderable
from wagtail.models.workflows import AbstractGroupApprovalTask
from wagtail.search import index

from blog.feeds import ArticleFeed
from core import navigation, seo
from core.blocks import ArticleBodyBlock
from core.models import BasePage
from site_settings.models import BusinessSettings

WORDS_PER_MINUTE = 220


class BlogIndexPage(RoutablePageMixin, BasePage):
    """/blog/: articles newest first, by tag, and as an RSS feed at /blog/feed/."""

    articles_per_page = 10

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.ArticlePage"]
    max_count = 1

    def visible_articles(self):
        """Articles a visitor may read: published, not behind a password, in this blog."""
        articles = ArticlePage.objects.child_of(self).live()
        return navigation.public(articles)

    def articles(self, visible=None):
        """The listing: newest first, with what the summaries show fetched up front."""
        visible = self.visible_articles() if visible is None else visible
        return (
            visible.select_related("hero_image")
            .prefetch_related(
                models.Prefetch(
                    "tagged_items",
                    queryset=ArticlePageTag.objects.select_related("tag").order_by("tag__name"),
                )
            )
            .defer_streamfields()
            .order_by("-date", "-pk")
        )

    def render_listing(self, request, tag_slug=None):
        visible = self.visible_articles()
        # Only tags that lead somewhere: those on articles a visitor can read.
        tags = (
            Tag.objects.filter(blog_articlepagetag_items__content_object__in=visible)
            .distinct()
            .order_by("name")
        )
        tag = None
        articles = self.articles(visible)
        if tag_slug is not None:
            tag = get_object_or_404(tags, slug=tag_slug)
            articles = articles.filter(tags=tag)
        return self.render(
            request,
            context_overrides={
                "articles": Paginator(articles, self.articles_per_page).get_page(
                    request.GET.get("page")
                ),
                "tag": tag,
                "tags": tags,
            },
        )

    @path("")
    def index(self, request):
        return self.render_listing(request, tag_slug=request.GET.get("tag") or None)

    @path("tags/<slug:tag>/")
    def tag_listing(self, request, tag):
        return self.render_listing(request, tag_slug=tag)

    @path("feed/")
    def feed(self, request):
        return ArticleFeed(self)(request)

    def get_cached_paths(self):
        # Every tag, not only those in use: an article that lost its last tag leaves a stale
        # tag page behind otherwise.
        tags = Tag.objects.order_by("slug").values_list("slug", flat=True)
        return ["/", self.feed_path, *(self.reverse_subpage("tag_listing", args=[t]) for t in tags)]

    @classproperty
    def feed_path(cls):
        return cls.get_resolver().reverse("feed")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePageForm(WagtailAdminPageForm):
    """Checks that every note in the text points to a source the article lists."""

    def clean(self):
        cleaned_data = super().clean()
        sources = self.formsets.get("sources")
        body = cleaned_data.get("body")
        if sources is None or not body or not sources.is_valid():
            return cleaned_data
        count = sum(
            1 for form in sources.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        )
        for block in body:
            number = block.value.get("source") if block.block_type == "footnote" else None
            if number and number > count:
                self.add_error(
                    "body",
                    f"A note points to source {number}, but the article lists {count} "
                    f"source{'s' if count != 1 else ''}. Add the source or change the number.",
                )
        return cleaned_data


class ArticlePage(BasePage):
    """A history-style article. Sources are required and shown under the text."""

    base_form_class = ArticlePageForm

    date = models.DateField("publication date", help_text="The date shown on the article.")
    author = models.CharField(
        max_length=120,
        default="L&M Granite and Marble",
        help_text="Who wrote it: a person's name or the business.",
    )
    body = StreamField(
        ArticleBodyBlock(),
        help_text="The article. A Note block points to a source by its number in the list.",
    )
    last_reviewed = models.DateField(
        help_text="When someone last checked the facts, dates, names and sources.",
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)

    def sorted_tags(self):
        """The article's tags by name, the same on every render: from the listings' prefetch
        (`BlogIndexPage.articles`, already in that order) with no query, or asked for so."""
        if "tagged_items" in getattr(self, "_prefetched_objects_cache", {}):
            return [item.tag for item in self.tagged_items.all()]
        return list(self.tags.order_by("name"))

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel("sources", label="Source", min_num=1),
                FieldPanel("last_reviewed"),
            ],
            heading="Sources and fact check",
        ),
        FieldPanel("tags"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "article"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        above = self.breadcrumb_pages(request)  # no extra query: the menu has the blog
        context["blog"] = above[-1].specific_deferred if above else None
        return context

    def structured_data(self, request):
        business = BusinessSettings.for_request(request)
        author_type = "Organization" if self.author == business.business_name else "Person"
        article = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title[:110],
            "description": self.meta_description or None,
            "datePublished": self.date.isoformat(),
            "dateModified": self.last_published_at and self.last_published_at.isoformat(),
            "author": {"@type": author_type, "name": self.author},
            "publisher": seo.business_ref(request, business),
            "image": seo.image_url(request, self.hero_image),
            "mainEntityOfPage": seo.absolute(request, self.get_url(request)),
        }
        return [*super().structured_data(request), seo.compact(article)]

    def save(self, *args, **kwargs):
        # Searchable text, not the rendered HTML: rendering would make image renditions.
        text = " ".join(self.body.stream_block.get_searchable_content(self.body))
        words = len(strip_tags(text).split())
        self.reading_minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
        super().save(*args, **kwargs)


class ArticleSource(Orderable):
    """A book, paper or page the article relies on, listed and numbered under the text."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(max_length=255)
    author = models.CharField(max_length=255, blank=True, help_text="Optional: who wrote it.")
    publisher = models.CharField(
        max_length=255, blank=True, help_text="Optional: the publisher or website."
    )
    year = models.CharField(max_length=20, blank=True, help_text="Optional: when it came out.")
    url = models.URLField(
        "web address",
        blank=True,
        max_length=500,
        help_text="Optional: where a reader can find it online.",
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("author"), FieldPanel("publisher"), FieldPanel("year")]),
        FieldPanel("url"),
    ]

    def __str__(self):
        return self.title


class FactCheckForm(TaskStateCommentForm):
    """What the reviewer confirms before an article goes live."""

    facts = forms.BooleanField(label="The facts match the sources")
    dates = forms.BooleanField(label="Dates are right, including the day and month")
    names = forms.BooleanField(label="Names of people, places and treaties are spelled right")
    sources = forms.BooleanField(label="Every source is listed and can be found")


class FactCheckTask(AbstractGroupApprovalTask):
    """Approval by a Moderator who ticks the fact-check list, or a request for changes.

    Every blog's articles go through it: staff/roles.py (WORKFLOWS) attaches it.
    """

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", "Request changes", True),
                ("approve", "Approve after checking", True),
            ]
        return []

    def get_form_for_action(self, action):
        return FactCheckForm if action == "approve" else TaskStateCommentForm

    def on_action(self, task_state, user, action_name, **kwargs):
        # The ticked boxes are required by the form; only the comment is stored.
        return super().on_action(task_state, user, action_name, comment=kwargs.get("comment", ""))

    @classmethod
    def get_description(cls):
        return "Moderators check facts, dates, names and sources, then approve or ask for changes."

    class Meta:
        verbose_name = "fact check"
