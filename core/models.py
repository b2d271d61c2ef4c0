"""The page base shared by every page type on the site."""

from django.db import models
from django.utils.functional import classproperty
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page
from wagtail.search import index

from core import seo


class BasePage(Page):
    """Every page on the site: an introduction, a wide photo and plain-language SEO labels.

    The editor has the same tabs for every page type: Content (words), Photos, Promote (for
    search engines and menus) and, where Wagtail has any, Settings. Page types add to
    `content_panels` and `photo_panels`, and describe themselves to search engines by
    extending `structured_data`.
    """

    introduction = models.TextField(
        blank=True,
        max_length=400,
        help_text="One or two sentences under the title. Also shown in lists and search results.",
    )
    hero_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide photo shown at the top of the page and in lists.",
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    photo_panels = [FieldPanel("hero_image")]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel(
                    "seo_title",
                    heading="Title tag",
                    help_text="The title search engines show. Leave empty to use the page title.",
                ),
                FieldPanel(
                    "search_description",
                    heading="Meta description",
                    help_text="The summary search engines show. Empty: the introduction is used.",
                ),
            ],
            heading="For search engines",
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading="Navigation"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    # What the site-wide links ask of the top-level pages: where this page type's RSS feed
    # lives below its URL, and whether its page is where "Request an estimate" buttons go.
    feed_path = ""
    takes_estimate_requests = False

    class Meta:
        abstract = True

    @classproperty
    def edit_handler(cls):
        # Read once per page type by Wagtail, which caches the bound result.
        tabs = [
            ObjectList(cls.content_panels, heading="Content"),
            ObjectList(cls.photo_panels, heading="Photos"),
            ObjectList(cls.promote_panels, heading="Promote"),
        ]
        if cls.settings_panels:
            tabs.append(ObjectList(cls.settings_panels, heading="Settings"))
        return TabbedInterface(tabs, base_form_class=cls.base_form_class)

    @property
    def meta_description(self):
        return self.search_description or self.introduction

    def breadcrumb_pages(self, request):
        """The pages above this one, below the site root; fetched once per request."""
        if self.depth <= 2:
            return []
        # Keyed by the object, not its pk: a page previewed before its first save has none.
        cached = getattr(request, "_breadcrumbs", None)
        if cached is None or cached[0] is not self:
            cached = request._breadcrumbs = (self, list(self.get_ancestors().filter(depth__gte=2)))
        return cached[1]

    def structured_data(self, request):
        """schema.org JSON-LD objects for this page: its place in the site, plus what page
        types add (an article, a service, a gallery)."""
        ancestors = self.breadcrumb_pages(request)
        return [seo.breadcrumb_data(request, self, ancestors)] if ancestors else []

    def purge_set(self):
        """What a shared cache must forget when this page is published or unpublished: the
        page, and the pages above it, which list it (its index and the home page)."""
        return [self, *self.get_ancestors().filter(depth__gte=2)]

    def search_matches(self, query):
        """Things inside this page that matched a site search, listed under its result."""
        return []
