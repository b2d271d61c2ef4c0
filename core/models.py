"""The page base shared by every page type on the site."""

from django.db import models
from django.utils.functional import classproperty
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page
from wagtail.search import index


class HeroMixin(models.Model):
    """An introduction and a wide photo at the top of a page, also used in listings."""

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

    panels = [FieldPanel("introduction")]
    photo_panels = [FieldPanel("hero_image")]
    search_fields = [index.SearchField("introduction")]

    class Meta:
        abstract = True


class BasePage(HeroMixin, Page):
    """Every page on the site: the hero fields plus plain-language SEO labels.

    The editor has the same tabs for every page type: Content (words), Photos, Promote (for
    search engines and menus) and, where Wagtail has any, Settings. Page types add to
    `content_panels` and `photo_panels`.
    """

    content_panels = Page.content_panels + HeroMixin.panels
    photo_panels = HeroMixin.photo_panels
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
    search_fields = Page.search_fields + HeroMixin.search_fields

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
