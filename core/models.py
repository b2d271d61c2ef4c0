"""The page base shared by every page type on the site."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.functional import classproperty
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search import index

from core import cache, navigation, seo


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
        """The pages above this one, below the site root. Up to a section's pages they come
        from the request's menu lookup; deeper pages query once per request."""
        if self.depth <= 2:
            return []
        root = navigation.site_root(request)
        if self.depth == 3 and root is not None:
            return [root]
        section = navigation.section_of(self, request) if self.depth == 4 and self.path else None
        if root is not None and section is not None:
            return [root, section]
        # Keyed by the object, not its pk: a page previewed before its first save has none.
        cached = getattr(request, "_breadcrumbs", None)
        if cached is None or cached[0] is not self:
            cached = request._breadcrumbs = (self, list(self.get_ancestors().filter(depth__gte=2)))
        return cached[1]

    def route(self, request, path_components):
        # Wagtail looks a child up as a plain page, then again as its own type. Where only one
        # type may live here (articles under the blog), one query finds it, photo included.
        child_types = self.specific_class.allowed_subpage_models()
        if not path_components or len(child_types) != 1:
            return super().route(request, path_components)
        model = child_types[0]
        try:
            child = (
                model.objects.child_of(self)
                .select_related("hero_image")
                .get(slug=path_components[0])
            )
        except model.DoesNotExist:
            raise Http404 from None
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def get_view_restrictions(self):
        # Wagtail checks this before serving every page: two queries (the ancestors, then their
        # restrictions). Most pages have none above them, which the cached list tells.
        if navigation.is_restricted(self):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()

    def structured_data(self, request):
        """schema.org JSON-LD objects for this page: its place in the site, plus what page
        types add (an article, a service, a gallery)."""
        ancestors = self.breadcrumb_pages(request)
        return [seo.breadcrumb_data(request, self, ancestors)] if ancestors else []

    def purge_set(self):
        """What a shared cache must forget when this page is published or unpublished: the
        page, and the pages above it, which list it (its index and the home page)."""
        return [self, *self.get_ancestors().filter(depth__gte=2)]

    def photo_roles(self):
        """(photo, roles) pairs for what this page shows, so that publishing it makes their
        renditions (core/tasks.py). The wide photo appears here and in every kind of list."""
        photos = []
        if self.hero_image:
            photos.append((self.hero_image, ["hero", "card", "summary", "thumbnail", "share"]))
        for block in getattr(self, "body", None) or []:
            if block.block_type == "image" and block.value["image"]:
                photos.append((block.value["image"], ["inline"]))
        return photos

    def share_photo(self, request):
        """The photo link previews show for this address."""
        return self.hero_image

    def search_matches(self, query):
        """Things inside this page that matched a site search, listed under its result."""
        return []


class CachedSiteSetting(BaseSiteSetting):
    """A site setting that every page reads: kept in the cache with the site's chrome instead
    of queried on each request. Editing it in the admin reads and saves the database row."""

    class Meta:
        abstract = True

    @classmethod
    def for_request(cls, request):
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)
            setting = cache.chrome(f"{cls._meta.label_lower}:{site.pk}", lambda: cls.for_site(site))
            setting._request = request
            setattr(request, attr_name, setting)
        return getattr(request, attr_name)


def check_price_range(instance, low="price_low", high="price_high"):
    """A price range's clean(): the high price may not be below the low one."""
    low_price, high_price = getattr(instance, low), getattr(instance, high)
    if None not in (low_price, high_price) and low_price > high_price:
        raise ValidationError({high: "The high price must not be below the low price."})
